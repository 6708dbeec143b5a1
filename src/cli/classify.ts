/**
 * `posestream classify <recording.ndjson>`: replays a recording through the whole Node pipeline (sliding window,
 * classifier worker, stable gestures) and prints the gesture events and the run's statistics.
 */
import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, map, tap, toArray } from 'rxjs';
import { fromRecording } from '../streams/fromRecording.js';
import { slidingWindow } from '../operators/slidingWindow.js';
import { classifyLatest } from '../operators/classifyLatest.js';
import { stableGestures } from '../operators/stableGestures.js';
import { monitorStage } from '../operators/monitorStage.js';
import { createPipelineMonitor, STAGES } from '../monitor/createPipelineMonitor.js';
import { summarizeStats } from '../monitor/summarizeStats.js';
import { createClassifierWorker } from '../workers/createClassifierWorker.js';
import { PosestreamError } from '../errors.js';
import { checkNumberOption, InvalidOptionError } from '../filters/InvalidOptionError.js';
import { DEFAULT_MODEL_PIPELINE } from '../defaultModelPipeline.js';
import type { ClassifyPolicy } from '../operators/operatorTypes.js';
import type { GestureEvent, PipelineStats } from '../types.js';

/** The model shipped in the package (trained by `npm run train:default`). */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../models/default', import.meta.url));

/**
 * Resolves `--model` (a folder holding model.json, or model.json itself) to the model.json path; a missing one is
 * a `PosestreamError` naming the path looked at.
 *
 * @example
 * ```ts
 * import { resolveModelJson } from 'posestream/node';
 * resolveModelJson('models/default'); // '/abs/path/models/default/model.json'
 * ```
 */
export function resolveModelJson(model: string): string {
  const path = resolve(model);
  const isDir = existsSync(path) ? statSync(path).isDirectory() : !path.endsWith('.json');
  const json = isDir ? join(path, 'model.json') : path;
  if (!existsSync(json)) throw new PosestreamError('model-not-found', `no model.json at ${json}`);
  return json;
}

/**
 * Runs `posestream classify`: replays the recording (on its own clock by default, `--timing asap` as fast as it
 * reads), windows it (with `DEFAULT_MODEL_PIPELINE`'s settings unless flags say otherwise), classifies windows in a worker with `classifyLatest` (`--policy`), turns predictions into
 * gesture events with `stableGestures`, and prints the events (`--json`: one object per line) then one stats line.
 * The recording is a path, a `file:` URL or an `http(s):` URL. Latency figures are on one clock (`performance.now()`):
 * a frame is captured when the replay emits it (`--timing recorded`, so `durationMs` is the recording's own length)
 * or when it is read (`--timing asap`); `captureToResultP95Ms` is capture of a window's newest frame to its result.
 * Bad arguments throw an `InvalidOptionError` (the CLI prints it with the usage, exit code 2).
 *
 * @example
 * ```ts
 * import { runClassify } from 'posestream/node';
 * process.exitCode = await runClassify(['take.ndjson', '--policy', 'drop', '--json']);
 * ```
 */
