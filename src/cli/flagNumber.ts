import { InvalidOptionError } from '../filters/InvalidOptionError.js';

/** The range and unit of a numeric flag, for {@link flagNumber}. */
export interface FlagRange {
  /** Smallest and largest value allowed, inclusive. */
  min: number;
  max: number;
  /** Whole numbers only. @default false */
  integer?: boolean;
  /** What the number counts, with its unit, e.g. `'frames per window'`, `'ms'`. */
  unit: string;
  /** A note on a special value, e.g. `'0: no resampling'`. @default undefined */
  note?: string;
}

/**
 * Reads a numeric flag's text (as typed, e.g. `'30'`, `'1e3'`) and checks it lies in `range`, else throws an
 * {@link InvalidOptionError} naming the flag as typed, its range and unit: "option `--window` must be an integer in
 * 1..1000 (frames per window), got 10000000". Empty text, `NaN`, `Infinity` and `0x` prefixes are not numbers.
 *
 * @example
 * ```ts
 * flagNumber('posestream classify', '--threshold', '0.8', { min: 0, max: 1, unit: 'a score' }); // 0.8
 * ```
 * @internal
 */
export function flagNumber(command: string, flag: string, text: string, range: FlagRange): number {
  const { min, max, integer = false, unit, note } = range;
  const value = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text) ? Number(text) : Number.NaN;
  const ok = Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (!ok) {
    const expected = `${integer ? 'an integer' : 'a number'} in ${min}..${max} (${unit}${note ? `; ${note}` : ''})`;
    throw new InvalidOptionError(command, flag, expected, text === '' ? 'nothing' : text);
  }
  return value;
}
