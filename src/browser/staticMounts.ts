import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import sirv from 'sirv';
import type { Plugin } from 'vite';

/**
 * A Vite plugin that serves URL prefixes from local folders (`'/data/'` -> `'../shared/data'`) or single URLs from
 * local files (`'/clip.mp4'` -> `'/abs/clip.mp4'`), through `sirv`: `Range` requests (video elements seek with
 * them) and content types included. A missing file under a mount is a plain 404, never Vite's index.html fallback,
 * so a missing model or video is reported as missing. The demo's Vite config, `startPageServer` and the browser
 * tests use it; no public entry exports it.
 *
 * @example
 * ```ts
 * import { staticMounts } from '../src/browser/staticMounts.js'; // demo/vite.config.ts
 * export default { plugins: [staticMounts({ '/data/': '../shared/data', '/models/': 'models' })] };
 * ```
 * @internal
 */
export function staticMounts(mounts: Record<string, string>): Plugin {
  const table = Object.entries(mounts).map(([prefix, target]) => {
    const path = resolve(target);
    const isFile = statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
    return isFile
      ? { prefix, exact: true, rewrite: `/${encodeURIComponent(basename(path))}`, serve: sirv(dirname(path), { dev: true, etag: false }) }
      : { prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, exact: false, rewrite: '', serve: sirv(path, { dev: true, etag: false }) };
  });
  return {
    name: 'posestream-static-mounts',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const original = req.url ?? '';
        const [path = '', query = ''] = original.split(/\?(.*)/s);
        const mount = table.find((m) => (m.exact ? decodeURIComponent(path) === m.prefix || path === m.prefix : path.startsWith(m.prefix)));
        if (mount === undefined) return next();
        const rest = mount.exact ? mount.rewrite : path.slice(mount.prefix.length - 1); // keeps the leading '/'
        req.url = query ? `${rest}?${query}` : rest;
        mount.serve(req, res, () => {
          req.url = original;
          res.statusCode = 404;
          res.setHeader('Content-Type', 'text/plain');
          res.end(`not found: ${path}`);
        });
      });
    },
  };
}
