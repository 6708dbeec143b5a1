import { wrap, type Remote } from 'comlink';
import { entryUrl, startRawWorker, type RawWorker } from './startRawWorker.js';
import { WorkerError } from './workerErrors.js';
import type { SpawnWorkerOptions, WorkerEntry, WorkerHandle, WorkerState } from './workerTypes.js';

interface Generation {
  raw: RawWorker;
  remote: Remote<unknown>;
  pending: Set<(err: WorkerError) => void>;
  dead: boolean;
}

type Path = readonly (string | symbol)[];

function navigate(root: unknown, path: Path): any {
  let target: any = root;
  for (const key of path) target = target[key];
  return target;
}

/**
 * Starts a worker module with comlink and returns its API, in Node (worker_threads) and browsers (module Worker).
 *
 * The entry module exposes its API with `exposeWorker(api)`. Calls on `handle.api` return promises; if the
 * worker fails to load (missing file, throws at import), throws uncaught or exits, every pending call rejects
 * with a {@link WorkerError} naming the worker and the cause, and so does every later call, unless
 * `restart: true`, which respawns it (later calls go to the new worker; `onRestart` reports it). In Node a
 * `.ts` entry runs through tsx (dev/tests from `src`); a `.js` entry is started as is. Pass typed arrays
 * wrapped in comlink's `transfer(value, [value.buffer])` to move them instead of copying.
 *
 * @example
 * ```ts
 * import { spawnWorker } from 'posestream/workers';
 * const worker = spawnWorker<{ add(a: number, b: number): number }>(new URL('./myWorker.js', import.meta.url), {
 *   restart: true,
 *   onRestart: (e) => console.warn(`restarted ${e.name}`, e.cause),
 * });
 * console.log(await worker.api.add(1, 2));
 * await worker.terminate();
 * ```
 */
export function spawnWorker<T>(entry: WorkerEntry, options: SpawnWorkerOptions = {}): WorkerHandle<Remote<T>> {
  const url = entryUrl(entry);
  const entryText = url.protocol === 'file:' ? decodeURIComponent(url.pathname) : url.href;
  const name = options.name ?? (url.pathname.split('/').pop() ?? 'worker').replace(/\.[^.]*$/, '');
  const maxRestarts = options.maxRestarts ?? 3;
  let state: WorkerState = 'running';
  let error: WorkerError | undefined;
  let generation = -1;
  let restartsInARow = 0;
  let restarts = 0;
  let current: Generation;

  const start = (): Generation => {
    const gen = { pending: new Set(), dead: false } as unknown as Generation;
    generation += 1;
    gen.raw = startRawWorker(url, name, options.execArgv ?? [], (reason, cause) => die(gen, reason, cause));
    gen.remote = wrap<unknown>(gen.raw.endpoint);
    return gen;
  };

  const die = (gen: Generation, reason: string, cause: unknown): void => {
    if (gen.dead) return;
    gen.dead = true;
    const err = new WorkerError(name, entryText, reason, { cause });
    for (const reject of gen.pending) reject(err);
    gen.pending.clear();
    gen.raw.terminate().catch(() => undefined);
    if (gen !== current || state !== 'running') return;
    if (options.restart && restartsInARow < maxRestarts) {
      restartsInARow += 1;
      restarts += 1;
      current = start();
      options.onRestart?.({ name, entry: entryText, restarts, cause: err });
      return;
    }
    state = 'dead';
    error = err;
    options.onError?.(err);
  };

  /** Runs `op` on the current worker's remote, rejecting if that worker dies first. */
  const guard = (op: (remote: Remote<unknown>) => unknown): Promise<unknown> => {
    if (state !== 'running') {
      return Promise.reject(error ?? new WorkerError(name, entryText, 'was terminated'));
    }
    const gen = current;
    return new Promise((resolve, reject) => {
      gen.pending.add(reject);
      Promise.resolve()
        .then(() => op(gen.remote))
        .then(
          (value) => {
            if (!gen.pending.delete(reject)) return;
            restartsInARow = 0;
            resolve(value);
          },
          (err: unknown) => {
            if (gen.pending.delete(reject)) reject(err);
          },
        );
    });
  };

  const proxyAt = (path: Path): unknown =>
    new Proxy(function remoteMember() {}, {
      get(_target, key) {
        if (key === 'then') {
          if (path.length === 0) return undefined;
          const p = guard((remote) => navigate(remote, path));
          return p.then.bind(p);
        }
        if (typeof key === 'symbol') return navigate(current.remote, path)[key];
        return proxyAt([...path, key]);
      },
      set(_target, key, value) {
        navigate(current.remote, path)[key] = value;
        return true;
      },
      apply(_target, _this, args: unknown[]) {
        return guard((remote) => navigate(remote, path)(...args));
      },
    });

  current = start();
  return {
    api: proxyAt([]) as Remote<T>,
    name,
    entry: entryText,
    get state() {
      return state;
    },
    get generation() {
      return generation;
    },
    get error() {
      return error;
    },
    async terminate() {
      if (state === 'terminated') return;
      const wasRunning = state === 'running';
      state = 'terminated';
      if (wasRunning) {
        const gen = current;
        await gen.raw.terminate();
        die(gen, 'was terminated', undefined);
      }
    },
  };
}
