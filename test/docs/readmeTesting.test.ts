// The README's "Test with recorded pose streams" block runs as written on the sample recording the package ships
// (samples/swipes.ndjson; the package path pointed at this checkout's samples/): it prints the swipes the recogniser
// finds, each one a labelled swipe of the sample. test/package/readmeNode.test.ts runs it unchanged from the tarball.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readRecording } from 'posestream';

const SAMPLE_PATH = "'node_modules/posestream/samples/swipes.ndjson'";
const script = resolve(`test/docs/.readmeTesting.${process.pid}.ts`);
afterAll(() => rmSync(script, { force: true }));

describe("README's testing example", () => {
  it('prints the swipes of the shipped sample, replayed in virtual time', async () => {
    const code = /## Test with recorded pose streams[\s\S]*?```ts\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1];
    expect(code).toBeDefined();
    expect(code).toContain(SAMPLE_PATH);
    writeFileSync(script, code!.replace(SAMPLE_PATH, JSON.stringify(resolve('samples/swipes.ndjson'))));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      await import(script);
    } finally {
      log.mockRestore();
    }
    // Virtual time: every line is there once the block returns. Each printed swipe is a labelled one, in order.
    const { labels, frames } = await readRecording('samples/swipes.ndjson');
    expect(lines.length).toBeGreaterThanOrEqual(8); // of the 12 labelled swipes
    let from = 0;
    for (const line of lines) {
      const m = /^(swipe_\w+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(line);
      expect(m, line).not.toBeNull();
      const [, label, , endT] = m!;
      // The label line whose swipe ended last before this event (the recogniser reports a swipe once it has stopped).
      const k = labels.findIndex((l, i) => i >= from && frames[l.endFrame]!.timestamp <= Number(endT) && (labels[i + 1] === undefined || frames[labels[i + 1]!.endFrame]!.timestamp > Number(endT)));
      expect(k, line).toBeGreaterThanOrEqual(from);
      expect(labels[k]!.label, line).toBe(label);
      from = k + 1;
    }
  });
});
