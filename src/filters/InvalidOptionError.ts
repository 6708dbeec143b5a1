import { PosestreamError } from '../errors.js';

/**
 * An option passed to a posestream factory or operator is out of range (a negative duration, a threshold
 * above 1, a non-integer count).
 *
 * The message names the function, the option and the value it got; `option` holds the option's name.
 *
 * @example
 * ```ts
 * import { stableGestures, InvalidOptionError } from 'posestream';
 * try {
 *   stableGestures({ threshold: 2 });
 * } catch (error) {
 *   if (error instanceof InvalidOptionError) console.log(error.option); // 'threshold'
 * }
 * ```
 */
export class InvalidOptionError extends PosestreamError {
  /** The option's name as the caller wrote it, e.g. `'threshold'`, `'window.frames'`, `'swipes.minTravel'`. */
  readonly option: string;
  constructor(where: string, option: string, expected: string, got: unknown) {
    super('invalid-option', `${where}: option \`${option}\` must be ${expected}, got ${String(got)}`);
    this.option = option;
  }
}

/**
 * Checks that `value` is a finite number within [min, max] (and an integer when `integer` is set).
 *
 * @throws InvalidOptionError naming `where` and `option` otherwise.
 * @internal
 */
export function checkNumberOption(
  where: string,
  option: string,
  value: number,
  range: { min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean },
): number {
  const { min = -Infinity, max = Infinity, integer = false, exclusiveMin = false } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (exclusiveMin ? value > min : value >= min) &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const bounds = [
      Number.isFinite(min) ? `${exclusiveMin ? '>' : '>='} ${min}` : '',
      Number.isFinite(max) ? `<= ${max}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    const expected = `a finite ${integer ? 'integer' : 'number'}${bounds ? ` ${bounds}` : ''}`;
    throw new InvalidOptionError(where, option, expected, value);
  }
  return value;
}
