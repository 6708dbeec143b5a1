import { formatGestureReport } from '../train/gestureReport.js';
import { importOptional } from './missingDependency.js';
import { loadTrainingInputs } from '../train/loadTrainingInputs.js';
import { TrainingDataError } from '../train/trainErrors.js';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import { PosestreamError } from '../errors.js';
import { checkOutputPath } from './checkOutputPath.js';
import { flagChoice } from './flagChoice.js';
import { flagNumber, type FlagRange } from './flagNumber.js';
import { parseCommandLine } from './parseCommandLine.js';
import { trainTemplates } from './trainTemplates.js';

const WHERE = 'posestream train';

/** The files `train --out` writes: an existing one needs `--force`. */
const MODEL_FILES = ['model.json', 'weights.bin', 'labels.json', 'report.json'] as const;

const USAGE = `usage: posestream train <recording.ndjson | windows.json | kairess-dir>... --out DIR [options]

  -o, --out DIR       the model folder to write (created if missing); one that holds a model needs --force
  --force             overwrite the model in --out
  --epochs 20         training epochs, 1..10000
  --seed 1            random seed, 0..4294967295
  --kind gru|dense|templates
                      the model (default gru); templates: a taught template model from recordings with label
                      lines (none from their unlabelled frames; no TensorFlow.js), written as DIR/model.json
  --keep-swipes       with --kind templates: the taught model keeps the four swipes beside its gestures
  --frames 30         frames per window, 2..1000
  --fps 30            the frame rate windows are sampled at, 1..1000 frames per second
  --stride 2          frames between training windows, 1..1000
  --blocks 5          time blocks per take (the last one validates), 2..100
  --min-windows 20    fewest training windows a class may have, 1..1000000
  --per-class 300     windows drawn per class per epoch, 1..1000000
  --backend wasm|cpu  the TensorFlow.js backend (default wasm)
  -h, --help          this help
`;

const RANGES: Record<string, FlagRange & { default: string }> = {
  epochs: { min: 1, max: 10_000, integer: true, unit: 'epochs', default: '20' },
  seed: { min: 0, max: 4_294_967_295, integer: true, unit: 'a random seed', default: '1' },
  frames: { min: 2, max: 1000, integer: true, unit: 'frames per window', default: '30' },
  fps: { min: 1, max: 1000, integer: true, unit: 'frames per second', default: '30' },
  stride: { min: 1, max: 1000, integer: true, unit: 'frames', default: '2' },
  blocks: { min: 2, max: 100, integer: true, unit: 'time blocks per take', default: '5' },
  'min-windows': { min: 1, max: 1_000_000, integer: true, unit: 'windows', default: '20' },
  'per-class': { min: 1, max: 1_000_000, integer: true, unit: 'windows per class per epoch', default: '300' },
};

/**
 * `posestream train`: trains a gesture model on labelled recordings and/or window arrays and writes a tfjs
 * LayersModel directory (model.json, weights.bin, labels.json, report.json).
 *
 * Every flag (type, range, unit: an `InvalidOptionError`, exit 2) and `--out` (a folder, not a file; one holding a
 * model only with `--force`) are checked before any input is read; all inputs are read and checked (typed errors
 * naming the file, e.g. fewer than two classes) before training starts, so a training run never ends on a bad
 * argument or an unwritable path. Progress per epoch goes to stderr; the validation report (held-out time block of
 * each take) to stdout. `-h` / `--help` prints the help. Resolves to the exit code.
 *
 * @example
 * ```ts
 * import { runTrain } from 'posestream/node';
 * await runTrain(['takes/a.ndjson', 'takes/b.ndjson', '--out', 'models/mine', '--epochs', '20']);
 * ```
 */
