import type { WorkerError } from './workerErrors.js';

/** Where a worker module lives: a URL (file:, http:, blob:) or, in Node, a file path. */
export type WorkerEntry = string | URL;

/** Lifecycle of a spawned worker. */
export type WorkerState = 'running' | 'dead' | 'terminated';

/** Reported through `onRestart` each time a worker is respawned after it died. */
export interface WorkerRestartEvent {
  name: string;
  entry: string;
  /** Total restarts so far, this one included. */
  restarts: number;
  /** Why the previous worker died. */
  cause: WorkerError;
}

/** Options of `spawnWorker`. */
export interface SpawnWorkerOptions {
  /**
   * Name used in errors (and as the browser Worker's name).
   * @default the entry's file name without extension
   */
  name?: string;
  /**
   * Respawn the worker when it dies and carry on: calls pending at the time still reject, later calls go to
   * the new worker.
   * @default false
   */
  restart?: boolean;
  /**
   * With `restart`, how many restarts in a row (without a call succeeding in between) before giving up.
   * @default 3
   */
  maxRestarts?: number;
  /**
   * Called after each restart.
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
}

/** A running worker and its comlink API, as `spawnWorker` returns it. */
export interface WorkerHandle<A> {
  /**
   * The worker's API. Every call rejects with a `WorkerError` if the worker dies or was terminated; with
   * `restart`, calls after a death go to the new worker.
   */
  readonly api: A;
  readonly name: string;
  /** The entry as a string (URL or path). */
  readonly entry: string;
  readonly state: WorkerState;
  /** 0 for the first worker, +1 on each restart. */
  readonly generation: number;
  /** Why the worker is dead, once it is. */
  readonly error: WorkerError | undefined;
  /** Stops the worker; pending calls reject with a `WorkerError`. Idempotent. */
  terminate(): Promise<void>;
}
