// The README's "Test with recorded pose streams" block, run as written on a real swipe (seniormars swipe_down #1).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seniormarsClips } from '../../eval/seniormarsClips.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';

const dir = mkdtempSync(join(tmpdir(), 'posestream-readme-testing-'));
const script = resolve(`test/docs/.readmeTesting.${process.pid}.ts`);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(script, { force: true });
});

describe("README's testing example", () => {
  it('prints the swipe of a real take, replayed in virtual time', async () => {
    const code = /## Test with recorded pose streams[\s\S]*?```ts\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1];
    expect(code).toBeDefined();
    const clips = await seniormarsClips(resolve('../shared/data/landmarks/seniormars-gesture'));
    const path = join(dir, 'take.ndjson');
    const frames = clips.find((c) => c.name === 'swipe_down#1')!.frames;
    writeFileSync(path, serializeRecording({ header: { format: 'posestream/v1', fps: 20, width: 640, height: 480 }, frames }));
    writeFileSync(script, code!.replace("'take.ndjson'", JSON.stringify(path)));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      await import(script);
    } finally {
      log.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^swipe_down \d+(\.\d+)? \d+(\.\d+)?$/);
  });
});
