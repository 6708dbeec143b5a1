/**
 * Inference time per window in headless Chromium: the classifier worker on wasm and on cpu, driven from Node
 * through eval/browser/timing.html, served by Vite on 127.0.0.1 from the project root with TensorFlow.js
 * pre-bundled (as the demo serves it); the page may request no other host.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { launchChromium } from '../src/browser/launchChromium.js';
import { PosestreamError } from '../src/errors.js';

/** Timed classify() round trips per backend, ms. */
export interface BrowserTiming {
  backend: string;
  times: number[];
}

/**
 * Times `count` classifications of `window` (raw landmarks, frames x 21 x 3) per backend in Chromium.
 *
 * @example
 * ```ts
 * const timings = await timeClassifierInChromium('/models/default/model.json', window, 30);
 * ```
 */
export async function timeClassifierInChromium(
  modelUrl: string,
  window: Float32Array,
  frames: number,
  options: { backends?: ReadonlyArray<'wasm' | 'cpu'>; warmup?: number; count?: number } = {},
): Promise<BrowserTiming[]> {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    clearScreen: false,
    cacheDir: resolve(root, 'node_modules/.vite-eval'),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    worker: { format: 'es' },
    optimizeDeps: { noDiscovery: true, include: ['rxjs', 'comlink', '@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await page.goto(`${origin}/eval/browser/timing.html`);
    await page.waitForFunction(() => document.title === 'timing ready', null, { timeout: 120_000 });
    const out: BrowserTiming[] = [];
    for (const backend of options.backends ?? ['wasm', 'cpu']) {
      const args = { model: modelUrl, backend, window: Array.from(window), frames, warmup: options.warmup ?? 20, count: options.count ?? 200 };
      out.push(
        await page.evaluate(
          (a) => (globalThis as unknown as { posestreamTimeClassifier: (o: typeof a) => Promise<BrowserTiming> }).posestreamTimeClassifier(a),
          args,
        ),
      );
    }
    if (browser.foreignRequests.length > 0) {
      throw new PosestreamError('foreign-request', `eval: the timing page requested hosts other than 127.0.0.1: ${browser.foreignRequests.join(', ')}`);
    }
    return out;
  } finally {
    await browser?.close();
    await server.close();
  }
}
