/**
 * posestream's operators as plain JavaScript for timing. `npm run bench` runs through tsx, whose esbuild
 * transform keeps function names by wrapping every named closure in `__name(fn, "name")`, an
 * Object.defineProperty per closure; an operator that makes closures per value then pays for tsx, not for its
 * own code, while rxjs (shipped as JS) does not. So the bench transpiles src/ with TypeScript itself (what
 * `npm run build` emits, types erased) into bench/out/compiled/ (gitignored) and imports the operators from there.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const OUT = fileURLToPath(new URL('./out/compiled/', import.meta.url));

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

let compiled: string | undefined;

/** Transpiles src/ into bench/out/compiled/<pid>/ and returns that folder. */
export function compileSources(): string {
  if (compiled) return compiled;
  const dir = join(OUT, String(process.pid));
  for (const file of tsFiles(SRC)) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    const target = join(dir, relative(SRC, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  compiled = dir;
  return dir;
}

/** The compiled-JS operators the scenarios time (same code as src/, imported from the transpiled copy). */
export async function loadOperators() {
  const dir = compileSources();
  const load = <T>(path: string): Promise<T> => import(pathToFileURL(join(dir, path)).href) as Promise<T>;
  const [est, sw, cl, mon, stats, pack] = await Promise.all([
    load<typeof import('../src/operators/estimateHands.js')>('operators/estimateHands.js'),
    load<typeof import('../src/operators/slidingWindow.js')>('operators/slidingWindow.js'),
    load<typeof import('../src/operators/classifyLatest.js')>('operators/classifyLatest.js'),
    load<typeof import('../src/monitor/createPipelineMonitor.js')>('monitor/createPipelineMonitor.js'),
    load<typeof import('../src/operators/pipelineStats.js')>('operators/pipelineStats.js'),
    load<typeof import('../src/filters/packWindow.js')>('filters/packWindow.js'),
  ]);
  // Every module is loaded now: the transpiled copy is not needed any more.
  rmSync(dir, { recursive: true, force: true });
  compiled = undefined;
  return {
    estimateHands: est.estimateHands,
    slidingWindow: sw.slidingWindow,
    classifyLatest: cl.classifyLatest,
    createPipelineMonitor: mon.createPipelineMonitor,
    pipelineStats: stats.pipelineStats,
    packWindow: pack.packWindow,
  };
}

/** The operators {@link loadOperators} returns. */
export type Operators = Awaited<ReturnType<typeof loadOperators>>;
