import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/train/createRng.js';
import { framesFromSequence } from '../../src/train/framesFromSequence.js';
import { readKeypointShapes } from '../../src/train/handShapes.js';
import { palmMotionFeatures } from '../../src/train/palmMotionFeatures.js';
import { poseFrameWindows } from '../../src/train/poseFrameWindows.js';
import { synthesizeNonSwipe, type NonSwipeMotion } from '../../src/train/synthesizeNonSwipe.js';

const dataDir = resolve(process.env.POSESTREAM_DATA ?? '../shared/data');

describe('synthesizeNonSwipe', () => {
  it('makes unlabelled clips of moving real hand shapes, seeded, with no lone straight stroke in any 1 s window', async () => {
    const shapes = await readKeypointShapes(resolve(dataDir, 'landmarks/kazuhito00-hand-gesture/keypoint.csv'), { palm: 0.12 });
    for (const motion of ['wave', 'circle', 'push', 'shake'] as NonSwipeMotion[]) {
      const a = synthesizeNonSwipe(shapes[1]!, createRng(5), { motion });
      const b = synthesizeNonSwipe(shapes[1]!, createRng(5), { motion });
      expect(a.frames).toEqual(b.frames);
      expect(a.labels).toEqual([]);
      expect(a.frames.length).toBe(a.length * 63);
      expect(a.frames.every(Number.isFinite)).toBe(true);
      const windows = poseFrameWindows(framesFromSequence(a), [], { window: { frames: 30, durationMs: 1000 } });
      expect(windows.length).toBeGreaterThan(30);
      for (const w of windows) {
        const f = palmMotionFeatures(w.window, 30);
        const stroke = Math.hypot(f[2 + 10 * 3] as number, f[2 + 11 * 3] as number);
        const comesBack = (f[2 + 14 * 3] as number) + (f[2 + 15 * 3] as number);
        // either a short stroke (< 1.5 palm sizes) or one with a long path before/after it
        expect(stroke < 1.5 || comesBack > 0.5, `${motion} window ending ${w.endFrame}: stroke ${stroke}, path around it ${comesBack}`).toBe(true);
      }
    }
  });
});
