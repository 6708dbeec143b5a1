import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatGestureReport } from '../train/gestureReport.js';
import { importOptional } from './missingDependency.js';
import { loadTrainingInputs } from '../train/loadTrainingInputs.js';
import { ModelShapeError, TrainingDataError } from '../train/trainErrors.js';
import { PosestreamError } from '../errors.js';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import { resolveModelJson } from './classify.js';
import { flagChoice } from './flagChoice.js';
import { flagNumber } from './flagNumber.js';
import { parseCommandLine } from './parseCommandLine.js';

const WHERE = 'posestream eval';

const USAGE = `usage: posestream eval <recording.ndjson | windows.json | kairess-dir>... --model DIR [options]

  -m, --model DIR     the model folder (model.json, weights.bin, labels.json), or its model.json
  --json              the report as JSON
  --blocks B          evaluate only the last of B time blocks of each take, 2..100 (default: all of it)
  --stride 1          frames between evaluated windows, 1..1000
  --backend wasm|cpu  the TensorFlow.js backend (default wasm)
  -h, --help          this help
`;

/**
 * `posestream eval`: runs a gesture model directory over labelled recordings (or window arrays, or kairess takes)
 * and prints the same report `train` writes: accuracy, per-class precision/recall, confusion matrix, per file.
 *
 * Every flag is checked first (an `InvalidOptionError`, exit 2), then that `--model` holds model.json and a valid
 * labels.json (a `PosestreamError` naming the path, before any input is read). Labels of the inputs the model has
 * no class for are named on stderr before anything is evaluated; when no input label is a class of the model, or
 * no window is left to evaluate, it fails (`TrainingDataError`) instead of printing an empty report. A model whose
 * input is not N x 21 x 3 (or N x 63) fails with `ModelShapeError` naming its model.json. `-h` / `--help` prints
 * the help.
 *
 * @example
 * ```ts
 * import { runEval } from 'posestream/node';
 * await runEval(['takes/test.ndjson', '--model', 'models/default', '--json']);
 * ```
 */
export async function runEval(argv: string[]): Promise<number> {
  const { values, typed, positionals, help } = parseCommandLine(WHERE, argv, {
    model: { type: 'string', short: 'm', value: 'a model folder' },
    json: { type: 'boolean' },
    blocks: { type: 'string', value: 'a number of time blocks' },
    stride: { type: 'string', value: 'a number of frames' },
    backend: { type: 'string', value: "'wasm' or 'cpu'" },
  });
  if (help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const text = (name: string): string | undefined => values[name] as string | undefined;
  const flag = (name: string): string => typed[name] ?? `--${name}`;
  const blocksText = text('blocks');
  const blocks = blocksText === undefined ? undefined : flagNumber(WHERE, flag('blocks'), blocksText, { min: 2, max: 100, integer: true, unit: 'time blocks per take' });
  const stride = flagNumber(WHERE, flag('stride'), text('stride') ?? '1', { min: 1, max: 1000, integer: true, unit: 'frames' });
  const backend = flagChoice(WHERE, flag('backend'), text('backend') ?? 'wasm', ['wasm', 'cpu'] as const);
  if (positionals.length === 0) throw new InvalidOptionError(WHERE, 'inputs', 'one or more recordings, window files or kairess folders', 'nothing');
  const modelArg = text('model');
  if (modelArg === undefined || modelArg === '') throw new InvalidOptionError(WHERE, flag('model'), 'a model folder', 'nothing');
  // The tool before the files: a missing @tensorflow/tfjs is said before the model or any input is read.
  const [{ initTfBackend }, { loadTrainedModel }, { evaluateGestureModel }] = await importOptional('runEval() of posestream/node', () =>
    Promise.all([import('../train/initTfBackend.js'), import('../train/gestureModelFiles.js'), import('../train/evaluateGestureModel.js')]),
  );
  const dir = modelDir(`${flag('model')} ${modelArg}`, modelArg);
  const classes = readLabels(join(dir, 'labels.json'));

  const inputs = await loadTrainingInputs(positionals);
  const sequences = [...inputs.sequences, ...inputs.windowClips.train, ...inputs.windowClips.validation];
  const given = [...new Set(sequences.flatMap((s) => s.labels.map((l) => l.label)))];
  const missing = given.filter((label) => !classes.includes(label));
  const files = positionals.join(', ');
  const have = `the model (${dir}) has ${classes.map((c) => JSON.stringify(c)).join(', ')}`;
  if (missing.length > 0 && missing.length === given.length) {
    throw new TrainingDataError('no-labels', files, `no label of the inputs (${missing.map((l) => JSON.stringify(l)).join(', ')}) is a class of the model: ${have}`);
  }
  for (const label of missing) process.stderr.write(`${WHERE}: windows labelled ${JSON.stringify(label)} are skipped: ${have}\n`);

  await initTfBackend(backend);
  const { model, labels, frames, metadata } = await loadTrainedModel(dir).catch((error: unknown) => {
    if (error instanceof PosestreamError) throw error;
    throw new PosestreamError('model-load', `${flag('model')} ${modelArg}: could not load the model in ${dir}: ${(error as Error).message}`, { cause: error });
  });
  const { report, unknown } = await evaluateGestureModel(model, labels, frames, sequences, {
    fps: metadata?.fps ?? 30,
    stride,
    ...(blocks !== undefined ? { blocks } : {}),
  });
  model.dispose();
  if (report.windows === 0) throw new TrainingDataError('no-data', files, `no window of ${frames} frames to evaluate (takes shorter than the model's window?)`);
  if (values['json'] === true) process.stdout.write(`${JSON.stringify({ ...report, unknownLabels: unknown }, null, 2)}\n`);
  else process.stdout.write(formatGestureReport(report));
  return 0;
}

/** The folder of `--model` (a folder holding model.json, or the model.json), checked to hold model.json. */
function modelDir(flag: string, model: string): string {
  try {
    return dirname(resolveModelJson(model));
  } catch (error) {
    throw error instanceof PosestreamError ? new PosestreamError(error.code, `${flag}: ${error.message}`, { cause: error }) : error;
  }
}

/** labels.json: a JSON array of strings, else a `ModelShapeError` naming it. */
function readLabels(path: string): string[] {
  let labels: unknown;
  try {
    labels = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = (error as { code?: unknown }).code === 'ENOENT' ? 'missing' : `unreadable (${(error as Error).message})`;
    throw new ModelShapeError(path, `labels.json is ${why}: a model folder holds model.json, weights.bin and labels.json`);
  }
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) throw new ModelShapeError(path, 'labels.json must be a JSON array of strings');
  return labels;
}
