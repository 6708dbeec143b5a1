import { readFileSync } from 'node:fs';
import { bufferCount, filter, from, map, Subject, toArray, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { InvalidPoseError } from '../../src/errors.js';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { slidingWindow } from '../../src/operators/slidingWindow.js';
import type { Hand, Handedness, PipelineMonitor, PoseFrame, PoseWindow, StageEvent } from '../../src/types.js';
import { expectUnbrokenChain, pulledBefore, takeFromInfinite } from './operatorContract.js';

const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
/** A hand whose landmark i sits at (v + i/100, 2v, -v), spread `spread` wide. */
const hand = (v: number, handedness: Handedness = 'Right', spread = 0.01): Hand => ({
  handedness,
  score: 0.9,
  landmarks: Array.from({ length: 21 }, (_, i) => ({ x: v + i * spread, y: 2 * v + i * spread, z: -v })),
});
const frame = (index: number, hands: Hand[] = [hand(index)], timestamp = index * 33): PoseFrame => ({ index, timestamp, hands });
const frames = (n: number): Record<string, PoseFrame> => Object.fromEntries(Array.from({ length: n }, (_, i) => [String.fromCharCode(97 + i), frame(i)]));
/** What a window holds: the source frame indices and the x of each hand's wrist. */
const summary = (w: PoseWindow): { idx: number[]; x: number[] } => ({ idx: w.frames.map((f) => f.index), x: w.hands.map((h) => h.landmarks[0]?.x ?? NaN) });
const win = (idx: number[], x: number[] = idx): { idx: number[]; x: number[] } => ({ idx, x });
const run = (obs: Observable<PoseFrame>, op: (s: Observable<PoseFrame>) => Observable<PoseWindow>): PoseWindow[] => {
  let out: PoseWindow[] = [];
  obs.pipe(op, toArray()).subscribe((w) => (out = w));
  return out;
};

describe('slidingWindow', () => {
  it('emits bufferCount(N, 1) windows once N frames are in, and no partial window on completion', () => {
    scheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const src = hot('abcde|', frames(5));
      expectObservable(src.pipe(slidingWindow(3), map(summary))).toBe('--xyz|', { x: win([0, 1, 2]), y: win([1, 2, 3]), z: win([2, 3, 4]) });
      expectSubscriptions(src.subscriptions).toBe('^----!');
      expectObservable(hot('ab|', frames(2)).pipe(slidingWindow(3))).toBe('--|');
    });
  });

  it('matches bufferCount(N, hop) full windows over a long stream, and windows never change after later frames', () => {
    const input = Array.from({ length: 300 }, (_, i) => frame(i));
    for (const [size, hop] of [[1, 1], [5, 1], [7, 3], [30, 1], [4, 9]] as const) {
      const windows = run(from(input), slidingWindow(size, { hop }));
      const expected: number[][] = [];
      from(input)
        .pipe(bufferCount(size, hop), filter((b) => b.length === size), map((b) => b.map((f) => f.index)))
        .subscribe((b) => expected.push(b));
      // Read lazily, after the whole stream went through the ring buffer.
      expect(windows.map((w) => w.frames.map((f) => f.index))).toEqual(expected);
      expect(windows.map((w) => w.hands.map((h) => h.landmarks[0]?.x))).toEqual(expected);
      expect(windows.every((w) => w.size === size)).toBe(true);
    }
  });

  it("onMissingHand 'reset' (default), 'hold' and 'skip'", () => {
    const input = [frame(0), frame(1), frame(2), frame(3, []), frame(4), frame(5), frame(6)];
    const idx = (opts: Parameters<typeof slidingWindow>[1]) => run(from(input), slidingWindow(3, opts)).map(summary);
    expect(idx({})).toEqual([win([0, 1, 2]), win([4, 5, 6])]);
    expect(idx({ onMissingHand: 'hold' })).toEqual([
      win([0, 1, 2]),
      win([1, 2, 3], [1, 2, 2]),
      win([2, 3, 4], [2, 2, 4]),
      win([3, 4, 5], [2, 4, 5]),
      win([4, 5, 6]),
    ]);
    expect(idx({ onMissingHand: 'skip' })).toEqual([win([0, 1, 2]), win([1, 2, 4]), win([2, 4, 5]), win([4, 5, 6])]);
    // 'hold' has nothing to repeat before the first hand.
    expect(run(from([frame(0, []), frame(1), frame(2)]), slidingWindow(2, { onMissingHand: 'hold' })).map(summary)).toEqual([win([1, 2])]);
  });

  it("'hold' and 'skip' bridge a missing hand for at most maxGapMs (default 500 ms); a longer gap empties the window", () => {
    // hand at 0, 33, 66 ms; missing from 99 to 594 ms; back at 627 ms (561 ms after it was last seen)
    const input = Array.from({ length: 22 }, (_, i) => frame(i, i < 3 || i > 18 ? [hand(i)] : []));
    const idx = (opts: Parameters<typeof slidingWindow>[1]) => run(from(input), slidingWindow(3, opts)).map(summary);
    expect(idx({ onMissingHand: 'skip' })).toEqual([win([0, 1, 2]), win([19, 20, 21])]);
    // 'hold' repeats the hand up to frame 17 (561 ms, 495 ms after it was seen); frame 18 (594 ms) empties the window
    const held = idx({ onMissingHand: 'hold' });
    expect(held).toHaveLength(17);
    expect(held.slice(-2)).toEqual([win([15, 16, 17], [2, 2, 2]), win([19, 20, 21])]);
    expect(idx({ onMissingHand: 'skip', maxGapMs: 600 })).toEqual([win([0, 1, 2]), win([1, 2, 19]), win([2, 19, 20]), win([19, 20, 21])]);
    expect(idx({ onMissingHand: 'skip', maxGapMs: Infinity })).toHaveLength(4);
    // one frame without the hand, then the hand again 634 ms after it was last seen: that frame empties the window first
    const back = [frame(0), frame(1), frame(2), frame(3, [], 100), frame(4, [hand(4)], 700), frame(5, [hand(5)], 733), frame(6, [hand(6)], 766)];
    expect(run(from(back), slidingWindow(3, { onMissingHand: 'skip' })).map(summary)).toEqual([win([0, 1, 2]), win([4, 5, 6])]);
    // a slow stream whose every frame has the hand (600 ms apart) has no gap, whatever the policy
    const slow = [0, 1, 2, 3].map((i) => frame(i, [hand(i)], i * 600));
    for (const onMissingHand of ['reset', 'hold', 'skip'] as const) {
      expect(run(from(slow), slidingWindow(3, { onMissingHand })).map(summary)).toEqual([win([0, 1, 2]), win([1, 2, 3])]);
    }
  });

  it('selects the first, Left, Right, largest or a custom hand; a frame without it counts as missing', () => {
    const input = [0, 1, 2].map((i) => frame(i, [hand(i, 'Left', 0.001), hand(10 + i, 'Right', 0.02)]));
    const xs = (opts: Parameters<typeof slidingWindow>[1], src = input) => run(from(src), slidingWindow(3, opts)).map((w) => summary(w).x);
    expect(xs({})).toEqual([[0, 1, 2]]);
    expect(xs({ hand: 'Left' })).toEqual([[0, 1, 2]]);
    expect(xs({ hand: 'Right' })).toEqual([[10, 11, 12]]);
    expect(xs({ hand: 'largest' })).toEqual([[10, 11, 12]]);
    expect(xs({ hand: (f) => f.hands[1] })).toEqual([[10, 11, 12]]);
    const leftOnly = [...input, frame(3, [hand(3, 'Left')])];
    expect(xs({ hand: 'Right' }, leftOnly)).toEqual([[10, 11, 12]]); // frame 3 resets the window
    expect(xs({ hand: 'Right', onMissingHand: 'hold' }, leftOnly)).toEqual([[10, 11, 12], [11, 12, 12]]);
  });

  it('reports span, timestamps, endIndex, capturedAt, emittedAt from the monitor, and records window emits', () => {
    const ts = scheduler();
    const events: StageEvent[] = [];
    const monitor: PipelineMonitor = { now: () => ts.now(), record: (e) => events.push({ t: ts.now(), ...e }) };
    const fields = (w: PoseWindow) => ({ size: w.size, start: w.startTimestamp, end: w.endTimestamp, span: w.span, endIndex: w.endIndex, capturedAt: w.capturedAt, emittedAt: w.emittedAt });
    ts.run(({ hot, expectObservable }) => {
      const src = hot('a-bc|', { a: frame(0), b: { ...frame(1), capturedAt: 900 }, c: frame(5) });
      expectObservable(src.pipe(slidingWindow(2, { monitor }), map(fields))).toBe('--xy|', {
        x: { size: 2, start: 0, end: 33, span: 33, endIndex: 1, capturedAt: 900, emittedAt: 2 },
        y: { size: 2, start: 33, end: 165, span: 132, endIndex: 5, capturedAt: 165, emittedAt: 3 },
      });
    });
    expect(events).toEqual([
      { stage: 'window', kind: 'emit', t: 2, captureT: 900 },
      { stage: 'window', kind: 'emit', t: 3, captureT: 165 },
    ]);
  });

  it('without a monitor, emittedAt is performance.now() of the turn that emitted the window', async () => {
    const subject = new Subject<PoseFrame>();
    const windows: PoseWindow[] = [];
    subject.pipe(slidingWindow(1)).subscribe((w) => windows.push(w));
    await new Promise((resolve) => setImmediate(resolve)); // a fresh turn
    const before = performance.now();
    subject.next(frame(0));
    const between = performance.now();
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    const later = performance.now();
    subject.next(frame(1));
    const after = performance.now();
    expect(windows[0]?.emittedAt).toBeGreaterThanOrEqual(before);
    expect(windows[0]?.emittedAt).toBeLessThanOrEqual(between);
    expect(windows[1]?.emittedAt).toBeGreaterThanOrEqual(later);
    expect(windows[1]?.emittedAt).toBeLessThanOrEqual(after);
  });

  it('pack() lays out N x 21 x (x, y, z) frame-major, builds once and caches', () => {
    const [w] = run(from([frame(0), frame(1)]), slidingWindow(2));
    const packed = (w as PoseWindow).pack();
    expect(packed).toBeInstanceOf(Float32Array);
    expect(packed.length).toBe(2 * 21 * 3);
    const h1 = hand(1);
    expect(Array.from(packed.subarray(63, 69))).toEqual([h1.landmarks[0], h1.landmarks[1]].flatMap((l) => [l?.x ?? NaN, l?.y ?? NaN, l?.z ?? NaN]).map((v) => Math.fround(v)));
    expect(packed[3 * 20 + 1]).toBeCloseTo(0.2, 6); // frame 0, landmark 20, y
    expect((w as PoseWindow).pack()).toBe(packed);
  });

  it('resamples: a linear motion at 15 fps and at 30 fps (with drops) packs the same window, within 1e-5', () => {
    const moving = (i: number, t: number): PoseFrame => frame(i, [hand(t / 2000)], t);
    const at30 = Array.from({ length: 31 }, (_, i) => moving(i, (i * 1000) / 30));
    const at15 = Array.from({ length: 16 }, (_, i) => moving(i, (i * 1000) / 15));
    const dropped = at30.filter((_, i) => i % 3 !== 1 && i !== 17);
    const resample = { frames: 10, durationMs: 300 };
    const w30 = run(from(at30), slidingWindow(30, { resample }));
    const w15 = run(from(at15), slidingWindow(30, { resample }));
    const wDrop = run(from(dropped), slidingWindow(30, { resample }));
    // A window only once the frames cover 300 ms: the first at t = 300 (30 fps) or 333.3 (15 fps).
    expect(w30[0]?.endIndex).toBe(9);
    expect(w15[0]?.endIndex).toBe(5);
    const last = (ws: PoseWindow[]) => ws[ws.length - 1] as PoseWindow;
    for (const w of [last(w15), last(wDrop)]) {
      expect(w.size).toBe(10);
      expect(w.span).toBe(300);
      const a = w.pack();
      const b = last(w30).pack();
      expect(a.length).toBe(10 * 63);
      expect(Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))))).toBeLessThan(1e-5);
    }
    const w = last(w15);
    expect(w.frames.map((f) => Math.round(f.timestamp))).toEqual([700, 733, 767, 800, 833, 867, 900, 933, 967, 1000]);
    expect(w.frames[2]?.index).toBe(11); // the 15 fps frame at or before 767 ms (733 ms)
    expect(w.hands[1]?.landmarks[0]?.x).toBeCloseTo(0.7333333 / 2, 6);
  });

  it('errors with an InvalidPoseError naming the frame on bad landmarks, and on time going backwards when resampling', () => {
    const bad = frame(4);
    bad.hands[0]?.landmarks.pop();
    let error: unknown;
    const seen: number[] = [];
    from([frame(0), frame(1), frame(2), frame(3), bad]).pipe(slidingWindow(2)).subscribe({ next: (w) => seen.push(w.endIndex), error: (e: unknown) => (error = e) });
    expect(seen).toEqual([1, 2, 3]);
    expect(error).toBeInstanceOf(InvalidPoseError);
    expect((error as Error).message).toBe('slidingWindow: frame 4, hand 0: expected 21 landmarks, got 20');
    from([frame(0), frame(1, [hand(1)], 10), frame(2, [hand(2)], 5)])
      .pipe(slidingWindow(2, { resample: { frames: 2, durationMs: 5 } }))
      .subscribe({ error: (e: unknown) => (error = e) });
    expect((error as InvalidPoseError).frameIndex).toBe(2);
    expect((error as Error).message).toContain('frame 2: timestamp 5 is before');
  });

  it('resamples frames with equal timestamps (the recording format allows them): the later one counts', () => {
    // Was an InvalidPoseError ("timestamp 66 is not after frame 1's 66") that made `posestream classify` reject the file.
    const seen: PoseWindow[] = [];
    let error: unknown;
    from([frame(0, [hand(0)], 0), frame(1, [hand(1)], 66), frame(2, [hand(2)], 66), frame(3, [hand(3)], 132)])
      .pipe(slidingWindow(3, { resample: { frames: 3, durationMs: 66 } }))
      .subscribe({ next: (w) => seen.push(w), error: (e: unknown) => (error = e) });
    expect(error).toBeUndefined();
    expect(seen.map((w) => w.endIndex)).toEqual([1, 2, 3]);
    // The window ending at frame 3 (t 66..132): the instant 66 takes frame 2's hand, not frame 1's.
    expect(seen[2]!.hands.map((h) => h.landmarks[0]!.x)).toEqual([2, 2.5, 3]);
  });

  it('rejects bad options with an InvalidOptionError', () => {
    expect(() => slidingWindow(0)).toThrow(InvalidOptionError);
    expect(() => slidingWindow(3, { hop: 1.5 })).toThrow(/hop/);
    expect(() => slidingWindow(3, { onMissingHand: 'ignore' as 'skip' })).toThrow(InvalidOptionError);
    expect(() => slidingWindow(3, { onMissingHand: 'skip', maxGapMs: -1 })).toThrow(/maxGapMs/);
    expect(() => slidingWindow(3, { resample: { frames: 10, durationMs: 0 } })).toThrow(/durationMs/);
  });

  it('unsubscribing tears the source down; source errors are forwarded', () => {
    scheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const src = hot('abcd', frames(4));
      expectObservable(src.pipe(slidingWindow(2), map((w) => w.endIndex)), '^--!').toBe('-xy', { x: 1, y: 2 });
      expectSubscriptions(src.subscriptions).toBe('^--!');
      expectObservable(hot('ab#', frames(2)).pipe(slidingWindow(2), map((w) => w.endIndex))).toBe('-x#', { x: 1 });
    });
  });

  it('is re-entrant: a source that emits from inside the window callback', () => {
    const subject = new Subject<PoseFrame>();
    const seen: number[][] = [];
    subject.pipe(slidingWindow(2)).subscribe((w) => {
      seen.push(w.frames.map((f) => f.index));
      if (w.endIndex < 4) subject.next(frame(w.endIndex + 1));
    });
    subject.next(frame(0));
    subject.next(frame(1));
    expect(seen).toEqual([[0, 1], [1, 2], [2, 3], [3, 4]]);
  });

  it("packs real MediaPipe landmarks (kairess 'come' take): 454 frames give 425 windows of the raw rows", () => {
    const bytes = readFileSync('../shared/data/landmarks/kairess-gesture-recognition/raw_come_1627646273.npy');
    const headerLength = bytes.readUInt16LE(8);
    expect(bytes.toString('latin1', 10, 10 + headerLength)).toContain("'shape': (454, 100)");
    const offset = 10 + headerLength;
    const data = new Float64Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + bytes.length));
    const row = (r: number, c: number) => data[r * 100 + c] as number;
    const input = Array.from({ length: 454 }, (_, r) =>
      frame(r, [{ handedness: 'Right', score: 1, landmarks: Array.from({ length: 21 }, (_, i) => ({ x: row(r, i * 4), y: row(r, i * 4 + 1), z: row(r, i * 4 + 2) })) }], r * 66),
    );
    const windows = run(from(input), slidingWindow(30));
    expect(windows).toHaveLength(425);
    for (const k of [0, 211, 424]) {
      const packed = (windows[k] as PoseWindow).pack();
      const expected = new Float32Array(30 * 63);
      for (let f = 0; f < 30; f++) for (let i = 0; i < 21; i++) for (let a = 0; a < 3; a++) expected[f * 63 + i * 3 + a] = row(k + f, i * 4 + a);
      expect(packed).toEqual(expected);
    }
  });

  it('pulls no more from a synchronous source than bufferCount(N, 1), and returns from an infinite one (contract)', () => {
    for (const [size, n] of [[30, 1], [30, 2], [1, 3], [5, 4]] as const) {
      const ours = pulledBefore(slidingWindow(size), (i) => frame(i), n);
      expect(ours.pulled).toBe(pulledBefore(bufferCount(size, 1), (i) => frame(i), n).pulled);
    }
    expect(pulledBefore(slidingWindow(30), (i) => frame(i), 2).pulled).toBe(31); // was 1,000,000
    const endless = takeFromInfinite(slidingWindow(30), (i) => frame(i), 1);
    expect([endless.taken.map((w) => w.endIndex), endless.completed, endless.pulled]).toEqual([[29], true, 30]);
    expectUnbrokenChain(slidingWindow(1), frames(4));
  });
});
