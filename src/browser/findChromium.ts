import { accessSync, constants } from 'node:fs';
import { PosestreamError } from '../errors.js';

/**
 * No Chromium binary was found for the browser-backed commands (`posestream record`) and tests.
 *
 * @example
 * ```ts
 * import { ChromiumNotFoundError } from 'posestream/node';
 * const missing = (e: unknown) => e instanceof ChromiumNotFoundError;
 * ```
 */
export class ChromiumNotFoundError extends PosestreamError {
  constructor(message: string) {
    super('chromium-not-found', message);
  }
}

/** Where Chromium is looked for when `$CHROMIUM_PATH` is not set. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the Chromium executable: `$CHROMIUM_PATH` when set (it must exist), else the first of
 * `candidates` (@default {@link CHROMIUM_CANDIDATES}) that exists. Throws {@link ChromiumNotFoundError} telling how to install it.
 *
 * @example
 * ```ts
 * import { findChromium } from 'posestream/node';
 * const executablePath = findChromium(); // '/usr/bin/chromium'
 * ```
 */
export function findChromium(
  env: Record<string, string | undefined> = process.env,
  candidates: readonly string[] = CHROMIUM_CANDIDATES,
): string {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new ChromiumNotFoundError(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
  }
  const found = candidates.find(isExecutable);
  if (found !== undefined) return found;
  throw new ChromiumNotFoundError(
    `Chromium not found (looked in ${candidates.join(', ')}). Install it with ` +
      '`apt-get install chromium` or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  );
}
