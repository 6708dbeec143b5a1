import { parseArgs } from 'node:util';
import { formatGestureReport } from '../train/gestureReport.js';
import { loadTrainingInputs } from '../train/loadTrainingInputs.js';
import { TrainingDataError } from '../train/trainErrors.js';
import { importOptional } from './missingDependency.js';

const USAGE = `usage: posestream train <recording.ndjson | windows.json | kairess-dir>... --out DIR
  [--epochs 20] [--seed 1] [--kind gru|dense] [--frames 30] [--fps 30] [--stride 2] [--blocks 5]
  [--min-windows 20] [--per-class 300] [--backend wasm|cpu]
`;

/**
 * `posestream train`: trains a gesture model on labelled recordings and/or window arrays and writes a tfjs
 * LayersModel directory (model.json, weights.bin, labels.json, report.json).
 *
 * All inputs are read and checked before training starts (typed errors naming the file). Progress per epoch
 * goes to stderr; the validation report (held-out time block of each take) to stdout. Resolves to the exit code.
 * TensorFlow.js (the optional peer `@tensorflow/tfjs`) is imported when it runs: not installed, it rejects with a
 * `MissingDependencyError` naming it and its install line.
 *
 * @example
 * ```ts
 * import { runTrain } from 'posestream/node';
 * await runTrain(['takes/a.ndjson', 'takes/b.ndjson', '--out', 'models/mine', '--epochs', '20']);
 * ```
 */
export async function runTrain(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      epochs: { type: 'string', default: '20' },
      seed: { type: 'string', default: '1' },
      kind: { type: 'string', default: 'gru' },
      frames: { type: 'string', default: '30' },
      fps: { type: 'string', default: '30' },
      stride: { type: 'string', default: '2' },
      blocks: { type: 'string', default: '5' },
      'min-windows': { type: 'string', default: '20' },
      'per-class': { type: 'string', default: '300' },
      backend: { type: 'string', default: 'wasm' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.out === undefined || positionals.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const int = (name: string, text: string | undefined): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new TrainingDataError('no-data', `--${name}`, `expected a positive integer, got ${JSON.stringify(text)}`);
    return n;
  };
  const kind = values.kind === 'dense' ? 'dense' : values.kind === 'gru' ? 'gru' : undefined;
  if (kind === undefined) throw new TrainingDataError('no-data', '--kind', `expected gru or dense, got ${JSON.stringify(values.kind)}`);
  const [{ initTfBackend }, { trainGestureModel }, { saveGestureModel }] = await importOptional('runTrain() of posestream/node', () =>
    Promise.all([import('../train/initTfBackend.js'), import('../train/trainGestureModel.js'), import('../train/gestureModelFiles.js')]),
  );
  const inputs = await loadTrainingInputs(positionals);
  await initTfBackend(values.backend === 'cpu' ? 'cpu' : 'wasm');
  const result = await trainGestureModel({
    sequences: inputs.sequences,
    trainClips: inputs.windowClips.train,
    validationClips: inputs.windowClips.validation,
    epochs: int('epochs', values.epochs),
    seed: int('seed', values.seed),
    kind,
    frames: int('frames', values.frames),
    fps: int('fps', values.fps),
    stride: int('stride', values.stride),
    blocks: int('blocks', values.blocks),
    minWindows: int('min-windows', values['min-windows']),
    perClass: int('per-class', values['per-class']),
    onEpoch: (p) =>
      process.stderr.write(
        `epoch ${p.epoch}/${p.epochs}  loss ${p.loss.toFixed(4)}  acc ${(p.accuracy * 100).toFixed(1)}%  val ${(p.validationAccuracy * 100).toFixed(1)}%\n`,
      ),
  });
  await saveGestureModel(values.out, result.model, result.metadata, { ...result.report, counts: result.counts });
  result.model.dispose();
  process.stdout.write(formatGestureReport(result.report));
  process.stdout.write(`wrote ${values.out}\n`);
  return 0;
}