export async function runClassify(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      model: { type: 'string', default: DEFAULT_MODEL_DIR },
      policy: { type: 'string', default: 'latest' },
      timing: { type: 'string', default: 'recorded' },
      window: { type: 'string', default: String(DEFAULT_MODEL_PIPELINE.window.frames) },
      'window-ms': { type: 'string', default: String(DEFAULT_MODEL_PIPELINE.window.durationMs) },
      threshold: { type: 'string', default: String(DEFAULT_MODEL_PIPELINE.gestures.threshold) },
      'min-consecutive': { type: 'string', default: String(DEFAULT_MODEL_PIPELINE.gestures.minConsecutive) },
      json: { type: 'boolean', default: false },
    },
  });
  const [recording] = positionals;
  const policy = values.policy as ClassifyPolicy;
  const timing = values.timing as 'recorded' | 'asap';
  const where = 'posestream classify';
  if (!recording) throw new InvalidOptionError(where, 'recording', 'a recording path or URL', undefined);
  if (positionals.length > 1) throw new InvalidOptionError(where, 'recording', 'a single recording', positionals.join(' '));
  if (!['latest', 'drop'].includes(policy)) throw new InvalidOptionError(where, '--policy', "'latest' or 'drop'", policy);
  if (!['recorded', 'asap'].includes(timing)) throw new InvalidOptionError(where, '--timing', "'recorded' or 'asap'", timing);
  const number = (flag: string, text: string, range: { min: number; max?: number; integer?: boolean }): number =>
    checkNumberOption(where, `--${flag}`, text.trim() === '' ? NaN : Number(text), range);
  const windowSize = number('window', values.window, { min: 1, integer: true });
  const windowMs = number('window-ms', values['window-ms'], { min: 0 });
  const threshold = number('threshold', values.threshold, { min: 0, max: 1 });
  const minConsecutive = number('min-consecutive', values['min-consecutive'], { min: 1, integer: true });
  const classifier = createClassifierWorker({ model: resolveModelJson(values.model) });
  // One clock (performance.now()) for the monitor and for every frame's capturedAt: with '--timing recorded' the
  // replay stamps frames when it emits them, with 'asap' a frame is captured when it is read.
  const monitor = createPipelineMonitor({ capacity: 1 << 20 });
  const print = (line: object | string): void => {
    process.stdout.write(typeof line === 'string' ? `${line}\n` : `${JSON.stringify(line)}\n`);
  };
  try {
    await classifier.ready;
    // The run starts once the model is loaded, with the replay: durationMs is then the recording's own length.
    const started = monitor.now();
    const events: GestureEvent[] = await lastValueFrom(
      fromRecording(recording, { timing, now: monitor.now }).pipe(
        map((frame) => (frame.capturedAt === undefined ? { ...frame, capturedAt: monitor.now() } : frame)),
        monitorStage(monitor, 'source'),
        // Resampled to the model's frame rate (0 ms: the last N frames as they came), as DEFAULT_MODEL_PIPELINE.
        slidingWindow(windowSize, {
          monitor,
          onMissingHand: DEFAULT_MODEL_PIPELINE.onMissingHand,
          maxGapMs: DEFAULT_MODEL_PIPELINE.maxGapMs,
          ...(windowMs > 0 ? { resample: { frames: windowSize, durationMs: windowMs } } : {}),
        }),
        classifyLatest((w) => classifier.classifyWindow(w), { policy, monitor }),
        stableGestures({
          ...DEFAULT_MODEL_PIPELINE.gestures,
          threshold,
          minConsecutive,
        }),
        tap((e) => {
          if (e.phase !== 'end') return;
          const { label, startFrame, endFrame, startT, endT, score } = e;
          if (values.json) print({ type: 'gesture', label, startFrame, endFrame, startT, endT, score });
          else print(`${label.padEnd(12)} frames ${startFrame}-${endFrame}  t ${startT}-${endT} ms  score ${score.toFixed(3)}`);
        }),
        toArray(),
      ),
    );
    const all = STAGES.flatMap((stage) => monitor.events(stage));
    const stats = summarizeStats(all, { from: started - 1, to: monitor.now() });
    const summary = statsLine(stats, events.filter((e) => e.phase === 'end').length, policy);
    if (values.json) print(summary);
    else print(`\n${Object.entries(summary).map(([k, v]) => `${k}: ${typeof v === 'number' ? +v.toFixed(3) : v}`).join('\n')}`);
    return 0;
  } finally {
    classifier.dispose();
  }
}

function statsLine(stats: PipelineStats, gestures: number, policy: ClassifyPolicy): Record<string, unknown> {
  return {
    type: 'stats',
    policy,
    gestures,
    durationMs: stats.windowMs,
    framesPerSec: stats.fps.source,
    windowsPerSec: stats.fps.window,
    classifiedPerSec: stats.fps.classifier,
    droppedWindows: stats.droppedWindows,
    classifierBusy: stats.classifierBusy,
    windowWaitP95Ms: stats.windowWait.p95,
    captureToResultP95Ms: stats.captureToResult.p95,
  };
}
