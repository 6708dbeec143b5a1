import type { Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { nodeBuiltin } from './nodeBuiltin.js';

/** One started worker, before comlink: its endpoint, a way to stop it and a death notification. @internal */
export interface RawWorker {
  endpoint: Endpoint;
  terminate(): Promise<void>;
}

/** Called at most once when the worker fails to load, throws uncaught or exits. @internal */
export type DeathListener = (reason: string, cause: unknown) => void;

type NodeWorkerThreads = typeof import('node:worker_threads');
type NodeModule = typeof import('node:module');
type NodeUrl = typeof import('node:url');


/** True in Node (worker_threads available). @internal */
export function isNode(): boolean {
  return nodeBuiltin<NodeWorkerThreads>('node:worker_threads') !== undefined;
}

/** Resolves an entry (URL or path) to a URL: paths against the cwd in Node, the page in browsers. @internal */
export function entryUrl(entry: string | URL): URL {
  if (entry instanceof URL) return entry;
  if (/^[a-z][a-z0-9+.-]+:/i.test(entry)) return new URL(entry);
  const url = nodeBuiltin<NodeUrl>('node:url');
  if (url) return url.pathToFileURL(entry);
  return new URL(entry, (globalThis as { location?: { href: string } }).location?.href);
}

const TS_ENTRY = /\.(?:ts|mts|cts)$/;

/** file: URL of tsx's ESM register API, resolved from this package. */
function tsxApiUrl(): string {
  const mod = nodeBuiltin<NodeModule>('node:module');
  const url = nodeBuiltin<NodeUrl>('node:url');
  if (!mod || !url) throw new Error('tsx needs Node');
  const pkg = mod.createRequire(import.meta.url).resolve('tsx/package.json');
  return url.pathToFileURL(pkg.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
}

/**
 * Node: a `.ts` entry is imported through a tiny bootstrap that registers tsx first (Node 20 ignores
 * `--import` in a worker's execArgv), a `.js` entry is started directly.
 */
function startNode(wt: NodeWorkerThreads, url: URL, name: string, execArgv: string[], onDeath: DeathListener): RawWorker {
  const ts = TS_ENTRY.test(url.pathname);
  const boot =
    "const { workerData } = require('node:worker_threads');\n" +
    'import(workerData.tsxApi).then((m) => { m.register(); return import(workerData.entry); });';
  const worker = ts
    ? new wt.Worker(boot, { eval: true, name, execArgv, workerData: { tsxApi: tsxApiUrl(), entry: url.href } })
    : new wt.Worker(url, { name, execArgv });
  let terminating = false;
  worker.on('error', (err) => onDeath(`failed: ${err instanceof Error ? err.message : String(err)}`, err));
  worker.on('messageerror', (err) => onDeath(`sent a message that could not be read: ${err.message}`, err));
  worker.on('exit', (code) =>
    onDeath(terminating ? 'was terminated' : `exited with code ${code}`, new Error(`exit code ${code}`)),
  );
  return {
    endpoint: nodeEndpoint(worker),
    terminate: async () => {
      terminating = true;
      await worker.terminate();
    },
  };
}

/** Browser: a module Worker; an `error` event (load failure or uncaught error) is fatal. */
function startBrowser(url: URL, name: string, onDeath: DeathListener): RawWorker {
  const worker = new Worker(url, { type: 'module', name });
  worker.addEventListener('error', (ev) => {
    ev.preventDefault();
    worker.terminate();
    onDeath(`failed: ${ev.message || 'could not be loaded or threw an uncaught error'}`, ev.error ?? ev);
  });
  worker.addEventListener('messageerror', () => {
    worker.terminate();
    onDeath('sent a message that could not be read', undefined);
  });
  return {
    endpoint: worker,
    terminate: async () => {
      worker.terminate();
      onDeath('was terminated', undefined);
    },
  };
}

/** Starts a worker thread (Node) or module Worker (browser) for `url`. @internal */
export function startRawWorker(url: URL, name: string, execArgv: string[], onDeath: DeathListener): RawWorker {
  const wt = nodeBuiltin<NodeWorkerThreads>('node:worker_threads');
  return wt ? startNode(wt, url, name, execArgv, onDeath) : startBrowser(url, name, onDeath);
}
