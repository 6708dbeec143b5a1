import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Subject, lastValueFrom, map, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { recordPoses } from '../../src/streams/recordPoses.js';
import { fromPoseFrames } from '../../src/streams/fromPoseFrames.js';
import { readRecording } from '../../src/recording/readRecording.js';
import { RecordingError } from '../../src/recording/RecordingError.js';
import { InvalidPoseError } from '../../src/errors.js';
import { syntheticHand } from '../../src/testing/syntheticHand.js';
import { syntheticPoseStream } from '../../src/testing/syntheticPoseStream.js';
import type { PoseFrame } from '../../src/types.js';

const frames = syntheticPoseStream({ frames: 12, fps: 30, motion: 'circle', gaps: [4] });
frames[2]!.hands.push({ ...syntheticHand({ handedness: 'Left', wrist: { x: 0.2, y: 0.6 } }), worldLandmarks: syntheticHand({ size: 0.08 }).landmarks });

function expectSameFrames(actual: PoseFrame[], expected: PoseFrame[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((f, i) => {
    const e = expected[i]!;
    expect([f.index, f.timestamp, f.hands.map((h) => h.handedness)]).toEqual([e.index, Math.round(e.timestamp * 1000) / 1000, e.hands.map((h) => h.handedness)]);
    f.hands.forEach((h, j) => {
      const eh = e.hands[j]!;
      expect(Math.abs(h.score - eh.score)).toBeLessThanOrEqual(5e-5);
      const pairs = [[h.landmarks, eh.landmarks], [h.worldLandmarks ?? [], eh.worldLandmarks ?? []]] as const;
      for (const [a, b] of pairs) {
        expect(a.length).toBe(b.length);
        a.forEach((p, k) => {
          const q = b[k]!;
          expect(Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y), Math.abs(p.z - q.z))).toBeLessThanOrEqual(5e-6);
        });
      }
    });
  });
}

describe('recordPoses', () => {
  it('passes frames through and writes a readable recording to a file path (round trip)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'posestream-rec-'));
    try {
      const path = join(dir, 'out.ndjson');
      const passed = await lastValueFrom(
        fromPoseFrames(frames).pipe(recordPoses(path, { fps: 30, source: 'test', labels: [{ label: 'circle', startFrame: 1, endFrame: 10 }] }), toArray()),
      );
      expect(passed).toEqual(frames);
      const text = readFileSync(path, 'utf8');
      expect(text.split('\n')[0]).toBe('{"format":"posestream/v1","fps":30,"width":640,"height":480,"source":"test"}');
      expect(text.split('\n')[1]).toBe('{"label":"circle","startFrame":1,"endFrame":10}');
      expect(text).toMatch(/"world":\[\[/);
      const back = await readRecording(path);
      expect(back.labels).toEqual([{ label: 'circle', startFrame: 1, endFrame: 10 }]);
      expectSameFrames(back.frames, frames);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes to a Node Writable and ends it on completion', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on('end', resolve));
    await lastValueFrom(fromPoseFrames(frames).pipe(recordPoses(out)));
    await ended;
    expectSameFrames((await readRecording(Buffer.concat(chunks).toString('utf8'))).frames, frames);
  });

  it('hands lines to a function, with labels arriving while recording', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ cold, hot, expectObservable, flush }) => {
      const lines: string[] = [];
      const source = cold('a-b-c|', { a: frames[0]!, b: frames[1]!, c: frames[2]! });
      const labels = hot('---l', { l: { label: 'tap', startFrame: 0, endFrame: 1 } });
      const out = source.pipe(recordPoses((chunk) => lines.push(chunk), { labels }), map((f) => f.index));
      expectObservable(out).toBe('a-b-c|', { a: 0, b: 1, c: 2 });
      flush();
      expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
      expect(lines.map((l) => Object.keys(JSON.parse(l) as object)[0])).toEqual(['format', 'frame', 'frame', 'label', 'frame']);
    });
  });

  it('writes only the header for an empty stream', async () => {
    const lines: string[] = [];
    await lastValueFrom(fromPoseFrames([]).pipe(recordPoses((l) => lines.push(l), { width: 320, height: 240 }), toArray()));
    expect(lines).toEqual(['{"format":"posestream/v1","width":320,"height":240}\n']);
    expect((await readRecording(lines.join(''))).frames).toEqual([]);
  });

  it('errors with InvalidPoseError on a frame it cannot write, after the frames before it', () => {
    const bad: PoseFrame = { index: 1, timestamp: 33, hands: [{ handedness: 'Right', score: 1, landmarks: syntheticHand().landmarks.slice(0, 20) }] };
    const seen: number[] = [];
    let error: unknown;
    fromPoseFrames([frames[0]!, bad, frames[2]!]).pipe(recordPoses(() => undefined)).subscribe({ next: (f) => seen.push(f.index), error: (e) => (error = e) });
    expect(seen).toEqual([0]);
    expect(error).toBeInstanceOf(InvalidPoseError);
    expect((error as Error).message).toBe('frame 1: hands[0].landmarks has 20 landmarks, expected 21');
  });

  it('errors with a RecordingError naming a path it cannot write', async () => {
    const path = join(tmpdir(), 'posestream-no-such-dir', 'x', 'out.ndjson');
    const subject = new Subject<PoseFrame>();
    const done = lastValueFrom(subject.pipe(recordPoses(path))).catch((e: unknown) => e);
    subject.next(frames[0]!);
    subject.complete();
    const err = await done;
    expect(err).toBeInstanceOf(RecordingError);
    expect((err as RecordingError).kind).toBe('write-failed');
    expect((err as Error).message).toContain(path);
  });

  it('stops a synchronous source at take(n): an infinite generator + take returns (contract)', () => {
    let pulled = 0;
    const frame = syntheticPoseStream({ frames: 1, fps: 30 })[0]!;
    function* endless(): Generator<PoseFrame> {
      for (let i = 0; ; i++) {
        pulled++;
        yield { ...frame, index: i, timestamp: i * 33 };
      }
    }
    const lines: string[] = [];
    const out: number[] = [];
    fromPoseFrames(endless()).pipe(recordPoses((line) => lines.push(line)), take(3)).subscribe((f) => out.push(f.index));
    expect(out).toEqual([0, 1, 2]);
    expect(pulled).toBe(3); // was endless: the teardown was linked after the source had finished
    expect(lines).toHaveLength(4); // header + 3 frames
  });
});
