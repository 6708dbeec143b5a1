// The testing guide's tests run as written: every ```ts block of docs/testing.md that imports vitest is written
// to a module and imported while this file is collected, so its describe/it blocks are tests of this file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBlocks } from './codeBlocks.js';

const dir = resolve(`test/docs/.testing-guide.${process.pid}`);
const blocks = codeBlocks('docs/testing.md').filter((b) => b.lang === 'ts' && /from 'vitest'/.test(b.code));
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/testing.md', () => {
  it('has tests to run (the extraction works)', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });
});

for (const [k, block] of blocks.entries()) {
  const file = join(dir, `block-${k + 1}-line-${block.line}.ts`);
  writeFileSync(file, block.code);
  await import(pathToFileURL(file).href);
}
