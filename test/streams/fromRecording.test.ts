import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { lastValueFrom, map, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { fromRecording } from '../../src/streams/fromRecording.js';
import { readRecording } from '../../src/recording/readRecording.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { RecordingError } from '../../src/recording/RecordingError.js';
import { syntheticPoseStream } from '../../src/testing/syntheticPoseStream.js';
import type { PoseFrame } from '../../src/types.js';

const frames = syntheticPoseStream({ frames: 40, fps: 30, motion: 'swipe-right' });
const labels = [{ label: 'swipe_right', startFrame: 5, endFrame: 35 }];
const text = serializeRecording({ header: { format: 'posestream/v1', fps: 30, width: 640, height: 480, source: 'camera' }, frames, labels });

function expectClose(actual: PoseFrame[], expected: PoseFrame[]) {
  expect(actual.map((f) => [f.index, f.width, f.height, f.hands.length])).toEqual(expected.map((f) => [f.index, 640, 480, f.hands.length]));
  actual.forEach((f, i) => {
    const e = expected[i]!;
    expect(Math.abs(f.timestamp - e.timestamp)).toBeLessThanOrEqual(5e-4);
    f.hands.forEach((h, j) => {
      const eh = e.hands[j]!;
      expect(h.handedness).toBe(eh.handedness);
      h.landmarks.forEach((p, k) => {
        const q = eh.landmarks[k]!;
        expect(Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y), Math.abs(p.z - q.z))).toBeLessThanOrEqual(5e-6);
      });
    });
  });
}

describe('fromRecording sources', () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'posestream-rec-'));
    writeFileSync(join(dir, 'take.ndjson'), text);
    server = createServer((req, res) => {
      if (req.url === '/take.ndjson') {
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        // Send in small pieces so lines straddle chunks.
        const bytes = Buffer.from(text);
        for (let i = 0; i < bytes.length; i += 777) res.write(bytes.subarray(i, i + 777));
        res.end();
      } else {
        res.writeHead(404, 'Not Found');
        res.end('nope');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('no address');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads text, with header, frames and labels (round trip within the written precision)', async () => {
    const result = await readRecording(text);
    expect(result.header).toEqual({ format: 'posestream/v1', fps: 30, width: 640, height: 480, source: 'camera' });
    expect(result.labels).toEqual(labels);
    expect(result.skipped).toBe(0);
    expectClose(result.frames, frames);
  });

  it('reads a file path', async () => {
    expectClose(await lastValueFrom(fromRecording(join(dir, 'take.ndjson')).pipe(toArray())), frames);
  });

  it('reads a file: URL', async () => {
    const result = await readRecording(pathToFileURL(join(dir, 'take.ndjson')));
    expect(result.labels).toEqual(labels);
    expectClose(result.frames, frames);
  });

  it('reads a Node Readable in odd-sized byte chunks (multi-byte UTF-8 split across chunks)', async () => {
    const withUnicode = text.replace('"source":"camera"', '"source":"caméra ✋"');
    const bytes = Buffer.from(withUnicode);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 101) chunks.push(bytes.subarray(i, i + 101));
    const result = await readRecording(Readable.from(chunks));
    expect(result.header.source).toBe('caméra ✋');
    expectClose(result.frames, frames);
  });

  it('fetches an http URL', async () => {
    const result = await readRecording(new URL(`${base}/take.ndjson`));
    expect(result.labels).toEqual(labels);
    expectClose(result.frames, frames);
  });

  it('names the URL and status on a 404', async () => {
    const url = `${base}/missing.ndjson`;
    const err = await readRecording(new URL(url)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordingError);
    expect((err as RecordingError).kind).toBe('http-status');
    expect((err as Error).message).toBe(`${url}: HTTP 404 Not Found`);
  });

  it('names the path of a missing file, and that a string was taken as a path (a file: URL is not)', async () => {
    const path = join(dir, 'nope.ndjson');
    const err = await readRecording(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordingError);
    expect((err as RecordingError).kind).toBe('not-found');
    expect((err as Error).message).toBe(`${path}: no such file (the string was taken as a file path: recording text starts with \`{\`)`);
    const url = pathToFileURL(path);
    expect(((await readRecording(url).catch((e: unknown) => e)) as Error).message).toBe(`${url.href}: no such file`);
  });

  it('reads a string with a line break, or a byte-order mark before its `{`, as text, not as a path', async () => {
    expect((await readRecording(`\uFEFF${text}`)).frames).toHaveLength(frames.length);
    const err = (await readRecording(`not a header\n${text}`).catch((e: unknown) => e)) as RecordingError;
    expect(err).toBeInstanceOf(RecordingError);
    expect([err.source, err.line]).toEqual(['<string>', 1]);
  });

  it('names the file and line of a bad line in a file', async () => {
    const path = join(dir, 'bad.ndjson');
    writeFileSync(path, text.split('\n').map((l, i) => (i === 7 ? l.replace('"hands":[', '"hands":[1,') : l)).join('\n'));
    const seen: number[] = [];
    const err = await lastValueFrom(fromRecording(path).pipe(map((f) => seen.push(f.index)))).catch((e: unknown) => e);
    expect((err as Error).message).toBe(`${path}:8: frame 6: hands[0] must be an object`);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stops reading a file when unsubscribed (take)', async () => {
    const first = await lastValueFrom(fromRecording(join(dir, 'take.ndjson')).pipe(take(3), toArray()));
    expect(first.map((f) => f.index)).toEqual([0, 1, 2]);
  });
});

