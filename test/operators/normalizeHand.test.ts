import { Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { InvalidPoseError } from '../../src/errors.js';
import { normalizeLandmarks } from '../../src/filters/normalize.js';
import { normalizeHand } from '../../src/operators/normalizeHand.js';
import type { Hand, PoseFrame } from '../../src/types.js';
import { mediapipeExpected } from '../filters/handData.js';

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const thumb = mediapipeExpected('thumb_up_landmarks.pbtxt');
const victory = mediapipeExpected('victory_landmarks.pbtxt');
const hand = (handedness: Hand['handedness'], h: typeof thumb, world = false): Hand =>
  world
    ? { handedness, score: 0.9, landmarks: h.image, worldLandmarks: h.world }
    : { handedness, score: 0.9, landmarks: h.image };
const frame = (index: number, hands: Hand[], extra: Partial<PoseFrame> = {}): PoseFrame => ({
  index,
  timestamp: index * 33,
  hands,
  ...extra,
});

describe('normalizeHand', () => {
  it('normalises every hand of every frame (marbles)', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = frame(0, [hand('Right', thumb), hand('Left', victory)]);
      const b = frame(1, []);
      const source = cold('a-b-|', { a, b });
      const expected = {
        a: { ...a, hands: [
          { ...a.hands[0]!, landmarks: normalizeLandmarks(thumb.image) },
          { ...a.hands[1]!, landmarks: normalizeLandmarks(victory.image) },
        ] },
        b,
      };
      expectObservable(source.pipe(normalizeHand())).toBe('a-b-|', expected);
      expectSubscriptions(source.subscriptions).toBe('^---!');
    });
  });

  it('mirrors x and swaps handedness; mirroring twice gives the normalised hand back', () => {
    const f = frame(3, [hand('Right', thumb, true)]);
    let once: PoseFrame | undefined;
    let twice: PoseFrame | undefined;
    const s = new Subject<PoseFrame>();
    s.pipe(normalizeHand({ mirror: true })).subscribe((v) => (once = v));
    s.next(f);
    const t = new Subject<PoseFrame>();
    t.pipe(normalizeHand({ mirror: true })).subscribe((v) => (twice = v));
    t.next(once!);
    const plain = normalizeLandmarks(thumb.image);
    expect(once!.hands[0]!.handedness).toBe('Left');
    expect(once!.hands[0]!.landmarks[4]!.x).toBeCloseTo(-plain[4]!.x, 12);
    expect(twice!.hands[0]!.handedness).toBe('Right');
    twice!.hands[0]!.landmarks.forEach((p, i) => {
      expect(p.x).toBeCloseTo(plain[i]!.x, 9);
      expect(p.y).toBeCloseTo(plain[i]!.y, 9);
      expect(p.z).toBeCloseTo(plain[i]!.z, 9);
    });
    // World landmarks are normalised too (with their own palm size), and the input frame is untouched.
    expect(once!.hands[0]!.worldLandmarks).toEqual(normalizeLandmarks(thumb.world, { mirror: true }));
    expect(f.hands[0]!.landmarks).toBe(thumb.image);
    expect(f.hands[0]!.handedness).toBe('Right');
  });

  it("uses the frame's width and height to correct the aspect ratio unless told not to", () => {
    const wide = thumb.image.map((p) => ({ x: p.x / 1920, y: p.y / 1080, z: p.z / 1920 }));
    const f = frame(0, [{ handedness: 'Right', score: 1, landmarks: wide }], { width: 1920, height: 1080 });
    const out: PoseFrame[] = [];
    const s = new Subject<PoseFrame>();
    s.pipe(normalizeHand()).subscribe((v) => out.push(v));
    s.pipe(normalizeHand({ correctAspect: false })).subscribe((v) => out.push(v));
    s.next(f);
    expect(out[0]!.hands[0]!.landmarks[8]!.y).toBeCloseTo(normalizeLandmarks(thumb.image)[8]!.y, 9);
    expect(out[1]!.hands[0]!.landmarks).toEqual(normalizeLandmarks(wide));
  });

  it('errors the stream with an InvalidPoseError naming the frame for a degenerate palm', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const flat = thumb.image.map(() => ({ x: 0.5, y: 0.5, z: 0 }));
      const a = frame(0, []);
      const bad = frame(17, [{ handedness: 'Left', score: 1, landmarks: flat }]);
      const source = cold('a-b-a|', { a, b: bad });
      const error = new InvalidPoseError('normalizeLandmarks: degenerate palm size 0 in frame 17 (wrist and middle-finger MCP coincide?)', 17);
      expectObservable(source.pipe(normalizeHand())).toBe('a-#', { a }, error);
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });

  it('passes source errors on and unsubscribes upstream when unsubscribed', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const a = frame(0, []);
      const failing = cold('a-#', { a }, new Error('camera lost'));
      expectObservable(failing.pipe(normalizeHand())).toBe('a-#', { a }, new Error('camera lost'));
      const endless = hot('-a-a-a-a', { a });
      expectObservable(endless.pipe(normalizeHand()), '^--!').toBe('-a-', { a });
      expectSubscriptions(endless.subscriptions).toBe('^--!');
    });
  });
});
