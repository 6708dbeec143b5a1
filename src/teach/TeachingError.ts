import { PosestreamError } from '../errors.js';

/**
 * What was wrong with teaching input:
 * - `too-few-examples`: a gesture with fewer examples than `minExamples`;
 * - `one-class`: a single class in all (a gesture and nothing else: no `none` examples, no unlabelled frames);
 * - `no-hand`: an example without the selected hand in most of its frames;
 * - `bad-example`: an empty example, a span outside its frames, an empty label, or a window setting the example
 *   cannot be cut with.
 */
export type TeachingErrorKind = 'too-few-examples' | 'one-class' | 'no-hand' | 'bad-example';

/**
 * Teaching input that cannot be used, found before any training starts. The message names the class (and its
 * count) or the example (label, source and frame range); `code` is `'teaching'`.
 *
 * @example
 * ```ts
 * import { TeachingError, teachGestureModel } from 'posestream';
 * try { await teachGestureModel({ examples }); }
 * catch (err) { if (err instanceof TeachingError && err.kind === 'too-few-examples') console.log(err.label, err.count); }
 * ```
 */
export class TeachingError extends PosestreamError {
  /** What was wrong, as a string union (e.g. `'too-few-examples'`). */
  readonly kind: TeachingErrorKind;
  /** The class or example label at fault. */
  readonly label: string | undefined;
  /** For `too-few-examples`: how many examples the class has. */
  readonly count: number | undefined;
  constructor(kind: TeachingErrorKind, message: string, details: { label?: string; count?: number } = {}) {
    super('teaching', message);
    this.kind = kind;
    this.label = details.label;
    this.count = details.count;
  }
}
