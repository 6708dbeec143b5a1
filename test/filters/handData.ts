/** Real hand landmarks for the hand-math tests, read by path from ../shared/data (never copied). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Landmark } from '../../src/types.js';

const data = (rel: string) => fileURLToPath(new URL(`../../../shared/data/landmarks/${rel}`, import.meta.url));

/** MediaPipe's expected hand-landmarker output for one photo: 21 image and 21 world landmarks. */
export function mediapipeExpected(name: string): { handedness: string; image: Landmark[]; world: Landmark[] } {
  const text = readFileSync(data(`mediapipe-expected/${name}`), 'utf8');
  const points: Landmark[] = [];
  const re = /landmark\s*\{\s*x:\s*(\S+)\s*y:\s*(\S+)\s*z:\s*(\S+)/g;
  for (const m of text.matchAll(re)) points.push({ x: Number(m[1]), y: Number(m[2]), z: Number(m[3]) });
  if (points.length !== 42) throw new Error(`${name}: expected 42 landmarks, parsed ${points.length}`);
  const handedness = /label:\s*"(\w+)"/.exec(text)?.[1] ?? '';
  return { handedness, image: points.slice(0, 21), world: points.slice(21) };
}

/** The first `count` rows of Kazuhito00's keypoint.csv: label and 21 (x, y) points, z = 0. */
export function kazuhitoKeypoints(count: number): { label: number; landmarks: Landmark[] }[] {
  const lines = readFileSync(data('kazuhito00-hand-gesture/keypoint.csv'), 'utf8').split('\n').filter(Boolean);
  return lines.slice(0, count).map((line) => {
    const v = line.split(',').map(Number);
    const landmarks: Landmark[] = [];
    for (let i = 0; i < 21; i++) landmarks.push({ x: v[1 + 2 * i]!, y: v[2 + 2 * i]!, z: 0 });
    return { label: v[0]!, landmarks };
  });
}
