import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
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
let server: Server | undefined;

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
  if (server) await new Promise((done) => server!.close(done));
});

/** The stats line of a `--json` run. */
function statsOf(stdout: string): Record<string, number> {
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}
/** The 75-frame take at 15 fps lasts 74 / 15 s on its own clock. */
const TAKE_MS = (74 / 15) * 1000;

describe('posestream classify', () => {
  it('prints gesture events and one stats line (--json) for a real take with the learned model (--model default)', async () => {
    const { code, stdout, stderr } = await cli(['classify', '--model', 'default', comePath, '--json']);
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
    // One clock: latencies are small and non-negative (was -1795979533150.1: epoch capture times against
    // performance.now()), and the run lasts as long as the recording, not the recording plus the model load.
    expect(stats.captureToResultP95Ms as number).toBeGreaterThanOrEqual(0);
    expect(stats.captureToResultP95Ms as number).toBeLessThan(stats.durationMs as number);
    expect(stats.durationMs as number).toBeGreaterThanOrEqual(TAKE_MS - 40);
    expect(stats.durationMs as number).toBeLessThan(TAKE_MS + 4000);
  });

  it("--timing asap: capture is when a frame is read, so latencies are non-negative (was the recording's t against process uptime)", async () => {
    const { code, stdout, stderr } = await cli(['classify', '--model', 'default', comePath, '--json', '--timing', 'asap']);
    expect([code, stderr]).toEqual([0, '']);
    const stats = statsOf(stdout);
    expect(stats.captureToResultP95Ms).toBeGreaterThanOrEqual(0);
    expect(stats.captureToResultP95Ms).toBeLessThanOrEqual(stats.durationMs!);
    expect(stats.windowWaitP95Ms).toBeGreaterThanOrEqual(0);
  });

  it('--timing asap classifies every window, in order: nothing dropped, and the same gestures on every run', async () => {
    const first = await cli(['classify', '--model', 'default', comePath, '--json', '--timing', 'asap']);
    const second = await cli(['classify', '--model', 'default', comePath, '--json', '--timing', 'asap']);
    expect([first.code, second.code]).toEqual([0, 0]);
    const stats = statsOf(first.stdout);
    expect(stats.policy as unknown).toBe('every');
    expect(stats.droppedWindows).toBe(0); // was most of them: a file read as fast as possible has no "latest" to keep
    expect(stats.classifiedPerSec).toBe(stats.windowsPerSec); // one prediction per window, over the same run
    expect(stats.windowsPerSec).toBeGreaterThan(0);
    const gestures = (out: string) => out.trim().split('\n').slice(0, -1);
    expect(gestures(second.stdout)).toEqual(gestures(first.stdout));
  });

  it('accepts consecutive frames with equal t (the format says t never decreases)', async () => {
    const text = await readFile(comePath, 'utf8');
    const lines = text.trim().split('\n');
    const t19 = (JSON.parse(lines[20]!) as { t: number }).t;
    lines[21] = JSON.stringify({ ...(JSON.parse(lines[21]!) as object), t: t19 }); // frame 20 at frame 19's t
    const equal = join(dir, 'equal-t.ndjson');
    await writeFile(equal, lines.join('\n') + '\n');
    const { code, stdout, stderr } = await cli(['classify', '--model', 'default', equal, '--json', '--timing', 'asap']);
    expect(stderr).toBe(''); // was "InvalidPoseError: slidingWindow: frame 20: timestamp … is not after …", no file or line
    expect(code).toBe(0);
    expect(statsOf(stdout).framesPerSec).toBeGreaterThan(0);
  });

  it('reads an http:// recording (was treated as a path: "no such file")', async () => {
    const body = await readFile(comePath);
    server = createServer((req, res) => {
      res.writeHead(req.url === '/come.ndjson' ? 200 : 404);
      res.end(req.url === '/come.ndjson' ? body : 'nope');
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    const ok = await cli(['classify', '--model', 'default', `http://127.0.0.1:${port}/come.ndjson`, '--json', '--timing', 'asap']);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    const missing = await cli(['classify', '--model', 'default', `http://127.0.0.1:${port}/missing.ndjson`, '--json', '--timing', 'asap']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`http://127.0.0.1:${port}/missing.ndjson: HTTP 404`);
  });

  it('prints the usage with exit code 2, never a stack trace, for an unknown flag or a bad value', async () => {
    for (const args of [['--frobnicate'], ['--window-ms', '-5'], ['--window-ms=-5'], ['--window', '0'], ['--threshold', 'high'], ['--json', 'a.ndjson']]) {
      const { code, stderr } = await cli(['classify', '--model', 'default', comePath, ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('usage: posestream classify');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('names the file and line of a malformed recording and exits 1', async () => {
    const bad = join(dir, 'bad.ndjson');
    await writeFile(bad, '{"format":"posestream/v1","fps":30}\n{"frame":0,"t":0,"hands":[]}\n{"frame":1,"t":33,"hands":[{"handedness":"Left","score":1,"landmarks":[[0,0,0]]}]}\n');
    const { code, stderr } = await cli(['classify', '--model', 'default', bad, '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain(bad);
    expect(stderr).toContain(`${bad}:3`);
  });

  it('says which model.json is missing, and exits 2 on bad arguments', async () => {
    const missing = await cli(['classify', comePath, '--model', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(join(dir, 'nope', 'model.json'));
    expect((await cli(['classify', '--model', 'default', comePath, '--policy', 'queue'])).code).toBe(2);
  });
});
