/** The palm's path through a packed window, in image-width units: what the swipe recogniser measures. */
export interface PalmTrack {
  /** Palm centre per instant (mean of landmarks 0, 5, 9, 13, 17), lightly smoothed: x and y in image widths. */
  x: Float64Array;
  y: Float64Array;
  /** The same centre before smoothing (what a tracking jump shows). */
  rawX: Float64Array;
  rawY: Float64Array;
  /** Palm length per instant (landmarks 0 to 9, 3-D), image widths: how the hand's size changes. */
  size: Float64Array;
  /**
   * Palm length per instant in the image plane (landmarks 0 to 9, 2-D), image widths: the unit of travel. MediaPipe's
   * z is on another scale in other estimator versions (up to 1.8x the 2-D length in older recordings), so a
   * distance in palm lengths stays the same from any estimator only in 2-D.
   */
  flat: Float64Array;
  /** Extended fingers per instant (index, middle, ring, little: tip farther from the wrist than the PIP joint). */
  open: Uint8Array;
}

const PALM = [0, 5, 9, 13, 17] as const;
const FINGERS = [
  [6, 8],
  [10, 12],
  [14, 16],
  [18, 20],
] as const;

/**
 * Reads the palm track of a packed window (`n` x 21 x 3, frame-major, as `PoseWindow.pack()` gives it).
 *
 * y is multiplied by `1 / aspect` (height / width) so x and y share one unit (the image width) and z, which
 * MediaPipe scales like x, joins them in the palm length. The centre is smoothed with a 3-tap [1, 2, 1] filter
 * (ends kept), which removes single-instant tracking jitter without moving a stroke's start or stop by more
 * than one instant.
 *
 * @internal
 */
export function palmTrack(packed: ArrayLike<number>, n: number, aspect: number): PalmTrack {
  const ky = 1 / aspect;
  const rawX = new Float64Array(n);
  const rawY = new Float64Array(n);
  const size = new Float64Array(n);
  const flat = new Float64Array(n);
  const open = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * 63;
    let cx = 0;
    let cy = 0;
    for (const j of PALM) {
      cx += packed[o + j * 3] as number;
      cy += packed[o + j * 3 + 1] as number;
    }
    rawX[i] = cx / PALM.length;
    rawY[i] = (cy / PALM.length) * ky;
    const wx = packed[o] as number;
    const wy = (packed[o + 1] as number) * ky;
    const wz = packed[o + 2] as number;
    const dist = (j: number): number =>
      Math.hypot((packed[o + j * 3] as number) - wx, (packed[o + j * 3 + 1] as number) * ky - wy, (packed[o + j * 3 + 2] as number) - wz);
    size[i] = dist(9);
    flat[i] = Math.hypot((packed[o + 27] as number) - wx, (packed[o + 28] as number) * ky - wy);
    let extended = 0;
    for (const [pip, tip] of FINGERS) if (dist(tip) > dist(pip)) extended++;
    open[i] = extended;
  }
  return { x: smooth(rawX), y: smooth(rawY), rawX, rawY, size, flat, open };
}

function smooth(v: Float64Array): Float64Array {
  const n = v.length;
  if (n < 3) return v;
  const out = new Float64Array(n);
  out[0] = v[0] as number;
  out[n - 1] = v[n - 1] as number;
  for (let i = 1; i < n - 1; i++) out[i] = ((v[i - 1] as number) + 2 * (v[i] as number) + (v[i + 1] as number)) / 4;
  return out;
}