describe("fromRecording timing 'recorded'", () => {
  const header = '{"format":"posestream/v1","fps":30,"width":640,"height":480}';
  const line = (i: number, t: number) => JSON.stringify({ frame: i, t, hands: [] });

  it('emits frame k at t_k - t_0 after subscription, capturedAt = now', () => {
    const rec = [header, line(0, 1000), line(1, 1033), '{"label":"x","startFrame":0,"endFrame":1}', line(2, 1100), line(3, 1100)].join('\n');
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      const replay = fromRecording(rec, { timing: 'recorded', scheduler }).pipe(map((f) => `${f.index}@${f.capturedAt}/${f.timestamp}`));
      expectObservable(replay).toBe('a 32ms b 66ms (cd|)', { a: '0@0/1000', b: '1@33/1033', c: '2@100/1100', d: '3@100/1100' });
      expectObservable(replay, '^ 9ms !').toBe('a', { a: '0@0/1000' });
    });
  });

  it('is relative to each subscription', () => {
    const rec = [header, line(0, 0), line(1, 50)].join('\n');
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      const replay = fromRecording(rec, { timing: 'recorded', scheduler }).pipe(map((f) => f.capturedAt));
      expectObservable(replay, '20ms ^').toBe('20ms a 49ms (b|)', { a: 20, b: 70 });
    });
  });

  it('errors after the frames before a bad line, on time', () => {
    const rec = [header, line(0, 0), line(1, 40), '{"frame":2,"t":80,"hands":[{}]}'].join('\n');
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      const replay = fromRecording(rec, { timing: 'recorded', scheduler }).pipe(map((f) => f.index));
      expectObservable(replay).toBe('a 39ms (b#)', { a: 0, b: 1 }, new RecordingError('missing-field', '<string>', 4, 'frame 2: hands[0]: missing "handedness"'));
    });
  });

  it('never sleeps through a clock jump: waits maxWaitMs (default 10 s), keeps the spacing after it, reports source and line', () => {
    // Frame 2 jumps 1e9 ms (11.6 days) ahead; frames 2 and 3 keep their 33 ms spacing after the bounded wait.
    const rec = [header, line(0, 0), line(1, 33), line(2, 1e9), line(3, 1e9 + 33)].join('\n');
    const jumps: unknown[] = [];
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      const replay = fromRecording(rec, { timing: 'recorded', scheduler, sourceName: 'take.ndjson', onTimeJump: (j) => jumps.push(j) });
      expectObservable(replay.pipe(map((f) => f.index))).toBe('a 32ms b 9999ms c 32ms (d|)', { a: 0, b: 1, c: 2, d: 3 });
    });
    expect(jumps).toEqual([{ source: 'take.ndjson', line: 4, frame: 2, previousFrame: 1, gapMs: 1e9 - 33, waitedMs: 10_000 }]);
    // maxWaitMs sets the bound; Infinity waits out every gap.
    const other = new TestScheduler((a, b) => expect(a).toEqual(b));
    other.run(({ expectObservable }) => {
      const short = fromRecording([header, line(0, 0), line(1, 5000)].join('\n'), { timing: 'recorded', scheduler: other, maxWaitMs: 100 });
      expectObservable(short.pipe(map((f) => f.index))).toBe('a 99ms (b|)', { a: 0, b: 1 });
      const all = fromRecording([header, line(0, 0), line(1, 20_000)].join('\n'), { timing: 'recorded', scheduler: other, maxWaitMs: Infinity });
      expectObservable(all.pipe(map((f) => f.index))).toBe('a 19999ms (b|)', { a: 0, b: 1 });
    });
    expect(() => fromRecording(rec, { maxWaitMs: -1 })).toThrow(/fromRecording: option `maxWaitMs` must be a finite number >= 0, got -1/);
  });

  it('a jump followed by a frame back in time: the error comes after the bounded wait, not after 11.6 days', () => {
    const rec = [header, line(0, 0), line(1, 1e9), line(2, 66)].join('\n');
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      const replay = fromRecording(rec, { timing: 'recorded', scheduler }).pipe(map((f) => f.index));
      const error = new RecordingError('out-of-order', '<string>', 4, 'frame 2: t 66 before t 1000000000 of frame 1');
      expectObservable(replay).toBe('a 9999ms (b#)', { a: 0, b: 1 }, error);
    });
  });

  it('replays a file on the real clock in order, with capturedAt increasing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'posestream-rec-'));
    try {
      const path = join(dir, 'short.ndjson');
      writeFileSync(path, [header, line(0, 0), line(1, 5), line(2, 10), line(3, 10)].join('\n'));
      const out = await lastValueFrom(fromRecording(path, { timing: 'recorded' }).pipe(toArray()));
      expect(out.map((f) => f.index)).toEqual([0, 1, 2, 3]);
      const cap = out.map((f) => f.capturedAt!);
      expect([...cap].sort((a, b) => a - b)).toEqual(cap);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
