/**
 * The error the benchmark raises on bad input (an unknown flag, a malformed data file, a scenario child that
 * printed something that is not its JSON contract).
 */
import { PosestreamError } from '../src/errors.js';

/**
 * Raised by `posestream bench` / `npm run bench` when its input is wrong; the message says what and where.
 *
 * @example
 * ```ts
 * import { runBench } from 'posestream';
 * await runBench(['--scenario', 'stall', '--duration', '2']).catch((e) => console.error(e.message));
 * ```
 */
export class BenchError extends PosestreamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('bench', message, options);
  }
}
