import { asyncScheduler, defer, EMPTY, ignoreElements, interval, tap, type Observable, type SchedulerLike } from 'rxjs';
import { trackFrameStats } from './countUnreadFrames.js';
import { StarvedStreamError } from './StarvedStreamError.js';

/** Options of `failWhenStarved`. @internal */
export interface FailWhenStarvedOptions {
  /** No pose frame for this long while the camera delivers frames, ms. */
  quietMs: number;
  /** ...and at least this many camera frames delivered meanwhile. */
  minFrames: number;
  /** Whether the page can receive pose frames now (a hidden page's workers may not deliver them). @default always */
  watching?: () => boolean;
  /** @default asyncScheduler */
  scheduler?: SchedulerLike;
}

/**
 * A watchdog for a stream that stopped reading the camera without failing: every `quietMs / 5` it compares the
 * pose frames' progress (`poses()`: any number that changes with each pose frame) and the camera track's delivered
 * frames (`track.stats.deliveredFrames`, Chromium) with what they were at the last pose frame, and errors with a `StarvedStreamError` once no pose frame
 * came for `quietMs` while the camera delivered `minFrames` or more. A camera that delivers nothing (paused, ended)
 * and a time when `watching()` is false never count. A track without frame counters (`trackFrameStats`: not a
 * camera's, or not Chromium) never errors: whether its source sends frames cannot be known. Emits nothing.
 * @internal
 */
export function failWhenStarved(track: MediaStreamTrack, poses: () => number, options: FailWhenStarvedOptions): Observable<never> {
  const scheduler = options.scheduler ?? asyncScheduler;
  return defer(() => {
    if (trackFrameStats(track) === undefined) return EMPTY;
    const deliveredNow = (): number => trackFrameStats(track)?.deliveredFrames ?? 0; // live counts: read each time
    let seen = poses();
    let since = scheduler.now();
    let delivered = deliveredNow();
    return interval(options.quietMs / 5, scheduler).pipe(
      tap(() => {
        const now = scheduler.now();
        const count = poses();
        if (count !== seen || !(options.watching?.() ?? true)) {
          seen = count;
          since = now;
          delivered = deliveredNow();
          return;
        }
        const more = deliveredNow() - delivered;
        if (now - since >= options.quietMs && more >= options.minFrames) throw new StarvedStreamError(more, now - since);
      }),
      ignoreElements(),
    );
  });
}
