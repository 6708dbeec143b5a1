import { parseArgs } from 'node:util';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';

/** One flag of a sub-command: a value (`'string'`) or a switch (`'boolean'`), with an optional one-letter alias. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  /** One-letter alias, e.g. `'o'` for `-o`. @default undefined */
  short?: string;
  /** What the value is, for "must be followed by ..." messages, e.g. `'frames per window'`. @default 'a value' */
  value?: string;
}

/** What {@link parseCommandLine} read: each flag's value (last one wins) and how the user spelled it, the rest. */
export interface CommandLine {
  values: Record<string, string | boolean | undefined>;
  /** The flag as typed (`-o`, `--out`), for messages; absent when the flag was not given. */
  typed: Record<string, string | undefined>;
  positionals: string[];
  /** `-h` or `--help` was given. */
  help: boolean;
}

/**
 * Reads a sub-command's argv against its flags, without touching any file: every flag must be known, a value flag
 * must be followed by a value (one starting with `--` is taken for a forgotten value), a switch takes none.
 * Anything else is an {@link InvalidOptionError} naming the flag as the user typed it (the CLI exits 2 with the
 * usage). `-h` / `--help` are always known. Arguments after `--` are positionals; `-` alone is a positional (stdin).
 *
 * @example
 * ```ts
 * // posestream classify take.ndjson --window 30
 * const line = parseCommandLine('posestream classify', argv, { window: { type: 'string', value: 'frames' } });
 * ```
 * @internal
 */
export function parseCommandLine(command: string, argv: string[], flags: Record<string, FlagSpec>): CommandLine {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(flags)) options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const line: CommandLine = { values: {}, typed: {}, positionals: [], help: false };
  const known = Object.entries(flags)
    .map(([name, spec]) => (spec.short ? `-${spec.short}/--${name}` : `--${name}`))
    .join(', ');
  for (const token of tokens) {
    if (token.kind === 'positional') line.positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, rawName, value, inlineValue } = token;
    if (name === 'help') {
      line.help = true;
      continue;
    }
    const spec = flags[name];
    if (!spec) throw new InvalidOptionError(command, rawName, `one of ${known} (or --help)`, `an unknown option ${rawName}`);
    if (spec.type === 'boolean') {
      if (value !== undefined) throw new InvalidOptionError(command, rawName, 'given without a value (it is a switch)', `${rawName}=${value}`);
      line.values[name] = true;
    } else {
      if (value === undefined || (!inlineValue && value.startsWith('--'))) {
        throw new InvalidOptionError(command, rawName, `followed by ${spec.value ?? 'a value'}`, value === undefined ? 'nothing' : value);
      }
      line.values[name] = value;
    }
    line.typed[name] = rawName;
  }
  return line;
}
