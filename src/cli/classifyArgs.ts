import { DEFAULT_MODEL_SETTINGS, DEFAULT_SWIPE_SETTINGS } from '../defaultModelSettings.js';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import type { ClassifyPolicy } from '../operators/operatorTypes.js';
import { flagChoice } from './flagChoice.js';
import { flagNumber } from './flagNumber.js';
import { parseCommandLine } from './parseCommandLine.js';

const WHERE = 'posestream classify';
const round = (n: number): number => +n.toFixed(3);

/** The help `posestream classify --help` prints. */
export const CLASSIFY_HELP = `usage: posestream classify <recording.ndjson | URL | -> [options]

Replays a posestream/v1 recording (a path, a file: or http(s): URL, or - for stdin) through the sliding window,
the gesture classifier (in a worker) and stableGestures, and prints each gesture, then one line of statistics.

  --model swipes|default|DIR|FILE
                          the gesture model: swipes (the default: the swipe recogniser, the four swipes of anyone,
                          with its own window of 61 frames over 3000 ms, from 300 ms of hand on, and tracker),
                          default (the packaged learned model: swipes, come, away, spin; 30 frames), a folder
                          holding model.json, or the model.json; a taught template model's JSON (createGestureTrainer,
                          train --kind templates) runs with its own window and tracker settings
  --timing recorded|asap  recorded: replay on the recording's own clock, a gap over 10 s waited 10 s (default);
                          asap: as fast as it reads, classifying every window (exact, fast offline evaluation)
  --policy latest|drop    with --timing recorded: which windows a busy classifier skips (default latest)
  --window N              frames per window, 1..1000; must be the model's (default: the model's)
  --window-ms MS          the time a window covers, 0..60000 ms; 0: the last N frames as they came
                          (default: the model's; swipes ${DEFAULT_SWIPE_SETTINGS.window.durationMs}, default ${round(DEFAULT_MODEL_SETTINGS.window.durationMs)})
  --threshold S           the score that starts a gesture, 0..1 (default: the model's; swipes ${DEFAULT_SWIPE_SETTINGS.gestures.threshold}, default ${DEFAULT_MODEL_SETTINGS.gestures.threshold})
  --min-consecutive K     predictions in a row that start or end a gesture, 1..1000 (default: the model's; swipes ${DEFAULT_SWIPE_SETTINGS.gestures.minConsecutive}, default ${DEFAULT_MODEL_SETTINGS.gestures.minConsecutive})
  --json                  one JSON object per line: {"type":"gesture",...} then {"type":"stats",...}
  -h, --help              this help

Exit codes: 0 done; 1 a bad recording, model or run (the gestures before a bad line are printed first);
2 a bad command line.
`;

/** `posestream classify`'s command line, checked. */
export interface ClassifyArgs {
  /** The recording: a path, a URL, or `'-'` (stdin). */
  recording: string;
  /** `--model` as given; undefined: the swipe recogniser. */
  model: string | undefined;
  timing: 'recorded' | 'asap';
  /** `--policy` (`--timing recorded` only). */
  policy: ClassifyPolicy;
  /** `--window` in frames; undefined: the model's. */
  window: number | undefined;
  /** `--window-ms`, ms (0: no resampling). */
  windowMs: number;
  threshold: number;
  minConsecutive: number;
  /** Whether `--window-ms`, `--threshold`, `--min-consecutive` were given (the swipe recogniser has its own defaults). */
  windowMsGiven: boolean;
  thresholdGiven: boolean;
  minConsecutiveGiven: boolean;
  json: boolean;
}

/**
 * Reads and checks `posestream classify`'s flags, touching no file: each value's type, range and unit, and how
 * flags combine (`--policy` is for `--timing recorded`). Returns `'help'` for `-h` / `--help`; a bad flag is an
 * `InvalidOptionError` naming it as typed, its unit and range (the CLI exits 2 with the usage).
 *
 * @example
 * ```ts
 * const args = parseClassifyArgs(['take.ndjson', '--timing', 'asap']);
 * ```
 * @internal
 */
export function parseClassifyArgs(argv: string[]): ClassifyArgs | 'help' {
  const { values, typed, positionals, help } = parseCommandLine(WHERE, argv, {
    model: { type: 'string', value: 'a model folder or model.json' },
    policy: { type: 'string', value: "'latest' or 'drop'" },
    timing: { type: 'string', value: "'recorded' or 'asap'" },
    window: { type: 'string', value: 'frames per window' },
    'window-ms': { type: 'string', value: 'a duration in ms' },
    threshold: { type: 'string', value: 'a score' },
    'min-consecutive': { type: 'string', value: 'a count of predictions' },
    json: { type: 'boolean' },
  });
  if (help) return 'help';
  const text = (name: string): string | undefined => values[name] as string | undefined;
  const flag = (name: string): string => typed[name] ?? `--${name}`;
  const [recording, ...extra] = positionals;
  if (recording === undefined || recording === '') throw new InvalidOptionError(WHERE, 'recording', 'a recording path, URL or - (stdin)', 'nothing');
  if (extra.length > 0) throw new InvalidOptionError(WHERE, 'recording', 'a single recording', positionals.join(' '));
  const timing = flagChoice(WHERE, flag('timing'), text('timing') ?? 'recorded', ['recorded', 'asap'] as const);
  const policy = flagChoice(WHERE, flag('policy'), text('policy') ?? 'latest', ['latest', 'drop'] as const);
  const windowText = text('window');
  const window =
    windowText === undefined ? undefined : flagNumber(WHERE, flag('window'), windowText, { min: 1, max: 1000, integer: true, unit: 'frames per window' });
  const windowMs = flagNumber(WHERE, flag('window-ms'), text('window-ms') ?? String(DEFAULT_MODEL_SETTINGS.window.durationMs), {
    min: 0,
    max: 60_000,
    unit: 'ms',
    note: '0: no resampling',
  });
  const threshold = flagNumber(WHERE, flag('threshold'), text('threshold') ?? String(DEFAULT_MODEL_SETTINGS.gestures.threshold), { min: 0, max: 1, unit: 'a score' });
  const minConsecutive = flagNumber(WHERE, flag('min-consecutive'), text('min-consecutive') ?? String(DEFAULT_MODEL_SETTINGS.gestures.minConsecutive), {
    min: 1,
    max: 1000,
    integer: true,
    unit: 'predictions in a row',
  });
  if (timing === 'asap' && text('policy') !== undefined) {
    throw new InvalidOptionError(WHERE, flag('policy'), 'left out with --timing asap (which classifies every window); it applies to --timing recorded', text('policy'));
  }
  const model = text('model');
  if (model === '') throw new InvalidOptionError(WHERE, flag('model'), 'a model folder or model.json', 'nothing');
  return {
    recording, model, timing, policy, window, windowMs, threshold, minConsecutive, json: values['json'] === true,
    windowMsGiven: text('window-ms') !== undefined, thresholdGiven: text('threshold') !== undefined, minConsecutiveGiven: text('min-consecutive') !== undefined,
  };
}
