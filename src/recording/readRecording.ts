import { lastValueFrom, toArray } from 'rxjs';
import { fromRecording } from '../streams/fromRecording.js';
import type { ReadRecordingOptions, ReadRecordingResult, RecordingHeader, RecordingInput, RecordingLabel } from '../streams/recordingTypes.js';

/**
 * The whole-file form of `fromRecording`: reads a whole recording into memory, its header, frames and labels (for
 * training, evaluation and `replayRecording`), plus the number of lines skipped under `onInvalid: 'skip'`.
 *
 * Accepts the same inputs as `fromRecording` (text, Node `Readable`, file path, `file:`/`http(s):` URL) and rejects
 * with the same `RecordingError`s (source, 1-based line, what was wrong).
 *
 * @example
 * ```ts
 * import { readRecording } from 'posestream';
 * const { header, frames, labels } = await readRecording(new URL('./takes/swipe.ndjson', import.meta.url));
 * console.log(header.fps, frames.length, labels.map((l) => l.label));
 * ```
 */
export async function readRecording(input: RecordingInput, options: ReadRecordingOptions = {}): Promise<ReadRecordingResult> {
  let header: RecordingHeader | undefined;
  const labels: RecordingLabel[] = [];
  let skipped = 0;
  const frames = await lastValueFrom(
    fromRecording(input, {
      ...options,
      timing: 'asap',
      onHeader: (h) => (header = h),
      onLabel: (l) => labels.push(l),
      onSkip: (error) => {
        skipped++;
        options.onSkip?.(error);
      },
    }).pipe(toArray()),
  );
  // fromRecording errors on a recording without a header, so it is set once the frames arrive.
  return { header: header as RecordingHeader, frames, labels, skipped };
}
