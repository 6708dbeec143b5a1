import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKairess } from '../../src/data/loadKairess.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';

const run = promisify(execFile);
const bin = resolve('bin/posestream.js');
let dir: string;
let comePath: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'posestream-cli-'));
  const takes = await loadKairess(resolve('../shared/data/landmarks/kairess-gesture-recognition'));
  const come = takes.find((t) => t.label === 'come')!;
  // The first 75 frames of the real 'come' take at their own 15 fps: the recorded-clock replay takes 5 s.
  const frames = come.frames.slice(0, 75);
  comePath = join(dir, 'come.ndjson');
  await writeFile(comePath, serializeRecording({ header: { format: 'posestream/v1', fps: 15, source: come.file }, frames }));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('posestream classify', () => {
  it('prints gesture events and one stats line (--json) for a real take with the default model', async () => {
    const { code, stdout, stderr } = await cli(['classify', comePath, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const gestures = lines.filter((l) => l.type === 'gesture');
    const stats = lines.at(-1)!;
    expect(stats.type).toBe('stats');
    expect(lines.filter((l) => l.type === 'stats')).toHaveLength(1);
    expect(gestures.length).toBeGreaterThan(0);
    for (const g of gestures) {
      expect(Object.keys(g).sort()).toEqual(['endFrame', 'endT', 'label', 'score', 'startFrame', 'startT', 'type']);
      expect(g.endFrame as number).toBeGreaterThanOrEqual(g.startFrame as number);
    }
    // The take is 'come' throughout: 'come' must cover more frames than any other label.
    const covered = new Map<string, number>();
    for (const g of gestures) covered.set(g.label as string, (covered.get(g.label as string) ?? 0) + (g.endFrame as number) - (g.startFrame as number) + 1);
    const [top] = [...covered].sort((a, b) => b[1] - a[1]);
    expect(top?.[0]).toBe('come');
    expect(stats.policy).toBe('latest');
    expect(stats.classifierBusy as number).toBeGreaterThan(0);
    expect(stats.classifierBusy as number).toBeLessThanOrEqual(1);
  });

  it('names the file and line of a malformed recording and exits 1', async () => {
    const bad = join(dir, 'bad.ndjson');
    await writeFile(bad, '{"format":"posestream/v1","fps":30}\n{"frame":0,"t":0,"hands":[]}\n{"frame":1,"t":33,"hands":[{"handedness":"Left","score":1,"landmarks":[[0,0,0]]}]}\n');
    const { code, stderr } = await cli(['classify', bad, '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain(bad);
    expect(stderr).toContain(`${bad}:3`);
  });

  it('says which model.json is missing, and exits 2 on bad arguments', async () => {
    const missing = await cli(['classify', comePath, '--model', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(join(dir, 'nope', 'model.json'));
    expect((await cli(['classify', comePath, '--policy', 'queue'])).code).toBe(2);
  });
});
