import { InvalidOptionError } from '../filters/InvalidOptionError.js';

/** Range of a number option: [min, max] (> min with `exclusiveMin`), an integer with `integer`, Infinity too with `infinite`. */
export interface NumberRange {
  min: number;
  max?: number;
  integer?: boolean;
  exclusiveMin?: boolean;
  infinite?: boolean;
}

/** Checks of a factory's options; each throws an `InvalidOptionError` naming `where` and the option. @internal */
export interface OptionChecks {
  /** A value as a message shows it: a string quoted (so `"2"` does not read as the number 2), else its kind. */
  shown(value: unknown): string;
  fail(option: string, expected: string, got: unknown): never;
  /** A number (`kind` says of what, with its unit, e.g. 'a duration in milliseconds') in `range`, or undefined. */
  number(option: string, value: unknown, kind: string, range: NumberRange): void;
  /** One of `allowed`, or undefined. */
  oneOf(option: string, value: unknown, allowed: readonly string[]): void;
  /** An object (not an array), or undefined. */
  object(option: string, value: unknown): void;
  /** A non-empty string or a `URL`, or one of `names`, or (`worker`) a function making the Worker; or undefined. */
  url(option: string, value: unknown, names?: readonly string[], worker?: boolean): void;
  /** An array of non-empty strings, or undefined. */
  strings(option: string, value: unknown): void;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `${JSON.stringify(value)} (a string)`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `${Object.prototype.toString.call(value).slice(8, -1)} object`;
}

/**
 * The option checks of one public factory (`where`: its name), so that every factory checks its options the same way
 * before it starts anything, and its errors read alike: `where: option \`numHands\` must be a whole number of hands
 * per frame >= 1, got "2" (a string)`.
 * @internal
 */
export function createOptionChecks(where: string): OptionChecks {
  const fail = (option: string, expected: string, got: unknown): never => {
    throw new InvalidOptionError(where, option, expected, shown(got));
  };
  return {
    shown,
    fail,
    number(option, value, kind, range) {
      if (value === undefined) return;
      const { min, max = Infinity, integer = false, exclusiveMin = false, infinite = false } = range;
      const ok =
        typeof value === 'number' &&
        (Number.isFinite(value) || (infinite && value === Infinity)) &&
        (exclusiveMin ? value > min : value >= min) &&
        value <= max &&
        (!integer || Number.isInteger(value));
      const bounds = Number.isFinite(max) ? `from ${min} to ${max}` : `${exclusiveMin ? '>' : '>='} ${min}${infinite ? ' (Infinity allowed)' : ''}`;
      if (!ok) fail(option, `${kind} ${bounds}`, value);
    },
    oneOf(option, value, allowed) {
      if (value !== undefined && !allowed.includes(value as string)) fail(option, allowed.map((a) => `'${a}'`).join(', ').replace(/, ([^,]*)$/, ' or $1'), value);
    },
    object(option, value) {
      if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) fail(option, 'an object', value);
    },
    url(option, value, names = [], worker = false) {
      if (value === undefined || value instanceof URL || (typeof value === 'string' && value.trim() !== '') || (worker && typeof value === 'function')) return;
      const packaged = names.length > 0 ? `${names.map((n) => `'${n}'`).join(' or ')}, or ` : '';
      fail(option, `${packaged}a URL (a non-empty string or a URL object)${worker ? ' or a function making the Worker' : ''}`, value);
    },
    strings(option, value) {
      if (value === undefined) return;
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) fail(option, 'an array of non-empty strings', value);
    },
  };
}

/**
 * Checks `spawnWorker`'s fault-handling options as a factory passes them on: `timeoutMs` (> 0 or false),
 * `maxRestarts` (an integer >= 0) and each of `callTimeoutMs` (> 0 or false).
 * @internal
 */
export function checkSpawnOptions(check: OptionChecks, options: { timeoutMs?: unknown; maxRestarts?: unknown; callTimeoutMs?: unknown }): void {
  if (options.timeoutMs !== false) check.number('timeoutMs', options.timeoutMs, 'a timeout in milliseconds (or false: none)', { min: 0, exclusiveMin: true, infinite: true });
  check.number('maxRestarts', options.maxRestarts, 'a whole number of restarts in a row', { min: 0, integer: true });
  check.object('callTimeoutMs', options.callTimeoutMs);
  for (const [call, ms] of Object.entries((options.callTimeoutMs ?? {}) as Record<string, unknown>)) {
    if (ms !== false) check.number(`callTimeoutMs.${call}`, ms, 'a timeout in milliseconds (or false: none)', { min: 0, exclusiveMin: true, infinite: true });
  }
}
