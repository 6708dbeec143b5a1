/**
 * Subsequence DTW costs of a template against a query for each of the query's last `tail` end frames: `out[k]` is
 * the best cost of a match ending `k` frames before the query's last frame, divided by the template's length (the
 * mean frame distance along the path, feature units); Infinity where the query is too short.
 *
 * The same recursion as {@link subsequenceDtw} (open begin, diagonal steps at the frame distance, steps that hold
 * either sequence at `1 + skipPenalty` times it), computed once for every end: a trainer that must compare several
 * end slacks takes the minimum over `out[0..slack]` instead of matching again. O(templateFrames x queryFrames x
 * dims) time, O(queryFrames) memory; `out` must hold at least `tail` values.
 *
 * @example
 * ```ts
 * import { subsequenceDtwEnds } from './subsequenceDtwEnds.js';
 * const ends = subsequenceDtwEnds(template, 12, query, 30, dims, 8, 0.5, new Float64Array(8));
 * const withSlack4 = Math.min(...ends.subarray(0, 5));
 * ```
 * @internal
 */
export function subsequenceDtwEnds(
  template: Float32Array,
  templateFrames: number,
  query: Float32Array,
  queryFrames: number,
  dims: number,
  tail: number,
  skipPenalty: number,
  out: Float64Array,
): Float64Array {
  out.fill(Infinity, 0, tail);
  if (templateFrames <= 0 || queryFrames <= 0) return out;
  const hold = 1 + skipPenalty;
  let previous = new Float64Array(queryFrames);
  let current = new Float64Array(queryFrames);
  for (let i = 0; i < templateFrames; i++) {
    const t = i * dims;
    for (let j = 0; j < queryFrames; j++) {
      const q = j * dims;
      let sum = 0;
      for (let d = 0; d < dims; d++) {
        const e = template[t + d]! - query[q + d]!;
        sum += e * e;
      }
      const cost = Math.sqrt(sum);
      let best: number;
      if (i === 0) {
        best = cost; // open begin: the match may start at any query frame
        if (j > 0) best = Math.min(best, current[j - 1]! + hold * cost);
      } else {
        best = previous[j]! + hold * cost; // the query holds while the template advances
        if (j > 0) best = Math.min(best, previous[j - 1]! + cost, current[j - 1]! + hold * cost);
      }
      current[j] = best;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  for (let k = 0; k < tail && k < queryFrames; k++) out[k] = previous[queryFrames - 1 - k]! / templateFrames;
  return out;
}
