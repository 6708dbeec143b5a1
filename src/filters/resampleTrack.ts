/**
 * Where instant `t` falls in a track of non-decreasing `timestamps`: `left` is the last sample at or before `t`
 * (0 when `t` is before the first), searching forward from `from` (instants are visited in increasing order), and
 * `weight` how far `t` lies towards sample `left + 1` (0 when `t` is on or past the last sample). Of samples with
 * equal timestamps the later one counts.
 *
 * The one place both the live window (`resampleWindow`, used by `slidingWindow`) and training (`resampleSequence`)
 * decide which samples an instant interpolates, so a model sees the same input in training and in use.
 *
 * @internal
 */
export function locateInstant(timestamps: ArrayLike<number>, t: number, from: number): { left: number; weight: number } {
  const m = timestamps.length;
  let left = from;
  while (left + 1 < m && (timestamps[left + 1] as number) <= t) left++;
  const ta = timestamps[left] as number;
  if (!(t > ta) || left + 1 >= m) return { left, weight: 0 };
  const tb = timestamps[left + 1] as number;
  return { left, weight: (t - ta) / (tb - ta) };
}

/** Linear interpolation a + (b - a) * w: the one formula of every resampling.  @internal */
export function lerp(a: number, b: number, w: number): number {
  return w === 0 ? a : a + (b - a) * w;
}

/**
 * Resamples a flat track (`stride` values per sample, sample-major) at `instants` (increasing, ms) by linear
 * interpolation on `timestamps` (non-decreasing, one per sample), with {@link locateInstant} and {@link lerp}.
 *
 * @returns `instants.length * stride` values.
 * @internal
 */
export function resampleTrack(timestamps: ArrayLike<number>, values: ArrayLike<number>, stride: number, instants: ArrayLike<number>): Float32Array {
  const out = new Float32Array(instants.length * stride);
  let left = 0;
  for (let k = 0; k < instants.length; k++) {
    const at = locateInstant(timestamps, instants[k] as number, left);
    left = at.left;
    const a = left * stride;
    const b = Math.min(left + 1, timestamps.length - 1) * stride;
    for (let i = 0; i < stride; i++) out[k * stride + i] = lerp(values[a + i] as number, values[b + i] as number, at.weight);
  }
  return out;
}
