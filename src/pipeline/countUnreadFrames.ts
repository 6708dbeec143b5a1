import { asyncScheduler, defer, EMPTY, filter, interval, map, type Observable, type SchedulerLike } from 'rxjs';

/** Chromium's per-track frame counters (`MediaStreamTrack.stats`; not in TypeScript's DOM types yet). @internal */
export interface TrackFrameStats {
  /** Frames the track delivered to its sinks (here: the estimator's `MediaStreamTrackProcessor`). */
  deliveredFrames: number;
}

/**
 * The track's frame counters (live: read `deliveredFrames` each time), or undefined where it has none: browsers
 * without `track.stats`, and in Chromium every track that is not a camera's (`canvas.captureStream()`,
 * `MediaStreamTrackGenerator`, a WebRTC remote track), whose `stats` is null.
 * @internal
 */
export function trackFrameStats(track: MediaStreamTrack): TrackFrameStats | undefined {
  const stats = (track as MediaStreamTrack & { stats?: TrackFrameStats | null }).stats;
  return stats !== null && typeof stats === 'object' && typeof stats.deliveredFrames === 'number' ? stats : undefined;
}

/**
 * Frames that may be on their way when the counts are compared, so not yet read or not yet on the page: one kept
 * in the processor, one being estimated, one estimated and waiting for the worker's animation frame.
 */
export const FRAMES_IN_FLIGHT = 3;

/**
 * Counts the camera frames the estimator never read: while the estimator worker is busy, its
 * `MediaStreamTrackProcessor` (`maxBufferSize: 1`) keeps only the newest frame and drops the others inside the
 * browser, where no operator sees them.
 *
 * Every `intervalMs` (not per frame) it compares the frames `track` delivered to the processor
 * (`track.stats.deliveredFrames`, Chromium) with the frames the estimator had read by its latest pose frame on the
 * page (`readBy()`: that frame's `index + 1`, 0 before the first), and emits how many more frames it finds unread
 * than it had counted. Counting starts at the first pose frame (frames delivered while the models load are not
 * drops), and frames that may merely be late (`FRAMES_IN_FLIGHT`, then and now) are never counted: the total is
 * never more than the frames really dropped since the first pose frame, and at most 6 fewer. A track without frame
 * counters (`trackFrameStats`: not a camera's, or not Chromium) emits nothing. State is per subscription.
 * @internal
 */
export function countUnreadFrames(
  track: MediaStreamTrack,
  readBy: () => number,
  intervalMs: number,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<number> {
  return defer(() => {
    if (trackFrameStats(track) === undefined) return EMPTY;
    const delivered = (): number => trackFrameStats(track)?.deliveredFrames ?? 0; // live counts: read each time
    let baseline: number | undefined; // delivered - read at the first pose frame (what was in flight then included)
    let counted = 0;
    return interval(intervalMs, scheduler).pipe(
      map(() => {
        const read = readBy();
        if (read <= 0) return 0;
        const unread = delivered() - read;
        if (baseline === undefined) {
          baseline = unread;
          return 0;
        }
        const dropped = unread - baseline - FRAMES_IN_FLIGHT;
        const more = dropped - counted;
        if (more > 0) counted = dropped;
        return more;
      }),
      filter((more) => more > 0),
    );
  });
}
