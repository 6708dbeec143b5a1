import type { Hand, HandSelector, PoseFrame } from '../types.js';

/**
 * Picks the hand that feeds a window from one frame, or `undefined` when the frame has none that fits.
 *
 * `'first'` takes `hands[0]`; `'Left'` / `'Right'` the first hand with that handedness; `'largest'` the hand whose
 * landmarks span the largest x-y bounding box; a function is called with the frame.
 *
 * @example
 * ```ts
 * import { selectHand } from 'posestream';
 * const right = selectHand(frame, 'Right');
 * ```
 */
export function selectHand(frame: PoseFrame, selector: HandSelector = 'first'): Hand | undefined {
  const hands = frame.hands;
  switch (selector) {
    case 'first':
      return hands[0];
    case 'Left':
    case 'Right':
      return hands.find((h) => h.handedness === selector);
    case 'largest': {
      let best: Hand | undefined;
      let bestArea = -1;
      for (const hand of hands) {
        const area = boxArea(hand);
        if (area > bestArea) {
          best = hand;
          bestArea = area;
        }
      }
      return best;
    }
    default:
      return selector(frame);
  }
}

function boxArea(hand: Hand): number {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y } of hand.landmarks) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return hand.landmarks.length === 0 ? 0 : (maxX - minX) * (maxY - minY);
}
