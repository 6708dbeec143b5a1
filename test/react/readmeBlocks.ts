/** The code blocks of one README subsection (`### React`, `### Angular`), as the tests run them. */
import { readFileSync } from 'node:fs';

export interface ReadmeBlocks {
  /** Every fenced block of the subsection, by language tag, in order. */
  blocks: { lang: string; code: string }[];
  /** The shell lines (```sh blocks), without blank lines. */
  sh: string[];
}

/** Reads the `### <heading>` subsection of the README (up to the next `##`/`###` heading). */
export function readmeBlocks(heading: string, readme = 'README.md'): ReadmeBlocks {
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`README: no "### ${heading}" subsection`);
  const rest = text.slice(start + heading.length + 6);
  const end = rest.search(/\n##/);
  const section = end < 0 ? rest : rest.slice(0, end);
  const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, code: m[2]! }));
  const sh = blocks.filter((b) => b.lang === 'sh').flatMap((b) => b.code.split('\n').map((l) => l.trim()).filter(Boolean));
  return { blocks, sh };
}
