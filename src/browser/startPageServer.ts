import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { importOptional } from '../cli/missingDependency.js';

/** Options of {@link startPageServer}. */
export interface StartPageServerOptions {
  /** Folder served as the site root (pages, `src/`, `node_modules/`, `models/`). @default the posestream package root */
  root?: string;
  /** URL prefix (`'/shared-data/'`) -> local folder or file, served read-only with Range support. @default {} */
  mounts?: Record<string, string>;
}

/** A running page server on 127.0.0.1. */
export interface PageServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

/**
 * Pages served from `src/` get the wasm files the packaged `dist/assets/` holds (the worker code refers to
 * `../assets/...` next to itself) from the installed packages.
 */
function sourceAssetMounts(root: string): Record<string, string> {
  if (!existsSync(join(root, 'src', 'workers'))) return {};
  const require = createRequire(join(root, 'package.json'));
  const dir = (pkg: string, sub: string): string | undefined =>
    (require.resolve.paths(pkg) ?? []).map((modules) => join(modules, pkg, sub)).find((candidate) => existsSync(candidate));
  const mounts: Record<string, string> = {};
  const mediapipe = dir('@mediapipe/tasks-vision', 'wasm');
  const tfjs = dir('@tensorflow/tfjs-backend-wasm', 'dist');
  if (mediapipe !== undefined) mounts['/src/assets/mediapipe/'] = mediapipe;
  if (tfjs !== undefined) mounts['/src/assets/tfjs/'] = tfjs;
  return mounts;
}

/**
 * Pages served from src/: the worker clients start `./<name>.worker.js` (in dist/, the bundle scripts/build.ts makes
 * of `entries/<name>`); from the sources that is `src/workers/entries/<name>.ts`.
 * @internal
 */
export function sourceWorkerEntries(root: string): Plugin {
  return {
    name: 'posestream-source-worker-entries',
    resolveId(id) {
      const match = /\/src\/workers\/([A-Za-z]+)\.worker\.js(\?.*)?$/.exec(id);
      const file = match ? join(root, 'src', 'workers', 'entries', `${match[1]}.ts`) : undefined;
      return file !== undefined && existsSync(file) ? file + (match?.[2] ?? '') : null;
    },
  };
}

/**
 * Starts a Vite dev server on 127.0.0.1 (random port) rooted at the package, so pages under it can import the
 * TypeScript sources, tasks-vision's wasm and the models directly (from `src/`, `/src/assets/{mediapipe,tfjs}/`
 * serve the installed packages' wasm, as `dist/assets/` does when built); `mounts` expose extra local folders/files.
 * vite and sirv (optional peers) are imported when it is called: one that is not installed rejects with a
 * `MissingDependencyError`. `posestream record`, the browser tests and the browser bench use it; no public entry
 * exports it.
 *
 * @example
 * ```ts
 * import { startPageServer } from '../src/browser/startPageServer.js'; // from test/ or bench/
 * const server = await startPageServer({ mounts: { '/data/': '/srv/videos' } });
 * console.log(server.origin);
 * await server.close();
 * ```
 * @internal
 */
export async function startPageServer(options: StartPageServerOptions = {}): Promise<PageServer> {
  const root = options.root ?? fileURLToPath(new URL('../..', import.meta.url));
  // The optional peers (vite, and sirv under staticMounts) are imported when a server is started.
  const { createServer } = await importOptional('startPageServer()', () => import('vite'));
  const { staticMounts } = await importOptional('startPageServer()', () => import('./staticMounts.js'));
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [
      staticMounts({ ...sourceAssetMounts(root), ...options.mounts }),
      sourceWorkerEntries(root),
    ],
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') {
    await server.close();
    throw new Error('startPageServer: Vite did not report a TCP address');
  }
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
