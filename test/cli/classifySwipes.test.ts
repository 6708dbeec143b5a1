import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seniormarsClips } from '../../eval/seniormarsClips.js';
import { runClassify } from '../../src/cli/classify.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';

const dir = mkdtempSync(join(tmpdir(), 'posestream-classify-swipes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('posestream classify: the swipe recogniser by default', () => {
  it('prints the swipe of a real recording, with the recogniser\'s own window, every window classified', async () => {
    const clips = await seniormarsClips(resolve('../shared/data/landmarks/seniormars-gesture'));
    const frames = clips.find((c) => c.name === 'swipe_down#1')!.frames;
    const path = join(dir, 'take.ndjson');
    writeFileSync(path, serializeRecording({ header: { format: 'posestream/v1', fps: 20, width: 640, height: 480 }, frames }));
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
    let code: number;
    try {
      code = await runClassify([path, '--timing', 'asap', '--json']); // no --model: the swipe recogniser
    } finally {
      write.mockRestore();
    }
    expect(code).toBe(0);
    const lines = out.join('').trim().split('\n').map((l) => JSON.parse(l) as { type: string; label?: string });
    expect(lines.filter((l) => l.type === 'gesture').map((l) => l.label)).toEqual(['swipe_down']);
    expect(lines.find((l) => l.type === 'stats')).toMatchObject({ droppedWindows: 0 });
  });
});
