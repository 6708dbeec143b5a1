/**
 * Vite config of the posestream demo. `npm start` (scripts/start.ts) and the browser test build it with
 * `createDemoConfig()`; `npx vite --config demo/vite.config.ts` works too.
 *
 * - `posestream` -> src/index.ts, `posestream/workers` -> src/workers/index.ts, and the worker entries as
 *   `posestream/workers/entries/<name>` (imported with `?worker` / `?worker&url`).
 * - Everything is served from 127.0.0.1: the tasks-vision wasm under `/wasm/mediapipe/`, the tfjs wasm under
 *   `/wasm/tfjs/`, the models under `/models/`, and ../shared/data under `/data/`.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig, type InlineConfig } from 'vite';
import { staticMounts } from '../src/browser/staticMounts.js';

const demoDir = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = resolve(demoDir, '..');

/** Options of {@link createDemoConfig}. */
export interface DemoConfigOptions {
  /** Port; 0 picks a free one. @default 5173 (the next free one when taken) */
  port?: number;
  /** Extra read-only mounts, URL prefix -> folder (tests mount a temporary model folder). @default {} */
  mounts?: Record<string, string>;
  /** Folder served under `/data/`. @default ../shared/data next to the project */
  dataDir?: string;
  /**
   * Folder holding the library the demo runs on: `index`, `workers/index` and `workers/entries/*` (.ts or .js),
   * e.g. the compiled `dist`.
   * @default the project's src/
   */
  libraryRoot?: string;
}

/** The demo's Vite config (an inline config: pass it to `createServer` as is). */
export function createDemoConfig(options: DemoConfigOptions = {}): InlineConfig {
  const lib = resolve(options.libraryRoot ?? resolve(projectRoot, 'src'));
  return {
    root: demoDir,
    configFile: false,
    clearScreen: false,
    cacheDir: resolve(projectRoot, 'node_modules/.vite-demo'),
    resolve: {
      alias: [
        { find: /^posestream\/workers\/entries\/([A-Za-z]+)/, replacement: `${lib}/workers/entries/$1` },
        { find: /^posestream\/workers$/, replacement: `${lib}/workers/index` },
        { find: /^posestream\/testing$/, replacement: `${lib}/testing/index` },
        { find: /^posestream$/, replacement: `${lib}/index` },
      ],
    },
    server: {
      host: '127.0.0.1',
      port: options.port ?? 5173,
      strictPort: false,
      fs: { allow: [projectRoot, lib] },
    },
    worker: { format: 'es' },
    optimizeDeps: {
      // A fixed list, discovered nowhere else: no re-optimisation (and page reload) while the demo runs.
      noDiscovery: true,
      include: ['rxjs', 'comlink', '1eurofilter', '@mediapipe/tasks-vision', '@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm'],
    },
    plugins: [
      staticMounts({
        '/data/': options.dataDir ?? resolve(projectRoot, '../shared/data'),
        '/models/': resolve(projectRoot, 'models'),
        '/wasm/mediapipe/': resolve(projectRoot, 'node_modules/@mediapipe/tasks-vision/wasm'),
        '/wasm/tfjs/': resolve(projectRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'),
        ...options.mounts,
      }),
    ],
  };
}

export default defineConfig(createDemoConfig());
