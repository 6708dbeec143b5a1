// The testing guide's tests run as written: every ```ts block of docs/testing.md that imports vitest is written
// to a module and imported while this file is collected, so its describe/it blocks are tests of this file. The
// sample recording's package path (node_modules/posestream/samples/) is pointed at this checkout's samples/, the
// same file the package ships.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBlocks } from './codeBlocks.js';

const dir = resolve(`test/docs/.testing-guide.${process.pid}`);
const SAMPLES = "'node_modules/posestream/samples/";
const blocks = codeBlocks('docs/testing.md').filter((b) => b.lang === 'ts' && /from 'vitest'/.test(b.code));
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/testing.md', () => {
  it('has tests to run (the extraction works)', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });
  it('runs a test on the sample recording the package ships', () => {
    expect(blocks.some((b) => b.code.includes(`${SAMPLES}swipes.ndjson'`))).toBe(true);
  });
});

for (const [k, block] of blocks.entries()) {
  const file = join(dir, `block-${k + 1}-line-${block.line}.ts`);
  writeFileSync(file, block.code.replaceAll(SAMPLES, `'${resolve('samples')}/`));
  await import(pathToFileURL(file).href);
}
