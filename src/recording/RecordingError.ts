import { PosestreamError } from '../errors.js';

/**
 * What was wrong with a recording:
 * - `bad-json`: a line is not JSON (or not a JSON object);
 * - `missing-header` / `unknown-header`: the first line is not a header / names another format;
 * - `missing-field`: a required field is absent; `bad-value`: a field has the wrong type or range;
 * - `bad-landmarks`: a hand with other than 21 landmarks (or a landmark that is not `[x, y, z]`);
 * - `non-finite`: NaN/Infinity where a number is required;
 * - `out-of-range`: a finite number outside what a hand can plausibly take (a coordinate far outside the image, a
 *   score above 1: see `HAND_VALUE_RANGES`);
 * - `out-of-order`: a frame index or `t` that goes backwards;
 * - `line-too-long`: a line longer than `maxLineBytes` (the reader stops there, without parsing it);
 * - `label-out-of-range`: a label whose frames are not in the recording;
 * - `not-found`: a missing file; `http-status`: a URL answered with an error status; `read-failed`: any other I/O
 *   failure; `write-failed`: a recording could not be written;
 * - `not-text`: a function that takes the recording itself (`replayRecording`) got a path, a URL or something else.
 */
export type RecordingErrorKind =
  | 'bad-json'
  | 'missing-header'
  | 'unknown-header'
  | 'missing-field'
  | 'bad-value'
  | 'bad-landmarks'
  | 'non-finite'
  | 'out-of-range'
  | 'out-of-order'
  | 'line-too-long'
  | 'label-out-of-range'
  | 'not-found'
  | 'http-status'
  | 'read-failed'
  | 'write-failed'
  | 'not-text';

/**
 * A recording that cannot be read (or written): says which source (file path, URL or `'<string>'`), which
 * 1-based line, and what was wrong. `code` is always `'invalid-recording'`; switch on `kind` for the detail.
 *
 * @example
 * ```ts
 * import { readRecording, RecordingError } from 'posestream';
 * try {
 *   await readRecording('takes/swipe.ndjson');
 * } catch (err) {
 *   if (err instanceof RecordingError) console.error(err.kind, err.source, err.line);
 * }
 * ```
 */
export class RecordingError extends PosestreamError {
  /** What was wrong. */
  readonly kind: RecordingErrorKind;
  /** The file path, URL, `'<string>'` or `'<stream>'` the recording came from. */
  readonly source: string;
  /** 1-based line number, when the problem is on one line. */
  readonly line: number | undefined;
  /** The problem without the location prefix. */
  readonly detail: string;

  constructor(kind: RecordingErrorKind, source: string, line: number | undefined, detail: string, options?: { cause?: unknown }) {
    super('invalid-recording', `${line === undefined ? source : `${source}:${line}`}: ${detail}`, options);
    this.kind = kind;
    this.source = source;
    this.line = line;
    this.detail = detail;
  }
}
