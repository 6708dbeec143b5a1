import { Observable } from 'rxjs';
import type { SchedulerLike, Subscription } from 'rxjs';
import type { PoseFrame } from '../types.js';
import { fromRecording } from '../streams/fromRecording.js';
import type { Recording } from '../streams/recordingTypes.js';

/**
 * Replays a recording on its own clock on `scheduler`: frame k is emitted `t_k - t_0` ms after subscription with
 * `capturedAt = scheduler.now()`. Pass the `TestScheduler` (inside `run`) to replay in virtual time.
 *
 * `recording` is recording text (parsed with `fromRecording`, so bad lines error with a `RecordingError`), a
 * `Recording` (as `readRecording` returns it) or a plain array of frames; objects are replayed as they are,
 * without the rounding of the text format. Frames are not mutated (each emission is a copy with `capturedAt`).
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
  if (typeof recording === 'string') return fromRecording(recording, { timing: 'recorded', scheduler });
  const frames: readonly PoseFrame[] = Array.isArray(recording) ? recording : (recording as Pick<Recording, 'frames'>).frames;
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
