// The README's quick start runs as written: its first code block, with the recording and the model path pointed at
// a real kairess take and this checkout's model, prints gesture events.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadKairess } from '../../src/data/loadKairess.js';
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
    const [come] = (await loadKairess(resolve('../shared/data/landmarks/kairess-gesture-recognition'))).filter((t) => t.label === 'come');
    // 60 real frames at their own 15 fps: the recorded-clock replay takes 4 s.
    const frames = come!.frames.slice(0, 60);
    const recording = join(dir, 'session.ndjson');
    writeFileSync(recording, serializeRecording({ header: { format: 'posestream/v1', fps: 15 }, frames }));
    const edited = code!
      .replace("'session.ndjson'", JSON.stringify(recording))
      .replace("'node_modules/posestream/models/default/model.json'", JSON.stringify(resolve('models/default/model.json')));
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
    expect(lines.some((l) => l.startsWith('end come '))).toBe(true);
  }, 60_000);
});
