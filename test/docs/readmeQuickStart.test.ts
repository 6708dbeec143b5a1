// The README's quick start runs as written: its first code block, with the recording and the model path pointed at
// a real kairess take and this checkout's model, prints gesture events.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seniormarsClips } from '../../eval/seniormarsClips.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';

const dir = mkdtempSync(join(tmpdir(), 'posestream-readme-'));
const script = resolve(`test/docs/.quickstart.${process.pid}.ts`);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(script, { force: true });
});

describe('README quick start', () => {
  it('prints start/end gesture events for a real take', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const code = /## Quick start\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    // A real swipe (seniormars swipe_up #0, a still hand around it) at its 20 fps: the recorded-clock replay takes 4 s.
    const clips = await seniormarsClips(resolve('../shared/data/landmarks/seniormars-gesture'));
    const frames = clips.find((c) => c.name === 'swipe_up#0')!.frames;
    const recording = join(dir, 'session.ndjson');
    writeFileSync(recording, serializeRecording({ header: { format: 'posestream/v1', fps: 20, width: 640, height: 480 }, frames }));
    const edited = code!.replace("'session.ndjson'", JSON.stringify(recording));
    expect(edited).not.toBe(code);
    writeFileSync(script, edited);

    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      await import(script);
      await vi.waitFor(() => expect(lines.some((l) => l.startsWith('end '))).toBe(true), { timeout: 30_000, interval: 100 });
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toMatch(/^start \w+ \d+ \d+$/);
    expect(lines.some((l) => l.startsWith('end swipe_up '))).toBe(true);
  }, 60_000);
});
