import { describe, expect, it } from 'vitest';
import { syntheticHand } from '../../src/testing/syntheticHand.js';
import { syntheticPoseStream } from '../../src/testing/syntheticPoseStream.js';
import { formatFrameLine } from '../../src/recording/formatRecordingLine.js';
import { readRecording } from '../../src/recording/readRecording.js';

const dist = (a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }, aspect = 4 / 3) =>
  Math.hypot((a.x - b.x) * aspect, a.y - b.y, a.z - b.z);

describe('syntheticHand', () => {
  it('builds 21 finite landmarks with the wrist where asked and fingers above it', () => {
    const hand = syntheticHand({ wrist: { x: 0.4, y: 0.8 } });
    expect(hand.landmarks).toHaveLength(21);
    expect(hand.landmarks.every((p) => [p.x, p.y, p.z].every(Number.isFinite))).toBe(true);
    expect(hand.landmarks[0]).toEqual({ x: 0.4, y: 0.8, z: 0 });
    for (const tip of [8, 12, 16, 20]) expect(hand.landmarks[tip]!.y).toBeLessThan(0.8 - 0.2);
    // Middle finger longest; wrist to middle knuckle = size (0.2 of the height).
    expect(dist(hand.landmarks[0]!, hand.landmarks[9]!)).toBeCloseTo(0.2, 9);
    expect(hand.landmarks[12]!.y).toBeLessThan(hand.landmarks[8]!.y);
    expect(hand.landmarks[12]!.y).toBeLessThan(hand.landmarks[20]!.y);
  });

  it("puts a right hand's thumb at smaller x than its pinky, and mirrors a left hand", () => {
    const right = syntheticHand({ handedness: 'Right' });
    const left = syntheticHand({ handedness: 'Left' });
    expect(right.landmarks[4]!.x).toBeLessThan(right.landmarks[20]!.x);
    expect(left.landmarks[4]!.x).toBeGreaterThan(left.landmarks[20]!.x);
    right.landmarks.forEach((p, i) => expect(left.landmarks[i]!.x).toBeCloseTo(1 - p.x, 9));
  });

  it('curls fingers towards the camera, keeping segment lengths', () => {
    const open = syntheticHand();
    const fist = syntheticHand({ curl: 1 });
    expect(dist(fist.landmarks[0]!, fist.landmarks[12]!)).toBeLessThan(dist(open.landmarks[0]!, open.landmarks[12]!) * 0.7);
    expect(fist.landmarks[12]!.z).toBeLessThan(-0.05);
    for (let i = 9; i < 12; i++) expect(dist(fist.landmarks[i]!, fist.landmarks[i + 1]!)).toBeCloseTo(dist(open.landmarks[i]!, open.landmarks[i + 1]!), 9);
  });

  it('rotates counter-clockwise on screen', () => {
    const turned = syntheticHand({ rotation: Math.PI / 2, wrist: { x: 0.5, y: 0.5 } });
    // Fingers now point left (smaller x), at the wrist's height.
    expect(turned.landmarks[12]!.x).toBeLessThan(0.4);
    expect(Math.abs(turned.landmarks[9]!.y - 0.5)).toBeLessThan(0.01);
  });
});

describe('syntheticPoseStream', () => {
  it('makes timed frames following the motion, with gaps', () => {
    const frames = syntheticPoseStream({ frames: 31, fps: 30, motion: 'swipe-left', gaps: [3] });
    expect(frames.map((f) => f.timestamp).slice(0, 3)).toEqual([0, 1000 / 30, 2000 / 30]);
    expect(frames[30]!.timestamp).toBeCloseTo(1000, 9);
    expect(frames[0]!.hands[0]!.landmarks[0]!.x).toBeCloseTo(0.8, 9);
    expect(frames[30]!.hands[0]!.landmarks[0]!.x).toBeCloseTo(0.2, 9);
    expect(frames[3]!.hands).toEqual([]);
    expect(frames.every((f) => f.width === 640 && f.height === 480)).toBe(true);
  });

  it('every motion produces frames the recording format accepts', async () => {
    for (const motion of ['still', 'swipe-left', 'swipe-right', 'swipe-up', 'swipe-down', 'circle', 'open-close', 'rotate'] as const) {
      const frames = syntheticPoseStream({ frames: 10, motion, hand: { handedness: 'Left' } });
      const text = ['{"format":"posestream/v1"}', ...frames.map(formatFrameLine)].join('\n');
      expect((await readRecording(text)).frames).toHaveLength(10);
    }
  });

  it('accepts a motion function', () => {
    const frames = syntheticPoseStream({ frames: 3, motion: (p) => ({ curl: p, score: 0.5 }) });
    expect(frames.map((f) => f.hands[0]!.score)).toEqual([0.5, 0.5, 0.5]);
    expect(frames[2]!.hands[0]!.landmarks[8]!.z).toBeLessThan(frames[0]!.hands[0]!.landmarks[8]!.z);
  });
});
