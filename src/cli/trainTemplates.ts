import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PosestreamError } from '../errors.js';
import { readRecording } from '../recording/readRecording.js';
import { teachGestureModel } from '../teach/teachGestureModel.js';
import type { LabelledRecording } from '../teach/teachTypes.js';

/**
 * `posestream train --kind templates`: teaches a taught template model (`teachGestureModel`, as
 * `createGestureTrainer` does in the page) from posestream/v1 recordings with label lines, `none` from their
 * unlabelled frames, and writes it as `DIR/model.json` (`"format": "posestream-templates/v1"`, with the window and
 * `stableGestures` settings it was taught with), which `posestream classify --model DIR` runs. Every recording is
 * read and checked first (a `RecordingError` names the file and line; a `TeachingError` the class and its count or
 * the example and its frames) before teaching starts. Progress goes to stderr, a summary to stdout. Resolves to the
 * exit code.
 *
 * @example
 * ```ts
 * import { runTrain } from 'posestream/node';
 * await runTrain(['--kind', 'templates', 'takes/mine.ndjson', '--out', 'models/mine']);
 * ```
 */
export async function trainTemplates(inputs: readonly string[], out: string, outFlag: string, frames: number | undefined, keepSwipes = false): Promise<number> {
  const recordings: LabelledRecording[] = [];
  for (const path of inputs) {
    const { frames: poseFrames, labels } = await readRecording(path);
    recordings.push({ frames: poseFrames, labels, name: path });
  }
  let last = '';
  const options = { ...(frames === undefined ? {} : { window: { frames, durationMs: 2000, minDurationMs: 1000 } }), ...(keepSwipes ? { swipes: {} } : {}) };
  const done = await teachGestureModel({ recordings }, options, (p) => {
    const line = `${p.step} ${p.done}/${p.total}${p.score !== undefined ? `  held-out F1 ${p.score.toFixed(3)}` : ''}`;
    if (line !== last) process.stderr.write(`${line}\n`);
    last = line;
  });
  const { model } = done;
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'model.json'), `${JSON.stringify(model)}\n`);
  } catch (error) {
    throw new PosestreamError('write-failed', `${outFlag} ${out}: could not write the model: ${(error as Error).message}`, { cause: error });
  }
  const examples = Object.entries(model.taught.examples).map(([l, n]) => `${l} ${n}`).join(', ');
  process.stdout.write(
    `taught ${model.labels.slice(0, -1).join(', ')} (+ none${model.swipes !== undefined ? ', swipes kept' : ''}) from ${examples}; window ${model.window.frames} frames over ${model.window.durationMs} ms; ` +
      `stableGestures ${JSON.stringify(model.gestures)}; held-out folds P ${model.taught.precision.toFixed(3)} R ${model.taught.recall.toFixed(3)}; ${model.taught.trainMs} ms\n`,
  );
  process.stdout.write(`wrote ${join(out, 'model.json')}\n`);
  return 0;
}
