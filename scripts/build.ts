/**
 * Builds the package (`npm run build`, and `prepack` so that every tarball has it):
 * 1. the hand landmarker bundles `models/hand_landmarker_{full,lite}.task` (skipped when current);
 * 2. `dist/` from `src/` with `tsc -p tsconfig.build.json` (JavaScript, declarations, source maps);
 * 3. each browser worker as ONE self-contained ES module, `dist/workers/<entry>.worker.js` (esbuild): an app's dev
 *    server never sees the worker's bare imports (Vite does not pre-bundle what only a worker inside a dependency
 *    imports, and tfjs has CommonJS parts), and a bundler re-bundles it as any worker. They sit in dist/workers/, as
 *    the modules they are made of, so their `new URL('../assets/…', import.meta.url)` literals stay right;
 * 4. the wasm files the workers load, copied next to the code so that bundlers emit them from
 *    `new URL('../assets/…', import.meta.url)`: tasks-vision's module build into `dist/assets/mediapipe/` and
 *    tfjs-backend-wasm's three binaries into `dist/assets/tfjs/` (their installed versions are pinned exactly).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runBuildModel } from '../src/cli/buildModel.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
/** The installed folder of package `name` (found from its main file: some packages do not export package.json). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(name)) {
    if (dirname(dir) === dir) throw new Error(`build: cannot find the folder of ${name}`);
    dir = dirname(dir);
  }
  return dir;
}

const code = await runBuildModel(['--out', join(root, 'models')]);
if (code) process.exit(code);

rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
  cwd: root,
  stdio: 'inherit',
});

const entries = ['handLandmarker', 'classifierWorker', 'functionClassifierWorker', 'gestureTrainerWorker'];
await esbuild.build({
  entryPoints: Object.fromEntries(entries.map((e) => [`${e}.worker`, join(root, 'dist/workers/entries', `${e}.js`)])),
  outdir: join(root, 'dist/workers'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  keepNames: true, // error classes name themselves (`new.target.name`), and the names cross the thread
  sourcemap: false, // a map of the bundled tfjs would be 5 MB in every install
  logLevel: 'warning',
});

const assets: [from: string, files: string[], to: string][] = [
  [join(packageDir('@mediapipe/tasks-vision'), 'wasm'), ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'], 'mediapipe'],
  [
    join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist'),
    ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'],
    'tfjs',
  ],
];
for (const [from, files, to] of assets) {
  const dir = join(root, 'dist', 'assets', to);
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(from, file), join(dir, file));
}
const size = (p: string): string => `${(statSync(p).size / 1e6).toFixed(1)} MB`;
process.stdout.write(`build: dist/ written; assets ${assets.map(([, f, to]) => `${to} (${f.length} files)`).join(', ')}; ` +
  `hand models full ${size(join(root, 'models/hand_landmarker_full.task'))}, lite ${size(join(root, 'models/hand_landmarker_lite.task'))}\n`);
