// The whole project type-checks under the strict tsconfig, every TSDoc example's import names something its
// entry ('posestream', 'posestream/workers', ...) really exports, and every ```ts / ```tsx block of the user guides
// (GUIDES) type-checks as a module of its own against the public entries.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { codeBlocks, GUIDES } from './codeBlocks.js';

const run = promisify(execFile);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** `import { a, type B } from 'posestream…'` lines inside the TSDoc comments of src/. */
function exampleImports(): { name: string; from: string; file: string }[] {
  const found: { name: string; from: string; file: string }[] = [];
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      for (const m of comment.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(posestream(?:\/[\w-]+)?)'/g)) {
        for (const raw of (m[1] ?? '').split(',')) {
          const name = raw.replace(/\*/g, '').trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim();
          if (name) found.push({ name, from: m[2]!, file: relative('.', file) });
        }
      }
    }
  }
  return found;
}

describe('types and documentation', () => {
  it('finds the code blocks of every guide', () => {
    for (const guide of GUIDES) expect(codeBlocks(guide).length, guide).toBeGreaterThan(0);
  });
  it('finds the TSDoc examples (the extraction itself works)', () => {
    const imports = exampleImports();
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.name === 'slidingWindow' && i.from === 'posestream')).toBe(true);
  });

  it('type-checks the project and every example import with tsc (strict)', async () => {
    const lines = exampleImports().map((i, k) => `import type { ${i.name} as _${k} } from '${i.from}'; // ${i.file}`);
    const checkFile = `examples-check.${process.pid}.ts`;
    const config = `tsconfig.examples-check.${process.pid}.json`;
    const guidesDir = `test/docs/guides-check.${process.pid}`;
    try {
      writeFileSync(checkFile, `${lines.join('\n')}\nexport {};\n`);
      // Each guide block as its own module; a tsc error in one is reported as the guide's file and line.
      const origins = new Map<string, { guide: string; line: number }>();
      mkdirSync(guidesDir, { recursive: true });
      for (const guide of GUIDES) {
        codeBlocks(guide).forEach((block, k) => {
          const name = `${guide.replace(/^docs\//, '').replace(/\.md$/, '')}-${k + 1}.${block.lang}`;
          origins.set(name, { guide, line: block.line });
          writeFileSync(join(guidesDir, name), `${block.code}\nexport {};\n`);
        });
      }
      writeFileSync(
        config,
        JSON.stringify({ extends: './tsconfig.json', compilerOptions: { jsx: 'react-jsx' }, include: ['src', 'test', 'bench', 'scripts', 'demo/src', checkFile, guidesDir] }),
      );
      const result = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config, '--noEmit'], { maxBuffer: 1 << 24 }).then(
        () => '',
        (e: { stdout?: string }) => e.stdout ?? String(e),
      );
      const located = result.replace(/test\/docs\/guides-check\.\d+\/([\w.-]+)\((\d+),(\d+)\)/g, (whole, name: string, line: string, col: string) => {
        const origin = origins.get(name);
        return origin ? `${origin.guide}:${origin.line + Number(line) - 1}:${col}` : whole;
      });
      expect(located).toBe('');
    } finally {
      rmSync(checkFile, { force: true });
      rmSync(config, { force: true });
      rmSync(guidesDir, { recursive: true, force: true });
    }
  }, 180_000);
});
