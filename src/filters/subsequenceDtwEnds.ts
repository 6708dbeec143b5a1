/**
 * Subsequence DTW costs of a template against a query for each of the query's last `tail` end frames: `out[k]` is
 * the best cost of a match ending `k` frames before the query's last frame, divided by the template's length (the
 * mean frame distance along the path, feature units); Infinity where the query is too short.
 *
 * The same recursion as {@link subsequenceDtw} (open begin, diagonal steps at the frame distance, steps that hold
 * either sequence at `1 + skipPenalty` times it), computed once for every end: a trainer that must compare several
 * end slacks takes the minimum over `out[0..slack]` instead of matching again. With `starts`, `starts[k]` is the
 * query frame where that best match begins (the path's start is carried along the recursion, so it costs no
 * backtracking): with its end, where in the query the template was found. O(templateFrames x queryFrames x dims)
 * time, O(queryFrames) memory; `out` (and `starts`) must hold at least `tail` values.
 *
 * @example
 * ```ts
 * import { subsequenceDtwEnds } from './subsequenceDtwEnds.js';
 * const starts = new Int32Array(8);
 * const ends = subsequenceDtwEnds(template, 12, query, 30, dims, 8, 0.5, new Float64Array(8), starts);
 * const withSlack4 = Math.min(...ends.subarray(0, 5)); // ends[k] begins at query frame starts[k]
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
  starts?: Int32Array,
): Float64Array {
  out.fill(Infinity, 0, tail);
  starts?.fill(-1, 0, tail);
  if (templateFrames <= 0 || queryFrames <= 0) return out;
  const hold = 1 + skipPenalty;
  let previous = new Float64Array(queryFrames);
  let current = new Float64Array(queryFrames);
  let previousStart = new Int32Array(queryFrames);
  let currentStart = new Int32Array(queryFrames);
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
      let start: number;
      if (i === 0) {
        best = cost; // open begin: the match may start at any query frame
        start = j;
        if (j > 0 && current[j - 1]! + hold * cost < best) {
          best = current[j - 1]! + hold * cost;
          start = currentStart[j - 1]!;
        }
      } else {
        best = previous[j]! + hold * cost; // the query holds while the template advances
        start = previousStart[j]!;
        if (j > 0) {
          const diagonal = previous[j - 1]! + cost;
          const across = current[j - 1]! + hold * cost;
          if (diagonal < best) {
            best = diagonal;
            start = previousStart[j - 1]!;
          }
          if (across < best) {
            best = across;
            start = currentStart[j - 1]!;
          }
        }
      }
      current[j] = best;
      currentStart[j] = start;
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  for (let k = 0; k < tail && k < queryFrames; k++) {
    out[k] = previous[queryFrames - 1 - k]! / templateFrames;
    if (starts !== undefined) starts[k] = previousStart[queryFrames - 1 - k]!;
  }
  return out;
}
