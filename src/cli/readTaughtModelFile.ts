import { readFileSync } from 'node:fs';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import { parseTaughtModel } from '../teach/parseTaughtModel.js';
import { TaughtModelError } from '../teach/TaughtModelError.js';

/**
 * `posestream classify --model`'s JSON when it is a taught template model (`"format": "posestream-templates/v1"`,
 * as `createGestureTrainer` or `posestream train --kind templates` make): the checked model; undefined for anything
 * else (a TensorFlow.js model.json) or a file that cannot be read as JSON (the TensorFlow.js loader then says why).
 * A taught model that is malformed is a {@link TaughtModelError} naming `flag`, the file and the field.
 *
 * @example
 * ```ts
 * import { readTaughtModelFile } from 'posestream/node';
 * const taught = readTaughtModelFile('gestures/model.json', '--model gestures'); // TaughtGestureModel | undefined
 * ```
 */
export function readTaughtModelFile(path: string, flag: string): TaughtGestureModel | undefined {
  let json: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    if (!text.includes('posestream-templates/')) return undefined;
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format !== 'string' || !format.startsWith('posestream-templates/')) return undefined;
  try {
    return parseTaughtModel(json, path);
  } catch (error) {
    throw error instanceof TaughtModelError ? new TaughtModelError(`${flag}: ${path}`, error.message.slice(path.length + 2)) : error;
  }
}
