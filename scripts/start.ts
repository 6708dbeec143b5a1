/**
 * `npm start`: builds the library (scripts/build.ts: hand models, dist/, wasm assets), then serves the demo
 * (demo/) with Vite on 127.0.0.1 and prints its URL.
 *
 *     npx tsx scripts/start.ts [--port 5173] [--lib dist]
 *
 * `--lib` runs the demo on another build of the library (a folder with index, workers/index, workers/entries/*).
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { createDemoConfig, type DemoConfigOptions } from '../demo/vite.config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { port: { type: 'string', default: '5173' }, lib: { type: 'string' } },
  allowPositionals: false,
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`start: --port must be an integer 0..65535, got ${values.port}\n`);
  process.exit(2);
}

if (values.lib === undefined) {
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write(`start: scripts/build.ts failed (exit ${build.status ?? build.signal}); see above\n`);
    process.exit(1);
  }
}

const options: DemoConfigOptions = { port };
if (values.lib !== undefined) options.libraryRoot = resolve(values.lib);
const server = await createServer(createDemoConfig(options));
await server.listen();
const address = server.httpServer?.address();
const actualPort = address !== null && typeof address === 'object' ? address?.port : port;
process.stdout.write(`\n  posestream demo: http://127.0.0.1:${actualPort}/\n\n`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