export async function runTrain(argv: string[]): Promise<number> {
  const flags = Object.fromEntries(Object.keys(RANGES).map((name) => [name, { type: 'string' as const, value: RANGES[name]!.unit }]));
  const { values, typed, positionals, help } = parseCommandLine(WHERE, argv, {
    out: { type: 'string', short: 'o', value: 'a model folder' },
    force: { type: 'boolean' },
    kind: { type: 'string', value: "'gru', 'dense' or 'templates'" },
    'keep-swipes': { type: 'boolean' },
    backend: { type: 'string', value: "'wasm' or 'cpu'" },
    ...flags,
  });
  if (help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const text = (name: string): string | undefined => values[name] as string | undefined;
  const n: Record<string, number> = {};
  for (const [name, range] of Object.entries(RANGES)) n[name] = flagNumber(WHERE, typed[name] ?? `--${name}`, text(name) ?? range.default, range);
  const kind = flagChoice(WHERE, typed['kind'] ?? '--kind', text('kind') ?? 'gru', ['gru', 'dense', 'templates'] as const);
  const backend = flagChoice(WHERE, typed['backend'] ?? '--backend', text('backend') ?? 'wasm', ['wasm', 'cpu'] as const);
  if (positionals.length === 0) throw new InvalidOptionError(WHERE, 'inputs', 'one or more recordings, window files or kairess folders', 'nothing');
  const out = text('out');
  if (out === undefined || out === '') throw new InvalidOptionError(WHERE, typed['out'] ?? '--out', 'a model folder', 'nothing');
  checkOutputPath(WHERE, typed['out'] ?? '--out', out, { kind: 'dir', force: values['force'] === true, files: MODEL_FILES });

  if (values['keep-swipes'] === true && kind !== 'templates') throw new InvalidOptionError(WHERE, '--keep-swipes', "--kind templates (a taught model keeps the swipes; a trained one has its own labels)", kind);
  if (kind === 'templates') return trainTemplates(positionals, out, typed['out'] ?? '--out', text('frames') === undefined ? undefined : n['frames'], values['keep-swipes'] === true);

  // The tool before the inputs: a missing @tensorflow/tfjs is said before any file is read.
  const [{ initTfBackend }, { trainGestureModel }, { saveTrainedModel }] = await importOptional('runTrain() of posestream/node', () =>
    Promise.all([import('../train/initTfBackend.js'), import('../train/trainGestureModel.js'), import('../train/gestureModelFiles.js')]),
  );
  const inputs = await loadTrainingInputs(positionals);
  const classes = new Set([...inputs.sequences, ...inputs.windowClips.train].flatMap((s) => s.labels.map((l) => l.label)));
  if (classes.size < 2) {
    const found = classes.size === 0 ? 'none' : `only ${[...classes].map((c) => JSON.stringify(c)).join(', ')}`;
    throw new TrainingDataError('no-data', positionals.join(', '), `a gesture model needs at least 2 classes to tell apart; the inputs label ${found}`);
  }
  await initTfBackend(backend);
  const result = await trainGestureModel({
    sequences: inputs.sequences,
    trainClips: inputs.windowClips.train,
    validationClips: inputs.windowClips.validation,
    epochs: n['epochs']!,
    seed: n['seed']!,
    kind,
    frames: n['frames']!,
    fps: n['fps']!,
    stride: n['stride']!,
    blocks: n['blocks']!,
    minWindows: n['min-windows']!,
    perClass: n['per-class']!,
    onEpoch: (p) =>
      process.stderr.write(
        `epoch ${p.epoch}/${p.epochs}  loss ${p.loss.toFixed(4)}  acc ${(p.accuracy * 100).toFixed(1)}%  val ${(p.validationAccuracy * 100).toFixed(1)}%\n`,
      ),
  });
  await saveTrainedModel(out, result.model, result.metadata, { ...result.report, counts: result.counts }).catch((error: unknown) => {
    throw new PosestreamError('write-failed', `${typed['out'] ?? '--out'} ${out}: could not write the model: ${(error as Error).message}`, { cause: error });
  });
  result.model.dispose();
  process.stdout.write(formatGestureReport(result.report));
  process.stdout.write(`wrote ${out}\n`);
  return 0;
}
