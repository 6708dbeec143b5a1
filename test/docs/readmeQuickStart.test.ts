// The README's quick start runs as written on the sample recording the package ships (samples/swipes.ndjson):
// its first code block, with the package path of the sample pointed at this checkout's samples/, prints gesture
// events. test/package/readmeNode.test.ts runs it unchanged in a fresh project that installed the tarball.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const SAMPLE_PATH = "'node_modules/posestream/samples/swipes.ndjson'";
const script = resolve(`test/docs/.quickstart.${process.pid}.ts`);
afterAll(() => rmSync(script, { force: true }));

describe('README quick start', () => {
  it('prints start/end gesture events for the shipped sample recording', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const code = /## Quick start\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    expect(code).toContain(SAMPLE_PATH);
    const labels = new Set((await import('posestream')).SWIPE_LABELS);
    writeFileSync(script, code!.replace(SAMPLE_PATH, JSON.stringify(resolve('samples/swipes.ndjson'))));

    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      await import(script);
      // The first swipe ends about 1.8 s into the recording's own clock (the replay runs in real time).
      await vi.waitFor(() => expect(lines.some((l) => l.startsWith('end '))).toBe(true), { timeout: 30_000, interval: 100 });
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toMatch(/^start swipe_\w+ \d+ \d+$/);
    const end = lines.find((l) => l.startsWith('end '))!.split(' ');
    expect(labels.has(end[1] as never)).toBe(true);
    expect(end[1]).toBe(lines[0]!.split(' ')[1]);
  }, 60_000);
});
