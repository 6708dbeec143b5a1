import { InvalidOptionError } from '../filters/InvalidOptionError.js';

/**
 * Checks that a flag's text is one of `choices`, else throws an {@link InvalidOptionError} naming the flag as
 * typed and the choices: "option `--backend` must be 'wasm' or 'cpu', got foo".
 *
 * @example
 * ```ts
 * const timing = flagChoice('posestream classify', '--timing', text, ['recorded', 'asap'] as const);
 * ```
 * @internal
 */
export function flagChoice<const C extends string>(command: string, flag: string, text: string, choices: readonly C[]): C {
  if ((choices as readonly string[]).includes(text)) return text as C;
  const quoted = choices.map((c) => `'${c}'`);
  const expected = quoted.length === 2 ? `${quoted[0]} or ${quoted[1]}` : `one of ${quoted.join(', ')}`;
  throw new InvalidOptionError(command, flag, expected, text === '' ? 'nothing' : text);
}
