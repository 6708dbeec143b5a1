import { PosestreamError } from '../errors.js';

/**
 * `posestream record` could not turn a video into a recording: Chromium could not decode it (not a video, or a
 * codec it lacks), the hand landmarker failed, or the page broke. The message names the video as the user typed
 * it and what failed, in one line: no stack, no internal URL of the page server. `code` is `'record-failed'`.
 *
 * @example
 * ```ts
 * import { runRecord, RecordError } from 'posestream/node';
 * await runRecord(['notes.txt', '-o', 'out.ndjson']).catch((e) => e instanceof RecordError && console.error(e.message));
 * // notes.txt: Chromium could not record it: VideoSourceError: fromVideoFile: notes.txt: unsupported (MediaError 4: ...)
 * ```
 */
export class RecordError extends PosestreamError {
  /** The video, as given on the command line. */
  readonly video: string;
  constructor(video: string, detail: string, options?: { cause?: unknown }) {
    super('record-failed', `${video}: ${detail}`, options);
    this.video = video;
  }
}
