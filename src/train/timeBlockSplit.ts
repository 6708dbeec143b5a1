/** Which block of each sequence is held out, and how many blocks a sequence is cut into. */
export interface TimeBlockSplitOptions {
  /** Number of equal time blocks per sequence. @default 5 */
  blocks?: number;
  /** Index of the held-out (validation) block, 0-based; negative counts from the end. @default -1 (the last) */
  validationBlock?: number;
}

/** The frame ranges (inclusive) windows may come from, for training and for validation. */
export interface TimeBlockSplit {
  /** The training blocks, as `[firstFrame, lastFrame]` ranges. */
  train: Array<[number, number]>;
  /** The held-out block, as `[firstFrame, lastFrame]` ranges. */
  validation: Array<[number, number]>;
}

/**
 * Splits a sequence of `length` frames into contiguous time blocks, one of which is held out for validation.
 *
 * Windows cut with `cutWindows(..., { ranges })` lie entirely inside one range, so overlapping windows can never
 * share a frame across the split (a random window split would leak: windows with stride 1 share 29 of 30 frames).
 *
 * @example
 * ```ts
 * import { timeBlockSplit, cutWindows } from 'posestream/train';
 * const split = timeBlockSplit(sequence.length, { blocks: 5 });
 * const val = cutWindows(sequence, { ranges: split.validation });
 * ```
 */
export function timeBlockSplit(length: number, options: TimeBlockSplitOptions = {}): TimeBlockSplit {
  const blocks = options.blocks ?? 5;
  if (!Number.isInteger(blocks) || blocks < 2) throw new RangeError(`timeBlockSplit: blocks must be an integer >= 2, got ${blocks}`);
  const raw = options.validationBlock ?? -1;
  const index = raw < 0 ? blocks + raw : raw;
  if (!Number.isInteger(index) || index < 0 || index >= blocks) {
    throw new RangeError(`timeBlockSplit: validationBlock ${raw} is not in 0..${blocks - 1}`);
  }
  const from = Math.round((index * length) / blocks);
  const to = Math.round(((index + 1) * length) / blocks) - 1;
  const train: Array<[number, number]> = [];
  if (from > 0) train.push([0, from - 1]);
  if (to < length - 1) train.push([to + 1, length - 1]);
  return { train, validation: [[from, to]] };
}
