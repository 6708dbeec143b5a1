import { createReadStream, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'vite';

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

const types: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.json': 'application/json',
  '.task': 'application/octet-stream',
};

/** Serves `file` honouring a single `Range: bytes=a-b` (video elements seek with ranges). */
function sendFile(req: IncomingMessage, res: ServerResponse, file: string, size: number): void {
  res.setHeader('Content-Type', types[extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Accept-Ranges', 'bytes');
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range !== null && size > 0) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', end - start + 1);
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.setHeader('Content-Length', size);
  createReadStream(file).pipe(res);
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
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [
      {
        name: 'posestream-mounts',
        configureServer(vite) {
          vite.middlewares.use((req, res, next) => {
            const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
            for (const [prefix, dir] of mounts) {
              if (!url.startsWith(prefix) && url !== prefix.replace(/\/$/, '')) continue;
              const rest = url.slice(prefix.length);
              const file = rest === '' ? dir : resolve(dir, rest);
              if (file !== dir && !file.startsWith(dir + sep)) break;
              let size: number;
              try {
                const stat = statSync(file);
                if (!stat.isFile()) break;
                size = stat.size;
              } catch {
                break;
              }
              sendFile(req, res, file, size);
              return;
            }
            next();
          });
        },
      },
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
