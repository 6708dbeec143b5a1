import { parseArgs } from 'node:util';
import { formatGestureReport } from '../train/gestureReport.js';
import { loadTrainingInputs } from '../train/loadTrainingInputs.js';
import { TrainingDataError } from '../train/trainErrors.js';
import { importOptional } from './missingDependency.js';

const USAGE = `usage: posestream eval <recording.ndjson | windows.json | kairess-dir>... --model DIR
  [--json] [--blocks B (only the last of B time blocks of each take)] [--stride 1] [--backend wasm|cpu]
`;

/**
 * `posestream eval`: runs a gesture model directory over labelled recordings (or window arrays, or kairess takes)
 * and prints the same report `train` writes: accuracy, per-class precision/recall, confusion matrix, per file.
 * A model whose input is not N x 21 x 3 (or N x 63) fails with `ModelShapeError` naming its model.json.
 * TensorFlow.js (the optional peer `@tensorflow/tfjs`) is imported when it runs: not installed, it rejects with a
 * `MissingDependencyError` naming it and its install line.
 *
 * @example
 * ```ts
 * import { runEval } from 'posestream/node';
 * await runEval(['takes/test.ndjson', '--model', 'models/default', '--json']);
 * ```
 */
export async function runEval(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      model: { type: 'string', short: 'm' },
      json: { type: 'boolean', default: false },
      blocks: { type: 'string' },
      stride: { type: 'string', default: '1' },
      backend: { type: 'string', default: 'wasm' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.model === undefined || positionals.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const blocks = values.blocks === undefined ? undefined : Number(values.blocks);
  if (blocks !== undefined && (!Number.isInteger(blocks) || blocks < 2)) {
    throw new TrainingDataError('no-data', '--blocks', `expected an integer >= 2, got ${JSON.stringify(values.blocks)}`);
  }
  const [{ initTfBackend }, { loadGestureModel }, { evaluateGestureModel }] = await importOptional('runEval() of posestream/node', () =>
    Promise.all([import('../train/initTfBackend.js'), import('../train/gestureModelFiles.js'), import('../train/evaluateGestureModel.js')]),
  );
  const inputs = await loadTrainingInputs(positionals);
  await initTfBackend(values.backend === 'cpu' ? 'cpu' : 'wasm');
  const { model, labels, frames, metadata } = await loadGestureModel(values.model);
  const sequences = [...inputs.sequences, ...inputs.windowClips.train, ...inputs.windowClips.validation];
  const { report, unknown } = await evaluateGestureModel(model, labels, frames, sequences, {
    fps: metadata?.fps ?? 30,
    stride: Number(values.stride) || 1,
    ...(blocks !== undefined ? { blocks } : {}),
  });
  model.dispose();
  if (values.json) process.stdout.write(`${JSON.stringify({ ...report, unknownLabels: unknown }, null, 2)}\n`);
  else process.stdout.write(formatGestureReport(report));
  for (const [label, n] of Object.entries(unknown)) process.stderr.write(`eval: ${n} windows labelled ${JSON.stringify(label)} skipped: the model has no such class\n`);
  return 0;
}
