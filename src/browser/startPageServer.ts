import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { staticMounts } from './staticMounts.js';

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
 * Starts a Vite dev server on 127.0.0.1 (random port) rooted at the package, so pages under it can import the
 * TypeScript sources, tasks-vision's wasm and the models directly; `mounts` expose extra local folders/files.
 *
 * @example
 * ```ts
 * import { startPageServer } from 'posestream/node';
 * const server = await startPageServer({ mounts: { '/data/': '/srv/videos' } });
 * console.log(server.origin);
 * await server.close();
 * ```
 */
export async function startPageServer(options: StartPageServerOptions = {}): Promise<PageServer> {
  const root = options.root ?? fileURLToPath(new URL('../..', import.meta.url));
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [
      staticMounts(options.mounts ?? {}),
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
