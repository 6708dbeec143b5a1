import type { PoseWindow, WindowContext } from '../types.js';

/**
 * What a classifier is told about a window besides its landmarks: the image aspect of its newest frame (1 when the
 * frame has no size), its span and how much of it real frames cover. `toClassifyFn` (and so every classifier
 * worker) passes it with the packed window; call it yourself to run a classifier in this thread.
 *
 * @example
 * ```ts
 * import { recogniseSwipe, windowContext } from 'posestream';
 * const verdict = recogniseSwipe(window.pack(), window.size, windowContext(window));
 * ```
 */
export function windowContext(window: PoseWindow): WindowContext {
  const newest = window.frames.length > 0 ? window.frames[window.frames.length - 1] : undefined;
  const aspect = newest?.width !== undefined && newest.height !== undefined && newest.height > 0 ? newest.width / newest.height : 1;
  return { aspect, spanMs: window.span, coveredMs: window.coveredMs ?? window.span };
}
