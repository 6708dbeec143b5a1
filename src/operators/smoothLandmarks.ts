import { defer, finalize, map, type MonoTypeOperatorFunction } from 'rxjs';
import { createHandSmoother } from '../filters/oneEuro.js';
import type { OneEuroOptions } from '../filters/handMathTypes.js';
import type { PoseFrame } from '../types.js';

/**
 * The operator form of `createHandSmoother`, over pose frames, with its filters per subscription: smooths landmark
 * jitter with a One Euro filter per hand, per landmark, per axis (the `1eurofilter` package).
 *
 * At rest the cutoff is `minCutoff` Hz (strong smoothing); it rises by `beta` Hz per unit/s of speed, so fast
 * moves are followed with little lag. Hands are tracked by handedness; a hand missing from a frame loses its
 * filters and starts fresh when it comes back. Timestamps are `frame.timestamp` (ms). Each subscription has
 * its own filters, freed on unsubscribe, completion or error. Frames are copied, never modified. Options are
 * checked when the operator is created (an `InvalidOptionError` for a non-positive cutoff or negative beta).
 *
 * @example
 * ```ts
 * import { smoothLandmarks } from 'posestream';
 * const steady$ = poses$.pipe(smoothLandmarks({ minCutoff: 1, beta: 10, dCutoff: 1 }));
 * ```
 */
export function smoothLandmarks(options: OneEuroOptions = {}): MonoTypeOperatorFunction<PoseFrame> {
  createHandSmoother(options); // validate options now, not at subscription
  return (source) =>
    defer(() => {
      const smoother = createHandSmoother(options);
      return source.pipe(
        map((frame) => smoother.smooth(frame)),
        finalize(() => smoother.reset()),
      );
    });
}
