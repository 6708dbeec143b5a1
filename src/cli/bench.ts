/**
 * `posestream bench`: runs the stall benchmark of a source checkout (bench/run.ts, through tsx) in a child
 * process with the same flags, and passes its output through.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PosestreamError } from '../errors.js';

/**
 * Raised by the benchmark when its input is wrong (an unknown flag, a malformed data file, a scenario child whose
 * output breaks the JSON contract) or when it cannot run (no bench/ folder); the message says what and where.
 *
 * The repository's own (bench/ imports it); no public entry exports it.
 *
 * @example
 * ```ts
 * // bench/benchError.ts re-exports it: import { BenchError } from './benchError.js';
 * import { PosestreamError } from 'posestream';
 * const e: PosestreamError = new BenchError('bench: --duration needs a positive number, got -1');
 * console.log(e.code); // 'bench'
 * ```
 * @internal
 */
export class BenchError extends PosestreamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('bench', message, options);
  }
}

/**
 * Runs `npm run bench` with `argv` (`--duration S`, `--scenario stall|chain|soak` repeatable, `--json`,
 * `--no-pin`, `--chain-ms MS`, `--soak-minutes M`, `--out FILE`) and resolves to its exit code.
 *
 * The benchmark lives in the repository's bench/ folder (TypeScript, run through tsx, a devDependency), so it
 * runs from a source checkout; an installed package has no bench/ and gets a {@link BenchError}. Output (JSON
 * lines or markdown tables) goes to this process's stdout, progress to stderr. The `posestream bench` command;
 * no public entry exports it.
 *
 * @example
 * ```ts
 * // posestream bench --scenario stall --duration 5 --json
 * ```
 * @internal
 */
export async function runBench(argv: string[]): Promise<number> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const entry = join(root, 'bench', 'run.ts');
  if (!existsSync(entry)) {
    throw new BenchError(`posestream bench needs a source checkout: ${entry} does not exist (the published package does not ship bench/)`);
  }
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...argv], { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => reject(new BenchError(`posestream bench: could not start ${process.execPath}: ${err.message}`, { cause: err })));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
