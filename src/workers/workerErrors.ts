import { PosestreamError } from '../errors.js';

/**
 * A worker died, failed to load or was terminated while a call was pending (or a call came after that).
 *
 * The message names the worker (its name and entry path/URL) and the cause; `cause` holds the original error
 * (or the exit code as a string). Every pending call of that worker rejects with one.
 *
 * @example
 * ```ts
 * import { WorkerError } from 'posestream/workers';
 * try { await classifier.classify(window, [30, 21, 3]); }
 * catch (err) { if (err instanceof WorkerError) console.warn(err.workerName, err.entry); }
 * ```
 */
export class WorkerError extends PosestreamError {
  /** The worker's name (defaults to its entry file name). */
  readonly workerName: string;
  /** The entry the worker was started from: a path or URL. */
  readonly entry: string;
  constructor(workerName: string, entry: string, reason: string, options?: { cause?: unknown }) {
    super('worker', `worker "${workerName}" (${entry}) ${reason}`, options);
    this.workerName = workerName;
    this.entry = entry;
  }
}

/**
 * A classifier model or module could not be loaded or does not fit: missing/404 URL, corrupt model.json or
 * weights, wrong input shape, output size not matching the labels, a module without a default function.
 *
 * The message names the model URL/path (`source`) and what was wrong.
 *
 * @example
 * ```ts
 * import { ModelLoadError } from 'posestream/workers';
 * classifier.ready.catch((err) => { if (err instanceof ModelLoadError) console.error(err.source, err.message); });
 * ```
 */
export class ModelLoadError extends PosestreamError {
  /** The model.json / module URL or path that failed. */
  readonly source: string;
  constructor(source: string, message: string, options?: { cause?: unknown }) {
    super('model-load', message, options);
    this.source = source;
  }
}

/**
 * A classifier returned scores that cannot be used: wrong length (not one per label) or non-finite values.
 *
 * @example
 * ```ts
 * import { ClassifierOutputError } from 'posestream/workers';
 * prediction$.subscribe({ error: (err) => err instanceof ClassifierOutputError && console.error(err.message) });
 * ```
 */
export class ClassifierOutputError extends PosestreamError {
  /** The model/module (or classifier name) that produced the scores. */
  readonly source: string;
  constructor(source: string, message: string) {
    super('classifier-output', message);
    this.source = source;
  }
}

/**
 * Rebuilds a typed error from one that crossed a worker boundary. comlink keeps only `name`, `message` and
 * `stack`, so the worker side throws errors named `ModelLoadError` / `ClassifierOutputError` with a `source:`
 * prefix line, and the main thread turns them back into the classes above.
 *
 * @internal
 */
export function reviveWorkerError(err: unknown, fallbackSource: string): unknown {
  if (!(err instanceof Error) || err instanceof PosestreamError) return err;
  if (err.name !== 'ModelLoadError' && err.name !== 'ClassifierOutputError') return err;
  const source = (err as Error & { source?: unknown }).source;
  const src = typeof source === 'string' ? source : fallbackSource;
  return err.name === 'ModelLoadError'
    ? new ModelLoadError(src, err.message, { cause: err })
    : new ClassifierOutputError(src, err.message);
}
