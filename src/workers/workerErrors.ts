import { PosestreamError } from '../errors.js';

/** What a {@link WorkerError} says besides the reason. */
export interface WorkerErrorOptions {
  /** The original error (or an `Error` holding the exit code). */
  cause?: unknown;
  /** True when the worker was restarted after this fault: the call is lost, the worker carries on. @default false */
  recovered?: boolean;
  /** What the worker runs (a model or module URL/path), named in the message. @default undefined */
  source?: string;
  /** The option that set the worker's entry (e.g. `createClassifierWorker's "worker" option`). @default undefined */
  setBy?: string;
  /** Stable error code. @internal */
  code?: string;
}

/**
 * A worker died, failed to load, stopped answering or was terminated while a call was pending (or a call came
 * after that).
 *
 * The message names the worker (its name and entry path/URL, the option that set it, what it runs) and the
 * cause; `cause` holds the original error (or the exit code). Every pending call of that worker rejects with
 * one. `recovered` is true when `restart` respawned the worker: only that call is lost, later calls go to the
 * new worker, so a stream may skip the value and carry on (`classifyLatest` / `estimateHands` do).
 *
 * @example
 * ```ts
 * import { WorkerError } from 'posestream/workers';
 * try { await classifier.classify(window, [30, 21, 3]); }
 * catch (err) { if (err instanceof WorkerError && !err.recovered) console.error(err.workerName, err.entry); }
 * ```
 */
export class WorkerError extends PosestreamError {
  /** The worker's name (defaults to its entry file name). */
  readonly workerName: string;
  /** The entry the worker was started from: a path or URL (or a description of the function that made it). */
  readonly entry: string;
  /** What the worker runs (model or module URL/path), when known. */
  readonly source: string | undefined;
  /** True when the worker was restarted after this fault (the call is lost; the worker carries on). */
  readonly recovered: boolean;
  constructor(workerName: string, entry: string, reason: string, options: WorkerErrorOptions = {}) {
    const where = [entry, options.setBy ? `set by ${options.setBy}` : ''].filter(Boolean).join(', ');
    const runs = options.source ? ` running ${options.source}` : '';
    const after = options.recovered ? ' (restarted; this call is lost)' : '';
    super(options.code ?? 'worker', `worker "${workerName}" (${where})${runs} ${reason}${after}`, { cause: options.cause });
    this.workerName = workerName;
    this.entry = entry;
    this.source = options.source;
    this.recovered = options.recovered ?? false;
  }
}

/**
 * A worker call did not answer within its timeout (a hung model, a worker stuck in a loop or silently gone).
 * The worker is then treated as crashed: terminated, every pending call rejected, and restarted when `restart`
 * is on (`recovered` says so).
 *
 * @example
 * ```ts
 * import { WorkerTimeoutError } from 'posestream/workers';
 * const isTimeout = (err: unknown) => err instanceof WorkerTimeoutError && err.call === 'classify';
 * ```
 */
export class WorkerTimeoutError extends WorkerError {
  /** The call that timed out (its path on the worker API, e.g. `'classify'`). */
  readonly call: string;
  /** The timeout it had, ms. */
  readonly timeoutMs: number;
  constructor(workerName: string, entry: string, call: string, timeoutMs: number, options: WorkerErrorOptions = {}) {
    super(workerName, entry, `did not answer ${call}() within ${timeoutMs} ms`, { ...options, code: 'worker-timeout' });
    this.call = call;
    this.timeoutMs = timeoutMs;
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
 * A classifier threw while scoring a window (an exception in your classify function or in the model), as
 * opposed to a dead worker (`WorkerError`) or unusable scores (`ClassifierOutputError`). The message names the
 * model/module and the window shape and keeps the original message; `stack` is the worker-side stack.
 *
 * @example
 * ```ts
 * import { ClassifierError } from 'posestream/workers';
 * prediction$.subscribe({ error: (err) => err instanceof ClassifierError && console.error(err.source, err.stack) });
 * ```
 */
export class ClassifierError extends PosestreamError {
  /** The model/module that threw. */
  readonly source: string;
  constructor(source: string, message: string, options?: { cause?: unknown }) {
    super('classifier', message, options);
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
  const source = (err as Error & { source?: unknown }).source;
  const src = typeof source === 'string' ? source : fallbackSource;
  let revived: PosestreamError;
  if (err.name === 'ModelLoadError') revived = new ModelLoadError(src, err.message, { cause: err });
  else if (err.name === 'ClassifierOutputError') revived = new ClassifierOutputError(src, err.message);
  else if (err.name === 'ClassifierError') revived = new ClassifierError(src, err.message, { cause: err });
  else return err;
  if (err.stack !== undefined) revived.stack = err.stack;
  return revived;
}
