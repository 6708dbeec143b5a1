import { PosestreamError } from '../errors.js';

/**
 * What was wrong with training/evaluation data:
 * - `no-labels`: a recording without a single label line;
 * - `label-out-of-range`: a label whose frames are not in the recording (or start after they end);
 * - `too-few-windows`: a class with fewer windows than the minimum;
 * - `no-hand`: frames without a hand inside a labelled span;
 * - `bad-windows`: a labelled window array of the wrong shape or with non-finite values;
 * - `no-data`: nothing to train on.
 */
export type TrainingDataErrorKind = 'no-labels' | 'label-out-of-range' | 'too-few-windows' | 'no-hand' | 'bad-windows' | 'no-data';

/**
 * Training or evaluation data that cannot be used, found BEFORE any training starts. The message names the file
 * and the problem; `code` is `'training-data'`, `kind` says which problem.
 *
 * @example
 * ```ts
 * import { TrainingDataError } from 'posestream/train';
 * try { await runTrain(['takes/a.ndjson', '--out', 'model']); }
 * catch (err) { if (err instanceof TrainingDataError) console.error(err.kind, err.file); }
 * ```
 */
export class TrainingDataError extends PosestreamError {
  /** Which problem it is (see {@link TrainingDataErrorKind}). */
  readonly kind: TrainingDataErrorKind;
  /** The file (or source name) at fault. */
  readonly file: string;
  constructor(kind: TrainingDataErrorKind, file: string, detail: string) {
    super('training-data', `${file}: ${detail}`);
    this.kind = kind;
    this.file = file;
  }
}

/**
 * A gesture model whose input is not N x 21 x 3 (or N x 63), or whose output does not match its labels.
 * `code` is `'model-shape'`; the message names the model file and the shape found.
 *
 * @example
 * ```ts
 * import { ModelShapeError } from 'posestream/train';
 * try { await runEval(['takes/a.ndjson', '--model', 'model']); }
 * catch (err) { if (err instanceof ModelShapeError) console.error(err.file, err.message); }
 * ```
 */
export class ModelShapeError extends PosestreamError {
  /** The model.json whose shapes do not fit. */
  readonly file: string;
  constructor(file: string, detail: string) {
    super('model-shape', `${file}: ${detail}`);
    this.file = file;
  }
}
