import type { WorkerError } from './workerErrors.js';

/** Where a worker module lives: a URL (file:, http:, blob:) or, in Node, a file path. */
export type WorkerEntry = string | URL;

/**
 * Where a worker comes from: a module URL or (Node) path, a function making the worker (browsers: a module
 * `Worker`, e.g. `() => new Worker(new URL('./my.worker.js', import.meta.url), { type: 'module' })`, so that your
 * bundler emits it; Node: a worker_threads `Worker`), or a worker already made (it cannot be restarted).
 */
export type WorkerSource = WorkerEntry | (() => Worker | NodeWorkerLike) | Worker | NodeWorkerLike;

/** The parts of a Node worker_threads `Worker` that posestream uses. */
export interface NodeWorkerLike {
  /** Sends a message to the worker, transferring what `transfer` lists. */
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  /** Adds a listener (`'message'`, `'error'`, `'exit'`, ...). */
  on(type: string, listener: (...args: any[]) => void): unknown;
  /** Removes a listener added with `on`. */
  off(type: string, listener: (...args: any[]) => void): unknown;
  /** Stops the worker; resolves with its exit code. */
  terminate(): Promise<number>;
}

/** Lifecycle of a spawned worker. */
export type WorkerState = 'running' | 'dead' | 'terminated';

/** Reported through `onRestart` each time a worker is respawned after it died or timed out. */
export interface WorkerRestartEvent {
  /** The worker's name (`SpawnWorkerOptions.name`). */
  name: string;
  /** The worker's entry as a string (URL or path, or a description of the function that makes it). */
  entry: string;
  /** Total restarts so far, this one included. */
  restarts: number;
  /** Calls lost in this fault (pending when the worker died; they rejected with a recovered `WorkerError`). */
  lost: number;
  /** The new worker's generation (1 after the first restart). */
  generation: number;
  /** Why the previous worker died (a `WorkerTimeoutError` when a call timed out). */
  cause: WorkerError;
}

/** Options of `spawnWorker`. */
export interface SpawnWorkerOptions {
  /**
   * Name used in errors (and as the browser Worker's name).
   * @default the entry's file name without extension ('worker' for a function or Worker)
   */
  name?: string;
  /**
   * Respawn the worker when it dies or a call times out, and carry on: only the calls pending at that moment
   * are lost (they reject with a `WorkerError` whose `recovered` is true); later calls go to the new worker.
   * @default false
   */
  restart?: boolean;
  /**
   * With `restart`, how many restarts in a row (without a call succeeding in between) before giving up.
   * @default 3
   */
  maxRestarts?: number;
  /**
   * How long a call may take before the worker is treated as crashed (terminated; the call rejects with a
   * `WorkerTimeoutError`, the other pending calls with a `WorkerError`; restarted if `restart`). `false`: never.
   * @default 30000
   */
  timeoutMs?: number | false;
  /**
   * Per-call timeouts by call path (`'init'`, `'classify'`, `'a.b'`), overriding `timeoutMs`.
   * @default {}
   */
  callTimeoutMs?: Readonly<Record<string, number | false>>;
  /**
   * Called after each restart (wire it to a monitor to count restarts and lost calls).
   * @default undefined
   */
  onRestart?: (event: WorkerRestartEvent) => void;
  /**
   * Called once when the worker is dead for good (no restart, or restarts exhausted).
   * @default undefined
   */
  onError?: (error: WorkerError) => void;
  /**
   * Node only: extra `execArgv` for the worker thread. `.ts` entries are run through tsx automatically.
   * @default []
   */
  execArgv?: string[];
  /**
   * What the worker runs (a model or module URL/path), named in its errors.
   * @default undefined
   */
  source?: string;
  /**
   * The option that set the worker's entry, named in its errors (e.g. `createClassifierWorker's "worker" option`).
   * @default undefined
   */
  setBy?: string;
  /**
   * How errors name the entry when it is a function or a Worker (its URL is not known).
   * @default 'a Worker made by a function' / 'a Worker'
   */
  entryName?: string;
}

/** A running worker and its comlink API, as `spawnWorker` returns it. */
export interface WorkerHandle<A> {
  /**
   * The worker's API. Every call rejects with a `WorkerError` if the worker dies, times out or was terminated;
   * with `restart`, calls after a death go to the new worker.
   */
  readonly api: A;
  /** The worker's name, as errors name it (`SpawnWorkerOptions.name`). */
  readonly name: string;
  /** The entry as a string (URL or path, or a description of the function that makes it). */
  readonly entry: string;
  /** `'running'`, `'dead'` (died and not restarted) or `'terminated'` (by `terminate()`). */
  readonly state: WorkerState;
  /** 0 for the first worker, +1 on each restart. */
  readonly generation: number;
  /** Restarts so far. */
  readonly restarts: number;
  /** Calls lost to faults the worker recovered from (rejected with `recovered: true`). */
  readonly lost: number;
  /** Why the worker is dead, once it is. */
  readonly error: WorkerError | undefined;
  /** Stops the worker; pending calls reject with a `WorkerError`. Idempotent. */
  terminate(): Promise<void>;
}
