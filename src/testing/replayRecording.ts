import { Observable } from 'rxjs';
import type { SchedulerLike, Subscription } from 'rxjs';
import type { PoseFrame } from '../types.js';
import { fromRecording } from '../streams/fromRecording.js';
import type { Recording } from '../streams/recordingTypes.js';
import { RecordingError } from '../recording/RecordingError.js';
import { describeRecordingInputKind, recordingInputKind } from '../recording/recordingInputKind.js';

const TAKES = 'replayRecording takes the recording itself: its text (starting with its header line `{"format":"posestream/v1",...}`), a Recording or an array of PoseFrames';

/** A string shown in a message: at most 80 characters. */
const shown = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

/**
 * The virtual-time form of `fromRecording`, for a recording already in memory (it reads no file or URL): replays it
 * on its own clock on `scheduler`, frame k `t_k - t_0` ms after subscription with `capturedAt = scheduler.now()`.
 * Pass the `TestScheduler` (inside `run`) to replay in virtual time.
 *
 * `recording` is recording text (parsed with `fromRecording`, so bad lines error with a `RecordingError`), a
 * `Recording` (as `readRecording` returns it) or a plain array of frames; objects are replayed as they are,
 * without the rounding of the text format. Frames are not mutated (each emission is a copy with `capturedAt`).
 * Files and URLs are not read here (a read in real time would never finish in virtual time): a string that is not
 * recording text (a path, a URL: see `fromRecording`), a `URL` or any other value throws a `RecordingError` of kind
 * `'not-text'` at once, saying what it got and what it takes; read the file first (`readRecording` in Node).
 *
 * @example
 * ```ts
 * import { TestScheduler } from 'rxjs/testing';
 * import { replayRecording, syntheticPoseStream } from 'posestream/testing';
 * const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
 * scheduler.run(({ expectObservable }) => {
 *   const frames = syntheticPoseStream({ frames: 3, fps: 10 }); // t = 0, 100, 200
 *   const indices = replayRecording(frames, scheduler).pipe(map((f) => f.index));
 *   expectObservable(indices).toBe('a 99ms b 99ms (c|)', { a: 0, b: 1, c: 2 });
 * });
 * ```
 */
export function replayRecording(recording: string | Pick<Recording, 'frames'> | readonly PoseFrame[], scheduler: SchedulerLike): Observable<PoseFrame> {
  if (typeof recording === 'string' || recording instanceof URL) {
    const kind = recordingInputKind(recording);
    if (kind === 'text') return fromRecording(recording as string, { timing: 'recorded', scheduler });
    const what = describeRecordingInputKind(kind);
    const source = shown(String(recording));
    throw new RecordingError('not-text', source, undefined, `got ${what}, not recording text: ${TAKES}; read the file first (readRecording(path) in Node) and replay what it returns`);
  }
  const frames: unknown = Array.isArray(recording) ? recording : (recording as Partial<Pick<Recording, 'frames'>> | null)?.frames;
  if (!Array.isArray(frames)) {
    const got = recording === null ? 'null' : typeof recording === 'object' ? `an object without a frames array (keys: ${Object.keys(recording).join(', ') || 'none'})` : typeof recording;
    throw new RecordingError('not-text', '<replayRecording>', undefined, `got ${got}: ${TAKES}`);
  }
  return replayFrames(frames as readonly PoseFrame[], scheduler);
}

function replayFrames(frames: readonly PoseFrame[], scheduler: SchedulerLike): Observable<PoseFrame> {
  return new Observable<PoseFrame>((subscriber) => {
    const start = scheduler.now();
    const t0 = frames[0]?.timestamp ?? 0;
    let k = 0;
    let action: Subscription | undefined;
    const next = () => {
      const frame = frames[k];
      if (!frame) {
        subscriber.complete();
        return;
      }
      action = scheduler.schedule(() => {
        k++;
        subscriber.next({ ...frame, capturedAt: scheduler.now() });
        next();
      }, Math.max(0, start + frame.timestamp - t0 - scheduler.now()));
    };
    next();
    return () => action?.unsubscribe();
  });
}
