import { subsequenceDtwEnds } from './subsequenceDtwEnds.js';

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
 * import { subsequenceDtw } from './subsequenceDtw.js';
 * const d = subsequenceDtw(template, 12, query, 30, dims, { endSlack: 3 });
 * ```
 * @internal
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
  const ends = subsequenceDtwEnds(template, templateFrames, query, queryFrames, dims, slack + 1, options.skipPenalty ?? 0.5, new Float64Array(slack + 1));
  let end = Infinity;
  for (let k = 0; k <= slack; k++) end = Math.min(end, ends[k]!);
  return end;
}
