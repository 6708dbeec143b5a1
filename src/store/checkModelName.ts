import { InvalidOptionError } from '../filters/InvalidOptionError.js';

/** A saved model's name must be a non-empty string: an `InvalidOptionError` naming `where` otherwise. @internal */
export function checkModelName(where: string, name: unknown): void {
  if (typeof name !== 'string' || name === '') {
    throw new InvalidOptionError(where, 'name', 'a non-empty string', typeof name === 'string' ? '"" (an empty string)' : typeof name);
  }
}
