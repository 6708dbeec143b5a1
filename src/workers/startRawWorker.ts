import type { Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { nodeBuiltin } from './nodeBuiltin.js';
import type { NodeWorkerLike } from './workerTypes.js';

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

/** What `startRawWorker` starts: a module URL, a function making a worker, or a worker already made. @internal */
export type RawWorkerSource = URL | (() => Worker | NodeWorkerLike) | Worker | NodeWorkerLike;

/** True for a Node worker_threads Worker (an EventEmitter), false for a browser Worker. */
function isNodeWorker(w: Worker | NodeWorkerLike): w is NodeWorkerLike {
  return typeof (w as { on?: unknown }).on === 'function' && typeof (w as { addEventListener?: unknown }).addEventListener !== 'function';
}

/** Node: listens for the thread's error/exit; `exit` after our own terminate() reads "was terminated". */
function attachNode(worker: NodeWorkerLike, onDeath: DeathListener): RawWorker {
  let terminating = false;
  worker.on('error', (err: unknown) => onDeath(`failed: ${err instanceof Error ? err.message : String(err)}`, err));
  worker.on('messageerror', (err: Error) => onDeath(`sent a message that could not be read: ${err.message}`, err));
  worker.on('exit', (code: number) =>
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
  return attachNode(worker, onDeath);
}

/**
 * Browser: an `error` event (load failure, 404, uncaught error) is fatal. A worker that ends silently
 * (`close()`, killed by the browser) sends nothing: call timeouts find it.
 */
function attachBrowser(worker: Worker, onDeath: DeathListener): RawWorker {
  worker.addEventListener('error', (ev) => {
    ev.preventDefault();
    worker.terminate();
    onDeath(`failed: ${ev.message || 'could not be loaded (404, wrong MIME type or a syntax error) or threw an uncaught error'}`, ev.error ?? ev);
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

/**
 * Starts a worker: a URL as a worker thread (Node) or module Worker (browser); a function is called for a fresh
 * worker (each start); a worker already made is used as is. Throws if the worker cannot be constructed.
 * @internal
 */
export function startRawWorker(source: RawWorkerSource, name: string, execArgv: string[], onDeath: DeathListener): RawWorker {
  if (source instanceof URL) {
    const wt = nodeBuiltin<NodeWorkerThreads>('node:worker_threads');
    return wt ? startNode(wt, source, name, execArgv, onDeath) : attachBrowser(new Worker(source, { type: 'module', name }), onDeath);
  }
  const worker = typeof source === 'function' ? source() : source;
  if (worker === null || typeof worker !== 'object' || typeof worker.postMessage !== 'function') {
    throw new TypeError(`expected a Worker, got ${worker === null ? 'null' : typeof worker}`);
  }
  return isNodeWorker(worker) ? attachNode(worker, onDeath) : attachBrowser(worker, onDeath);
}
