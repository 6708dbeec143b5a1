import { InvalidPoseError } from '../errors.js';
import type { Hand } from '../types.js';
import { LANDMARKS_PER_HAND } from './validateHand.js';

/** Numbers per packed frame: 21 landmarks x (x, y, z). @internal */
export const VALUES_PER_FRAME = LANDMARKS_PER_HAND * 3;

/**
 * Packs hands into a new `Float32Array` of `hands.length * 21 * 3`: frame-major, then landmark, then x, y, z.
 *
 * Each hand must have 21 landmarks (run {@link validateHand} first); this is the tensor layout a window
 * classifier receives with shape `[N, 21, 3]`.
 *
 * @example
 * ```ts
 * import { packWindow } from 'posestream';
 * const tensor = packWindow(window.hands); // Float32Array(N * 63)
 * ```
 */
export function packWindow(hands: readonly Hand[]): Float32Array {
  const out = new Float32Array(hands.length * VALUES_PER_FRAME);
  let o = 0;
  for (let h = 0; h < hands.length; h++) {
    const landmarks = (hands[h] as Hand).landmarks;
    for (let i = 0; i < LANDMARKS_PER_HAND; i++) {
      const lm = landmarks[i];
      if (lm === undefined) {
        throw new InvalidPoseError(`packWindow: hand ${h} has ${landmarks.length} landmarks, expected ${LANDMARKS_PER_HAND}`);
      }
      out[o++] = lm.x;
      out[o++] = lm.y;
      out[o++] = lm.z;
    }
  }
  return out;
}
