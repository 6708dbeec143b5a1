/**
 * Bundlers (Vite, webpack, Rollup, esbuild) emit a worker or asset only when the code holds the literal
 * `new Worker(new URL('./x.js', import.meta.url), { type: 'module' })` / `new URL('./x', import.meta.url)`
 * with a string literal. These checks read src/workers as text: every packaged worker and asset is referenced
 * that way, each names a file that exists in the published layout, and nothing builds such a URL from a template
 * (Vite turns those into globs or inlines the result as a data: URL, whose relative imports cannot resolve).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const workersDir = `${root}src/workers/`;
const sources = readdirSync(workersDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => ({ file: f, text: code(readFileSync(workersDir + f, 'utf8')) }));

/** The code without comments (TSDoc may show the forms in prose). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Where a URL relative to dist/workers/ lands: the dist layout the build produces, mapped to what is here. */
function publishedFile(relative: string): string {
  const worker = /^\.\/([A-Za-z]+)\.worker\.js$/.exec(relative);
  if (worker) return `${workersDir}entries/${worker[1]}.ts`; // scripts/build.ts bundles entries/<name> into <name>.worker.js
  const [, dir, name] = /^(\.\.\/assets\/mediapipe|\.\.\/assets\/tfjs|\.\.\/\.\.\/models(?:\/default)?)\/([^/]+)$/.exec(relative) ?? [];
  if (dir === '../assets/mediapipe') return `${root}node_modules/@mediapipe/tasks-vision/wasm/${name}`;
  if (dir === '../assets/tfjs') return `${root}node_modules/@tensorflow/tfjs-backend-wasm/dist/${name}`;
  if (dir !== undefined) return `${root}${dir.slice(6)}/${name}`;
  return `(not in the published layout: ${relative})`;
}

describe('worker and asset URLs bundlers can see', () => {
  it.each([
    ['createClassifierWorker.ts', 'classifierWorker', 'classifier'],
    ['createFunctionClassifierWorker.ts', 'functionClassifierWorker', 'function-classifier'],
    ['createHandEstimatorWorker.ts', 'handLandmarker', 'hand-landmarker'],
  ])('%s starts the packaged %s entry with the literal new Worker(new URL(...)) form', (file, entry, name) => {
    const text = sources.find((s) => s.file === file)!.text;
    expect(text).toContain(`new Worker(new URL('./${entry}.worker.js', import.meta.url), { type: 'module', name: '${name}' })`);
    expect(existsSync(publishedFile(`./${entry}.worker.js`))).toBe(true);
  });

  it('every new URL(..., import.meta.url) has a string literal naming a file of the published layout', () => {
    const found: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/new URL\(([^()]*?),\s*import\.meta\.url\s*\)/g)) {
        const arg = m[1]!.trim();
        expect(arg, `${file}: ${m[0]}`).toMatch(/^'[^'`$]+'$/);
        const target = publishedFile(arg.slice(1, -1));
        expect(existsSync(target), `${file}: ${arg} -> ${target}`).toBe(true);
        found.push(arg);
      }
    }
    // The packaged assets: tasks-vision's module runtime, the three tfjs wasm binaries, both hand models, the default gesture model.
    for (const asset of [
      'vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm',
      'tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm',
      'hand_landmarker_full.task', 'hand_landmarker_lite.task',
      'default/model.json', 'default/weights.bin', 'default/labels.json',
    ]) {
      expect(found.some((arg) => arg.endsWith(`${asset}'`)), asset).toBe(true);
    }
  });

  it('no URL next to import.meta.url is built from a template literal', () => {
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(/new URL\(\s*`[^`]*`\s*,\s*import\.meta\.url/);
    }
  });

  it('importing posestream/workers in Node evaluates no browser-only code', async () => {
    const workers = await import('../../src/workers/index.js');
    expect(typeof workers.createClassifierWorker).toBe('function');
    for (const { file, text } of sources) {
      // No window/self/document/location at module top level (a line starting without indentation).
      expect(text.split('\n').filter((line) => /^(?:const|let|var|export const)\b.*\b(?:window|self|document|location)\b/.test(line)), file).toEqual([]);
    }
  });
});
