/**
 * A tiny Vite plugin serving local folders read-only under URL prefixes (`/data/` -> ../shared/data, `/models/`,
 * the tasks-vision and tfjs wasm folders), with single `Range` requests so `<video>` can seek. Nothing outside a
 * mounted folder is reachable (`..` is refused).
 */
import { createReadStream, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ndjson': 'application/x-ndjson',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.task': 'application/octet-stream',
};

function send(req: IncomingMessage, res: ServerResponse, file: string, size: number): void {
  res.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', 'no-cache');
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range !== null && size > 0 && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${size}`);
      res.end();
      return;
    }
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', end - start + 1);
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.setHeader('Content-Length', size);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/**
 * Serves each `prefix` (e.g. `'/data/'`) from its folder; unknown files under a prefix get a plain 404 (never
 * Vite's index.html fallback, so a missing model is reported as missing).
 */
export function staticMounts(mounts: Record<string, string>): Plugin {
  const table = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  return {
    name: 'posestream-demo-static-mounts',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        let path: string;
        try {
          path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        } catch {
          next();
          return;
        }
        const mount = table.find(([prefix]) => path.startsWith(prefix));
        if (mount === undefined) {
          next();
          return;
        }
        const [prefix, dir] = mount;
        const file = resolve(dir, path.slice(prefix.length));
        let size = -1;
        if (file.startsWith(dir + sep)) {
          try {
            const stat = statSync(file);
            if (stat.isFile()) size = stat.size;
          } catch {
            size = -1;
          }
        }
        if (size < 0) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'text/plain');
          res.end(`not found: ${path}`);
          return;
        }
        send(req, res, file, size);
      });
    },
  };
}
