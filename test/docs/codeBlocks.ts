// The code blocks of the user guides, for test/docs/typecheck.test.ts (type-checked) and testingGuide.test.ts (run).
import { readFileSync } from 'node:fs';

/** The user guides whose code blocks must type-check (each block is a module: it imports what it uses). */
export const GUIDES = ['docs/getting-started.md', 'docs/composing-pipelines.md', 'docs/testing.md', 'docs/recording-format.md', 'docs/errors-and-restarts.md', 'docs/teaching.md'];

/** The ```ts and ```tsx blocks of a markdown file, with the line each starts on (1-based, its first code line). */
export function codeBlocks(file: string): { lang: 'ts' | 'tsx'; line: number; code: string }[] {
  const text = readFileSync(file, 'utf8');
  const blocks: { lang: 'ts' | 'tsx'; line: number; code: string }[] = [];
  for (const m of text.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)) {
    blocks.push({ lang: m[1] as 'ts' | 'tsx', line: text.slice(0, m.index).split('\n').length + 1, code: m[2]! });
  }
  return blocks;
}
