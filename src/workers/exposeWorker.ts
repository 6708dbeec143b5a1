import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

type NodeWorkerThreads = typeof import('node:worker_threads');

/**
 * Exposes an API from inside a worker module, in Node (worker_threads `parentPort`) and in browsers (`self`),
 * so the same module runs in both. Call it once at the top of a worker entry; `spawnWorker` talks to it.
 *
 * @example
 * ```ts
 * // myWorker.ts
 * import { exposeWorker } from 'posestream/workers';
 * exposeWorker({ add: (a: number, b: number) => a + b });
 * ```
 */
export function exposeWorker(api: object): void {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const wt =
    typeof proc?.getBuiltinModule === 'function'
      ? (proc.getBuiltinModule('node:worker_threads') as NodeWorkerThreads)
      : undefined;
  if (wt) {
    if (!wt.parentPort) throw new Error('exposeWorker must run inside a worker thread (no parentPort)');
    expose(api, nodeEndpoint(wt.parentPort));
  } else {
    expose(api);
  }
}
