import { PosestreamError } from '../errors.js';

/**
 * `posestream classify` read a recording that gave not a single window to classify (no frames, no hand, or fewer
 * or shorter runs of hand frames than a window needs). The message names the recording and why; `code` is
 * `'no-windows'`. The CLI prints it after the stats line, exit code 1.
 *
 * @example
 * ```ts
 * import { runClassify, NoWindowsError } from 'posestream/node';
 * await runClassify(['header-only.ndjson']).catch((e) => e instanceof NoWindowsError && console.error(e.message));
 * // header-only.ndjson: no window to classify: the recording has no frames
 * ```
 */
export class NoWindowsError extends PosestreamError {
  /** The recording (path, URL or `'<stdin>'`). */
  readonly source: string;
  constructor(source: string, reason: string) {
    super('no-windows', `${source}: no window to classify: ${reason}`);
    this.source = source;
  }
}
