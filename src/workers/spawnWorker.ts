import { wrap, type Endpoint, type Remote } from 'comlink';
import { checkSpawnOptions, createOptionChecks } from './createOptionChecks.js';
import { entryUrl, startRawWorker, type RawWorker, type RawWorkerSource } from './startRawWorker.js';
import { WorkerError, WorkerTimeoutError } from './workerErrors.js';
import type { SpawnWorkerOptions, WorkerHandle, WorkerSource, WorkerState } from './workerTypes.js';

/** Default timeout of a worker client's `alive()` probe: a worker that cannot answer for this long is hung, ms. @internal */
export const ALIVE_TIMEOUT_MS = 10_000;

interface PendingCall {
  reject: (err: WorkerError) => void;
  call: string;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface Generation {
  raw: RawWorker;
  remote: Remote<unknown>;
  pending: Set<PendingCall>;
  dead: boolean;
}

type Path = readonly (string | symbol)[];

function navigate(root: unknown, path: Path): any {
  let target: any = root;
  for (const key of path) target = target[key];
  return target;
}

/** An endpoint that goes nowhere: the remote of a worker that could not even be constructed. */
const nowhere: Endpoint = { postMessage() {}, addEventListener() {}, removeEventListener() {} };

/** The source as startRawWorker takes it, its name and how errors describe it. */
function describeSource(source: WorkerSource, options: SpawnWorkerOptions): { raw: RawWorkerSource; entry: string; name: string; restartable: boolean } {
  if (typeof source === 'string' || source instanceof URL) {
    const url = entryUrl(source);
    const entry = url.protocol === 'file:' ? decodeURIComponent(url.pathname) : url.href;
    const name = options.name ?? (url.pathname.split('/').pop() ?? 'worker').replace(/\.[^.]*$/, '');
    return { raw: url, entry, name, restartable: true };
  }
  const isFactory = typeof source === 'function';
  return {
    raw: source,
    entry: options.entryName ?? (isFactory ? 'a Worker made by a function' : 'a Worker'),
    name: options.name ?? 'worker',
    restartable: isFactory,
  };
}

/**
 * Starts a worker module with comlink and returns its API, in Node (worker_threads) and browsers (module Worker).
 *
 * `source` is the entry's URL or (Node) path, a function making the worker, or a worker already made. In a
 * browser app pass a function with the literal `new Worker(new URL('./my.worker.js', import.meta.url), { type:
 * 'module' })` in it, so that your bundler emits the worker. The entry exposes its API with `exposeWorker(api)`.
 * Calls on `handle.api` return promises. If the worker fails to load, throws uncaught, exits, or a call takes
 * longer than its timeout (`timeoutMs`, default 30 s; the worker is then terminated as if it had crashed),
 * every pending call rejects with a {@link WorkerError} naming the worker and the cause (the late call with a
 * `WorkerTimeoutError`), and so does every later call; unless `restart: true`, which respawns it: the pending
 * calls reject with `recovered: true`, later calls go to the new worker, `onRestart` reports it, `restarts`
 * and `lost` count it. A wrong `timeoutMs`, `maxRestarts` or `callTimeoutMs` throws an `InvalidOptionError` before
 * anything starts. In Node a `.ts` entry runs through tsx (dev/tests from `src`); a `.js` entry is started
 * as is. Pass typed arrays wrapped in comlink's `transfer(value, [value.buffer])` to move them.
 *
 * @example
 * ```ts
 * import { spawnWorker } from 'posestream/workers';
 * const worker = spawnWorker<{ add(a: number, b: number): number }>(
 *   () => new Worker(new URL('./myWorker.js', import.meta.url), { type: 'module' }),
 *   { name: 'adder', restart: true, timeoutMs: 5000, onRestart: (e) => console.warn(`restarted ${e.name}`, e.cause) },
 * );
 * console.log(await worker.api.add(1, 2));
 * await worker.terminate();
 * ```
 */
export function spawnWorker<T>(source: WorkerSource, options: SpawnWorkerOptions = {}): WorkerHandle<Remote<T>> {
  checkSpawnOptions(createOptionChecks('spawnWorker'), options); // before the worker starts
  const { raw: rawSource, entry, name, restartable } = describeSource(source, options);
  const maxRestarts = options.maxRestarts ?? 3;
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const errorOptions = { source: options.source, setBy: options.setBy };
  let state: WorkerState = 'running';
  let error: WorkerError | undefined;
  let generation = -1;
  let restartsInARow = 0;
  let restarts = 0;
  let lost = 0;
  let current: Generation;

  const start = (): Generation => {
    const gen = { pending: new Set(), dead: false } as unknown as Generation;
    generation += 1;
    try {
      gen.raw = startRawWorker(rawSource, name, options.execArgv ?? [], (reason, cause) => die(gen, reason, cause));
    } catch (err) {
      gen.raw = { endpoint: nowhere, terminate: async () => undefined };
      const why = err instanceof Error ? err.message : String(err);
      void Promise.resolve().then(() => die(gen, `could not be started: ${why}`, err));
    }
    gen.remote = wrap<unknown>(gen.raw.endpoint);
    return gen;
  };

  const die = (gen: Generation, reason: string, cause: unknown, timedOut?: PendingCall, timeoutMs = 0): void => {
    if (gen.dead) return;
    gen.dead = true;
    const live = gen === current && state === 'running';
    const recovered = live && options.restart === true && restartsInARow < maxRestarts && restartable;
    const err = new WorkerError(name, entry, reason, { ...errorOptions, cause, recovered });
    const timeoutErr =
      timedOut && new WorkerTimeoutError(name, entry, timedOut.call, timeoutMs, { ...errorOptions, recovered });
    const lostNow = gen.pending.size;
    for (const call of gen.pending) {
      clearTimeout(call.timer);
      call.reject(call === timedOut && timeoutErr ? timeoutErr : err);
    }
    gen.pending.clear();
    gen.raw.terminate().catch(() => undefined);
    if (!live) return;
    if (recovered) {
      restartsInARow += 1;
      restarts += 1;
      lost += lostNow;
      current = start();
      options.onRestart?.({ name, entry, restarts, lost: lostNow, generation, cause: timeoutErr ?? err });
      return;
    }
    state = 'dead';
    error = timeoutErr ?? err;
    options.onError?.(error);
  };

  const timeoutFor = (call: string): number | false => options.callTimeoutMs?.[call] ?? defaultTimeout;

  /** Runs `op` on the current worker's remote, rejecting if that worker dies or the call times out first. */
  const guard = (path: Path, op: (remote: Remote<unknown>) => unknown): Promise<unknown> => {
    if (state !== 'running') {
      return Promise.reject(error ?? new WorkerError(name, entry, 'was terminated', errorOptions));
    }
    const gen = current;
    const call = path.map(String).join('.');
    return new Promise((resolve, reject) => {
      const pending: PendingCall = { reject, call, timer: undefined };
      gen.pending.add(pending);
      const ms = timeoutFor(call);
      if (ms !== false && Number.isFinite(ms)) {
        pending.timer = setTimeout(() => {
          if (gen.pending.has(pending)) die(gen, `was stopped: ${call}() did not answer within ${ms} ms`, undefined, pending, ms);
        }, ms);
      }
      const settle = (): boolean => {
        clearTimeout(pending.timer);
        return gen.pending.delete(pending);
      };
      Promise.resolve()
        .then(() => op(gen.remote))
        .then(
          (value) => {
            if (!settle()) return;
            restartsInARow = 0;
            resolve(value);
          },
          (err: unknown) => {
            if (settle()) reject(err);
          },
        );
    });
  };

  const proxyAt = (path: Path): unknown =>
    new Proxy(function remoteMember() {}, {
      get(_target, key) {
        if (key === 'then') {
          if (path.length === 0) return undefined;
          const p = guard(path, (remote) => navigate(remote, path));
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
        return guard(path, (remote) => navigate(remote, path)(...args));
      },
    });

  current = start();
  return {
    api: proxyAt([]) as Remote<T>,
    name,
    entry,
    get state() {
      return state;
    },
    get generation() {
      return generation;
    },
    get restarts() {
      return restarts;
    },
    get lost() {
      return lost;
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
