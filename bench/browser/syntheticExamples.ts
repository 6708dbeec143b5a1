/**
 * Synthetic teaching examples for the `teach` scenario's timing: a real hand's landmarks (the demo's latest frame)
 * moved along a path per gesture (lines in 8 directions, then circles and arcs of either direction), 1.5 s at
 * 30 fps, each take with its own size, speed and landmark jitter; "anything else" is the hand drifting a little.
 * Deterministic (a seeded generator): the same arguments give the same examples.
 */
import type { Landmark, PoseFrame } from '../../src/types.js';
import type { GestureExample } from '../../src/teach/teachTypes.js';

/** Frames per take and their interval, ms. */
const FRAMES = 45;
const DT_MS = 1000 / 30;

/** A small seeded generator (mulberry32), 0..1. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offset of the hand at phase `u` (0..1) of gesture `g`: 8 straight strokes, then circles / arcs. */
function pathOf(g: number, u: number, size: number): { x: number; y: number } {
  if (g < 8) {
    const a = (g * Math.PI) / 4;
    return { x: Math.cos(a) * size * (u - 0.5), y: Math.sin(a) * size * (u - 0.5) };
  }
  const turns = g % 2 === 0 ? 1 : -1; // direction
  const sweep = [2, 2, 1, 1, 1.5, 1.5][(g - 8) % 6]! * Math.PI * turns;
  const r = size / 2;
  return { x: r * Math.cos(sweep * u), y: r * Math.sin(sweep * u) };
}

function take(hand: readonly Landmark[], label: string, offset: (u: number) => { x: number; y: number }, rnd: () => number, index0: number, t0: number): GestureExample {
  const jitter = (): number => (rnd() - 0.5) * 0.006;
  const frames: PoseFrame[] = Array.from({ length: FRAMES }, (_, i) => {
    const o = offset(i / (FRAMES - 1));
    return {
      index: index0 + i,
      timestamp: t0 + i * DT_MS,
      width: 640,
      height: 480,
      hands: [{ handedness: 'Right', score: 0.95, landmarks: hand.map((l) => ({ x: l.x + o.x + jitter(), y: l.y + o.y + jitter(), z: l.z })) }],
    };
  });
  return { label, frames };
}

/** `gestures` gestures (`g1`..) and `none`, `perClass` takes of each, from the hand `hand` (21 landmarks). */
export function syntheticExamples(hand: readonly Landmark[], gestures: number, perClass: number, seed = 1): GestureExample[] {
  const rnd = random(seed);
  const out: GestureExample[] = [];
  let index = 0;
  for (let k = 0; k < perClass; k++) {
    for (let g = 0; g < gestures; g++) {
      const size = 0.25 * (0.85 + 0.3 * rnd());
      const lag = 0.15 * rnd(); // the stroke starts a little late, as a person's does
      out.push(take(hand, `g${g + 1}`, (u) => pathOf(g, Math.min(1, Math.max(0, (u - lag) / (1 - lag))), size), rnd, index, index * DT_MS));
      index += FRAMES;
    }
    const dx = (rnd() - 0.5) * 0.06;
    const dy = (rnd() - 0.5) * 0.06;
    out.push(take(hand, 'none', (u) => ({ x: dx * u, y: dy * u }), rnd, index, index * DT_MS));
    index += FRAMES;
  }
  return out;
}
