/**
 * Vite config of the posestream demo. `npm start` (scripts/start.ts) and the browser tests build the library
 * (`npm run build`) and serve the demo with `createDemoConfig()`; `npx vite --config demo/vite.config.ts` works too.
 *
 * The demo imports `posestream` the way an app does: the built package (dist/), whose workers, wasm files and models
 * reach the page through their `new URL(…, import.meta.url)` references, with no mounts and no plugin. The only
 * extra is ../shared/data served under `/data/` (the real videos) and any test mounts.
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
   * Folder holding the built library the demo runs on (`index.js`, `workers/index.js`, ...).
   * @default the project's dist/ (`npm run build`)
   */
  libraryRoot?: string;
}

/** The demo's Vite config (an inline config: pass it to `createServer` as is). */
export function createDemoConfig(options: DemoConfigOptions = {}): InlineConfig {
  const lib = resolve(options.libraryRoot ?? resolve(projectRoot, 'dist'));
  return {
    root: demoDir,
    configFile: false,
    clearScreen: false,
    cacheDir: resolve(projectRoot, 'node_modules/.vite-demo'),
    resolve: {
      alias: [
        { find: /^posestream\/workers$/, replacement: `${lib}/workers/index.js` },
        { find: /^posestream$/, replacement: `${lib}/index.js` },
      ],
    },
    server: {
      host: '127.0.0.1',
      port: options.port ?? 5173,
      strictPort: false,
      fs: { allow: [projectRoot, lib] },
      // Cross-origin isolated (everything is same-origin): performance.now() then has 5 µs steps instead of
      // 100 µs, which the HUD's main-thread ms per frame needs.
      headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    },
    worker: { format: 'es' },
    optimizeDeps: {
      // A fixed list, discovered nowhere else: no re-optimisation (and page reload) while the demo runs.
      noDiscovery: true,
      include: [
        'rxjs',
        'comlink',
        '1eurofilter',
        '@mediapipe/tasks-vision',
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-layers',
        '@tensorflow/tfjs-backend-cpu',
        '@tensorflow/tfjs-backend-wasm',
      ],
    },
    plugins: [
      staticMounts({
        '/data/': options.dataDir ?? resolve(projectRoot, '../shared/data'),
        ...options.mounts,
      }),
    ],
  };
}

export default defineConfig(createDemoConfig());
