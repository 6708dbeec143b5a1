import { PosestreamError } from '../src/errors.js';

/**
 * An evaluation labels file (eval/labels/*.json) that is malformed, or that does not fit its recording
 * (`code` 'eval-labels'). The message names the file and the offending entry.
 *
 * @example
 * ```ts
 * try { await readClipLabels(path); } catch (e) { if (e instanceof EvalLabelsError) console.error(e.message); }
 * ```
 */
export class EvalLabelsError extends PosestreamError {
  readonly file: string;
  constructor(file: string, message: string) {
    super('eval-labels', `${file}: ${message}`);
    this.file = file;
  }
}
