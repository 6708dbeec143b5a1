// The whole project type-checks under the strict tsconfig, and every TSDoc example's import names something its
// entry ('posestream', 'posestream/workers', ...) really exports.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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
  it('finds the TSDoc examples (the extraction itself works)', () => {
    const imports = exampleImports();
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.name === 'slidingWindow' && i.from === 'posestream')).toBe(true);
  });

  it('type-checks the project and every example import with tsc (strict)', async () => {
    const lines = exampleImports().map((i, k) => `import type { ${i.name} as _${k} } from '${i.from}'; // ${i.file}`);
    const checkFile = `examples-check.${process.pid}.ts`;
    const config = `tsconfig.examples-check.${process.pid}.json`;
    writeFileSync(checkFile, `${lines.join('\n')}\nexport {};\n`);
    writeFileSync(config, JSON.stringify({ extends: './tsconfig.json', include: ['src', 'test', 'bench', 'scripts', 'demo/src', checkFile] }));
    try {
      const result = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config, '--noEmit'], { maxBuffer: 1 << 24 }).then(
        () => '',
        (e: { stdout?: string }) => e.stdout ?? String(e),
      );
      expect(result).toBe('');
    } finally {
      rmSync(checkFile, { force: true });
      rmSync(config, { force: true });
    }
  }, 180_000);
});
