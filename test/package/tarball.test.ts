// The npm tarball as published: what it holds, publint, Are The Types Wrong (ESM-only), and the types of every
// entry from an installed copy under the `bundler`, `nodenext` and `node16` module resolutions.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTarball, packTarball, ROOT, run, runStatus, typesProject } from './packageFixture.js';
import type { TarEntry } from './packageFixture.js';

type Exports = Record<string, string | { types?: string; import?: string }>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Exports };

let tarball: string;
let files: TarEntry[];
let paths: Set<string>;

beforeAll(async () => {
  tarball = await packTarball();
  files = listTarball(tarball);
  paths = new Set(files.map((f) => f.path));
}, 600_000);

/** The package's entries as import specifiers; `*` patterns expanded to the files the tarball holds. */
function entrySpecifiers(): string[] {
  const specifiers: string[] = [];
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue; // ./package.json
    if (!key.includes('*')) {
      specifiers.push(`posestream${key.slice(1)}`);
      continue;
    }
    const [before, after] = target.import!.slice(2).split('*') as [string, string];
    for (const { path } of files) {
      if (path.startsWith(before) && path.endsWith(after)) specifiers.push(`posestream${key.slice(1).replace('*', path.slice(before.length, path.length - after.length))}`);
    }
  }
  return specifiers;
}

