/**
 * Starts one of the benchmark's CPU-burning workers on a real worker_thread and wraps it with comlink.
 * A `.ts` entry is imported through a two-line bootstrap that registers tsx first (Node 20 does not apply
 * `--import tsx` from a worker's execArgv to the worker's own module loading).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { BenchError } from '../benchError.js';

/** A running benchmark worker: its comlink proxy and a way to stop it. */
export interface BenchWorker<T> {
  api: Remote<T>;
  /** Rejects once the worker fails or exits on its own (never settles otherwise). */
  died: Promise<never>;
  terminate(): Promise<void>;
}

const tsxApi = pathToFileURL(
  createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs'),
).href;

/** Spawns `entry` (a URL of a .ts or .js worker module) and wraps it with comlink. */
export function spawnBenchWorker<T>(entry: URL, name: string): BenchWorker<T> {
  const boot =
    "const { workerData } = require('node:worker_threads');\n" +
    'import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); });';
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(boot, { eval: true, name, workerData: { tsxApi, entry: entry.href } })
    : new Worker(entry, { name });
  let terminating = false;
  const died = new Promise<never>((_, reject) => {
    worker.on('error', (err) => reject(new BenchError(`worker ${name} (${entry.href}) failed: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => {
      if (!terminating) reject(new BenchError(`worker ${name} (${entry.href}) exited with code ${code}`));
    });
  });
  died.catch(() => undefined);
  const api = wrap<T>(nodeEndpoint(worker));
  return {
    api,
    died,
    terminate: async () => {
      terminating = true;
      api[releaseProxy]();
      await worker.terminate();
    },
  };
}
