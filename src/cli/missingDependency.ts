import { readFileSync } from 'node:fs';
import { PosestreamError } from '../errors.js';

/**
 * A CLI command needs a package that a browser app's install of posestream leaves out (an optional peer
 * dependency: Chromium automation, the hand model builder's inputs, training's TensorFlow.js, ...).
 *
 * @example
 * ```ts
 * import { main, MissingDependencyError } from 'posestream/node';
 * // `posestream record` without playwright-core installed prints:
 * //   posestream record: MissingDependencyError: posestream record needs playwright-core ... npm install -D playwright-core@^1.65.1
 * console.log(MissingDependencyError.name, await main(['record', 'take.mp4', '-o', 'out.ndjson']));
 * ```
 */
export class MissingDependencyError extends PosestreamError {
  /** The package to install. */
  readonly packageName: string;
  /** The command line that installs it. */
  readonly install: string;
  constructor(command: string, packageName: string, install: string, options?: { cause?: unknown }) {
    super(
      'missing-dependency',
      `posestream ${command} needs ${packageName}, an optional peer dependency that is not installed; install it with: ${install}`,
      options,
    );
    this.packageName = packageName;
    this.install = install;
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
 * {@link MissingDependencyError} naming X and how to install it; otherwise undefined.
 * @internal
 */
export function missingDependency(error: unknown, command: string): MissingDependencyError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  const match = /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/'.][^/']*)/.exec((error as Error).message);
  const name = match?.[1];
  if (name === undefined || name.startsWith('node:')) return undefined;
  const range = declaredRange(name);
  return new MissingDependencyError(command, name, `npm install -D ${name}${range ? `@${range}` : ''}`, { cause: error });
}