describe('the tarball', () => {
  it('holds dist/ with JavaScript and declarations for every exports entry', () => {
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') {
        if (key.includes('*')) {
          // A pattern of plain files (./samples/*): it must match files of the tarball.
          const [before, after] = target.slice(2).split('*') as [string, string];
          expect(files.filter((f) => f.path.startsWith(before) && f.path.endsWith(after)).length, `${key}: no files match ${target}`).toBeGreaterThan(0);
        } else expect(paths, key).toContain(target.slice(2));
        continue;
      }
      expect(target.types, key).toMatch(/^\.\/dist\/.*\.d\.ts$/);
      expect(target.import, key).toMatch(/^\.\/dist\/.*\.js$/);
      if (key.includes('*')) {
        const [before, after] = target.import!.slice(2).split('*') as [string, string];
        const matched = files.filter((f) => f.path.startsWith(before) && f.path.endsWith(after) && !f.path.slice(before.length).includes('/'));
        expect(matched.length, `${key}: no files match ${target.import}`).toBeGreaterThan(0);
        for (const { path } of matched) expect(paths, key).toContain(path.replace(/\.js$/, '.d.ts'));
      } else {
        expect(paths, key).toContain(target.types!.slice(2));
        expect(paths, key).toContain(target.import!.slice(2));
      }
    }
    // Every worker entry in src/ is in the package.
    expect(entrySpecifiers()).toEqual(expect.arrayContaining(['posestream/workers/entries/handLandmarker', 'posestream/workers/entries/classifierWorker']));
  });

  it('holds the wasm files the workers load, and the models', () => {
    const sizes = new Map(files.map((f) => [basename(f.path), f]));
    const expectFile = (name: string, minBytes: number, under = '') => {
      const file = sizes.get(name);
      expect(file, `${name} is not in the tarball`).toBeDefined();
      expect(file!.path.startsWith(under), `${name} is at ${file!.path}, not under ${under}`).toBe(true);
      expect(file!.size, `${file!.path} size`).toBeGreaterThan(minBytes);
    };
    expectFile('vision_wasm_module_internal.js', 10_000, 'dist/');
    expectFile('vision_wasm_module_internal.wasm', 5_000_000, 'dist/');
    for (const wasm of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) expectFile(wasm, 100_000, 'dist/');
    expectFile('hand_landmarker_full.task', 5_000_000);
    expectFile('hand_landmarker_lite.task', 2_000_000);
    const model = files.filter((f) => /(^|\/)default\/(model\.json|weights\.bin|labels\.json)$/.test(f.path)).map((f) => basename(f.path));
    expect(model.sort()).toEqual(['labels.json', 'model.json', 'weights.bin']);
    // Nothing of the repo's own tooling.
    expect(files.filter((f) => /^(test|bench|demo|eval|\.cache)\//.test(f.path) || f.path.endsWith('.tsbuildinfo'))).toEqual([]);
  });

  it('lists in sideEffects every module that imports for side effects or calls at top level', () => {
    // A module left out is side-effect-free to bundlers: Rolldown then drops what it only reaches for effects
    // (tfjs-layers' layer registrations behind `export * from '@tensorflow/tfjs-layers'`: "Unknown layer: Reshape").
    const patterns = ((pkg as unknown as { sideEffects: string[] }).sideEffects).map(
      (g) => new RegExp(`^${g.slice(2).replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`),
    );
    const dist = files.filter((f) => f.path.startsWith('dist/') && f.path.endsWith('.js') && !f.path.startsWith('dist/assets/'));
    const effectful = dist.filter((f) => /^(import '[^']+';|[A-Za-z_$][\w$.]*\(.*\);)$/m.test(f.data.toString('utf8'))).map((f) => f.path);
    expect(effectful).toEqual(expect.arrayContaining(['dist/workers/tfjs.js', 'dist/workers/entries/classifierWorker.js']));
    expect(effectful.filter((path) => !patterns.some((re) => re.test(path)))).toEqual([]);
  });

  it('is publint-clean (suggestions included, strict)', async () => {
    const data = readFileSync(tarball);
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer },
      level: 'suggestion',
      strict: true,
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, manifest) ?? m.code}`)).toEqual([]);
  });

  it('passes Are The Types Wrong with the esm-only profile', async () => {
    const cli = createRequire(join(ROOT, 'package.json')).resolve('@arethetypeswrong/cli/package.json');
    const attw = join(dirname(cli), (JSON.parse(readFileSync(cli, 'utf8')) as { bin: { attw: string } }).bin.attw);
    // Exit 0 (run() rejects otherwise, with the report): problems only under the ignored node10 / node16-cjs.
    const output = await run(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'], ROOT, 180_000);
    expect(output).toContain('"posestream/workers"');
  }, 180_000);
});

describe('types of every entry, installed from the tarball', () => {
  let project: string;
  beforeAll(async () => {
    project = await typesProject();
    const specifiers = entrySpecifiers();
    writeFileSync(
      join(project, 'index.ts'),
      specifiers.map((s, i) => `import * as entry${i} from '${s}';`).join('\n') +
        `\nexport const entries = [${specifiers.map((_, i) => `entry${i}`).join(', ')}];\n` +
        // A few names users reach for, so that an entry resolving to an empty module fails too.
        "import { slidingWindow } from 'posestream';\nimport { spawnWorker } from 'posestream/workers';\n" +
        'export const names = [slidingWindow, spawnWorker];\n',
    );
  }, 600_000);

  for (const [resolution, module] of [['bundler', 'esnext'], ['nodenext', 'nodenext'], ['node16', 'node16']] as const) {
    it(`type-check under moduleResolution ${resolution}`, async () => {
      const config = `tsconfig.${resolution}.json`;
      writeFileSync(
        join(project, config),
        JSON.stringify({
          compilerOptions: {
            target: 'es2022',
            module,
            moduleResolution: resolution,
            lib: ['es2022', 'dom', 'dom.iterable'],
            types: ['node'],
            strict: true,
            // Declarations checked once (the slow part: vite's and playwright's are large); the other two
            // resolutions check that every entry resolves to its types.
            skipLibCheck: resolution !== 'nodenext',
            noEmit: true,
          },
          files: ['index.ts'],
        }),
      );
      const tsc = join(project, 'node_modules/typescript/bin/tsc');
      const { code, output } = await runStatus(process.execPath, [tsc, '-p', config], project, 120_000);
      expect(code, output).not.toBeNull();
      // With declarations checked, only posestream's own and the importing file count: tfjs-layers' declarations
      // do not pass a strict check themselves.
      const errors = output.split('\n').filter((l) => /^\S.*\(\d+,\d+\): error /.test(l));
      const ours = errors.filter((l) => !l.startsWith('node_modules/') || l.startsWith('node_modules/posestream/'));
      expect(ours, output).toEqual([]);
      expect(code === 0 || errors.length > 0, output).toBe(true);
    }, 120_000);
  }
});
