/** Options of {@link subsequenceDtw}. */
export interface SubsequenceDtwOptions {
  /**
   * How many of the query's last frames the match may end before its last one (0: the match ends at the last frame).
   * @default 0
   */
  endSlack?: number;
  /**
   * Extra cost of a step that holds one sequence while the other advances, as a fraction of that frame pair's
   * distance (0: plain DTW; larger keeps the match near the template's own speed).
   * @default 0.5
   */
  skipPenalty?: number;
}

/**
 * The distance of a template to the best-matching stretch of a query that ends within the query's last frames:
 * subsequence dynamic time warping (open begin, end within `endSlack` frames of the query's end).
 *
 * Both sequences are row-major `frames x dims` feature arrays. The cost of a frame pair is their Euclidean distance;
 * a path takes diagonal steps at that cost and steps that repeat a frame of either sequence at `(1 + skipPenalty)`
 * times it; every template frame is matched, the query may start anywhere. The result is the best path's cost
 * divided by the template's length (the mean frame distance along the path, in feature units), Infinity when either
 * sequence is empty. O(templateFrames x queryFrames x dims) time, O(queryFrames) memory.
 *
 * @example
 * ```ts
 * import { subsequenceDtw } from 'posestream';
 * const d = subsequenceDtw(template, 12, query, 30, dims, { endSlack: 3 });
 * ```
 */
export function subsequenceDtw(
  template: Float32Array,
  templateFrames: number,
  query: Float32Array,
  queryFrames: number,
  dims: number,
  options: SubsequenceDtwOptions = {},
): number {
  if (templateFrames <= 0 || queryFrames <= 0) return Infinity;
  const slack = Math.min(queryFrames - 1, Math.max(0, Math.floor(options.endSlack ?? 0)));
  const hold = 1 + (options.skipPenalty ?? 0.5);
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
  let end = Infinity;
  for (let j = queryFrames - 1 - slack; j < queryFrames; j++) end = Math.min(end, previous[j]!);
  return end / templateFrames;
}
