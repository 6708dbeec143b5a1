import { readFileSync } from 'node:fs';
import { PosestreamError } from '../errors.js';

/**
 * A command or function of `posestream/node` needs a package that an app's install of posestream leaves out (an
 * optional peer dependency: Chromium automation, the hand model builder's inputs, training's TensorFlow.js, ...).
 *
 * The message names who needed it (`posestream record`, `launchChromium() of posestream/node`), the package and
 * the command line that installs it; `packageName` and `install` hold the last two.
 *
 * @example
 * ```ts
 * import { launchChromium, MissingDependencyError } from 'posestream/node';
 * try {
 *   await launchChromium();
 * } catch (error) {
 *   // without playwright-core: "launchChromium() of posestream/node needs playwright-core, ...; install it with:
 *   // npm install -D playwright-core@^1.65.1"
 *   if (error instanceof MissingDependencyError) console.error(error.install);
 * }
 * ```
 */
export class MissingDependencyError extends PosestreamError {
  /** The package to install. */
  readonly packageName: string;
  /** The command line that installs it. */
  readonly install: string;
  /** Who needed it: `posestream <command>` for the CLI, `<function>() of posestream/node` for a function. */
  readonly neededBy: string;
  constructor(neededBy: string, packageName: string, install: string, options?: { cause?: unknown }) {
    super(
      'missing-dependency',
      `${neededBy} needs ${packageName}, an optional peer dependency that is not installed; install it with: ${install}`,
      options,
    );
    this.packageName = packageName;
    this.install = install;
    this.neededBy = neededBy;
  }
}

/** The version range posestream declares for `name` (optional peers), or undefined. */
function declaredRange(name: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      peerDependencies?: Record<string, string>;
    };
    return pkg.peerDependencies?.[name];
  } catch {
    return undefined;
  }
}

/**
 * If `error` is Node's "cannot find package X" (ERR_MODULE_NOT_FOUND for a bare package), a
 * {@link MissingDependencyError} saying that `neededBy` needs X and how to install it; otherwise undefined.
 * @internal
 */
export function missingDependency(error: unknown, neededBy: string): MissingDependencyError | undefined {
  if (error instanceof MissingDependencyError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  const match = /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/'.][^/']*)/.exec((error as Error).message);
  const name = match?.[1];
  if (name === undefined || name.startsWith('node:')) return undefined;
  const range = declaredRange(name);
  return new MissingDependencyError(neededBy, name, `npm install -D ${name}${range ? `@${range}` : ''}`, { cause: error });
}

/**
 * Imports the code of an optional peer (or a module of posestream that imports one) when `neededBy` is called,
 * not when its entry is: a package that is not installed rejects with a {@link MissingDependencyError} naming it
 * and its install line; any other failure rejects as it is.
 * @internal
 */
export async function importOptional<T>(neededBy: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw missingDependency(error, neededBy) ?? error;
  }
}
