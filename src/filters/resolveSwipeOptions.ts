import { checkNumberOption, InvalidOptionError } from './InvalidOptionError.js';
import type { SwipeOptions } from './swipeTypes.js';

/** {@link SwipeOptions} with every default filled in and checked. @internal */
export type ResolvedSwipeOptions = Required<SwipeOptions> & { readonly resolved: true };

/**
 * The defaults of the swipe recogniser's own checks, {@link SwipeOptions} (each one's TSDoc says why); the window and
 * gesture settings it runs with are `DEFAULT_SWIPE_SETTINGS`.
 */
export const DEFAULT_SWIPE_OPTIONS: Readonly<Required<SwipeOptions>> = Object.freeze({
  minTravel: 1,
  maxCrossRatio: 0.5,
  maxPathRatio: 1.6,
  minDurationMs: 120,
  maxDurationMs: 2500,
  settleMs: 150,
  reportMs: 600,
  returnGapMs: 400,
  returnRatio: 0.6,
  backswingRatio: 0.9,
  maxScaleChange: 1.5,
  minLeadMs: 100,
  minOpenFingers: 2,
  minOpenFraction: 0.5,
});

/** Each option's range and unit, as an error names them. */
const RANGES: Record<keyof SwipeOptions, { min: number; max: number; unit: string; integer?: boolean }> = {
  minTravel: { min: 0.1, max: 20, unit: 'palm lengths' },
  maxCrossRatio: { min: 0, max: 1, unit: 'a fraction of the travel' },
  maxPathRatio: { min: 1, max: 10, unit: 'path / straight distance' },
  minDurationMs: { min: 0, max: 10_000, unit: 'ms' },
  maxDurationMs: { min: 50, max: 10_000, unit: 'ms' },
  settleMs: { min: 0, max: 5_000, unit: 'ms' },
  reportMs: { min: 0, max: 5_000, unit: 'ms' },
  returnGapMs: { min: 0, max: 10_000, unit: 'ms' },
  returnRatio: { min: 0, max: 2, unit: 'a fraction of the travel' },
  backswingRatio: { min: 0, max: 2, unit: 'a fraction of the travel' },
  maxScaleChange: { min: 1, max: 10, unit: 'largest / smallest palm length' },
  minLeadMs: { min: 0, max: 10_000, unit: 'ms' },
  minOpenFingers: { min: 0, max: 4, unit: 'fingers', integer: true },
  minOpenFraction: { min: 0, max: 1, unit: 'a fraction of the stroke' },
};

/**
 * Fills in and checks swipe options (`prefix` names them as the caller's user wrote them, e.g. `swipes.`): every value must be a finite number in its range, `minDurationMs` below
 * `maxDurationMs`; an unknown option name is an error too (a typo would otherwise be ignored).
 *
 * @throws InvalidOptionError naming the option, its unit and its range.
 * @internal
 */
export function resolveSwipeOptions(options: SwipeOptions, where = 'swipes', prefix = ''): ResolvedSwipeOptions {
  const out = { ...DEFAULT_SWIPE_OPTIONS } as Record<keyof SwipeOptions, number>;
  for (const [key, value] of Object.entries(options) as [keyof SwipeOptions, unknown][]) {
    const range = RANGES[key];
    if (range === undefined) {
      throw new InvalidOptionError(where, prefix + key, `one of ${Object.keys(RANGES).join(', ')} (an unknown swipe option)`, value);
    }
    if (value === undefined) continue;
    try {
      out[key] = checkNumberOption(where, key, value as number, { min: range.min, max: range.max, integer: range.integer ?? false });
    } catch {
      throw new InvalidOptionError(where, prefix + key, `a ${range.integer ? 'whole ' : ''}number of ${range.unit} from ${range.min} to ${range.max}`, value);
    }
  }
  if (out.minDurationMs >= out.maxDurationMs) {
    throw new InvalidOptionError(where, `${prefix}minDurationMs`, `below maxDurationMs (${out.maxDurationMs} ms)`, out.minDurationMs);
  }
  return { ...(out as Required<SwipeOptions>), resolved: true };
}
