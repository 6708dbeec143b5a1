import { describe, expect, it } from 'vitest';
import { augmentWindow, mirrorLabel } from '../../src/train/augmentWindow.js';
import { createRng } from '../../src/train/createRng.js';
import { cutWindows } from '../../src/train/cutWindows.js';
import { gestureReport } from '../../src/train/gestureReport.js';
import { timeBlockSplit } from '../../src/train/timeBlockSplit.js';
import type { LabelledSequence } from '../../src/train/trainTypes.js';
import { windowFeatures } from '../../src/filters/windowFeatures.js';

/** A flat hand (palm size 0.1) whose wrist sits at (x, y). */
function frameAt(x: number, y: number): number[] {
  const out: number[] = [];
  for (let l = 0; l < 21; l++) out.push(x + (l === 0 ? 0 : 0.1), y - (l === 0 ? 0 : 0.01 * l), 0.5);
  return out;
}

function sequence(length: number, labels: LabelledSequence['labels']): LabelledSequence {
  const frames = Float32Array.from(Array.from({ length }, (_, f) => frameAt(0.2 + f * 0.01, 0.5)).flat());
  return { source: 'test', fps: 30, length, frames, labels };
}

describe('windowFeatures', () => {
  it('keeps the trajectory relative to the last wrist, in palm units, and is translation/scale invariant', () => {
    const n = 3;
    const a = Float32Array.from([frameAt(0.3, 0.5), frameAt(0.4, 0.5), frameAt(0.5, 0.5)].flat());
    const f = windowFeatures(a, n);
    // first-frame wrist is 0.2 image units left of the last wrist; palm = 0.1 (x offset 0.1, y offsets tiny)
    const palm = (Math.hypot(0.1, 0.05) + Math.hypot(0.1, 0.09) + Math.hypot(0.1, 0.17)) / 3;
    expect(f[0]).toBeCloseTo(-0.2 / palm, 4);
    expect(f[1]).toBeCloseTo(0, 5);
    expect(f[2]).toBe(0);
    const moved = a.map((v, i) => (i % 3 === 2 ? v : i % 3 === 0 ? v * 2 + 0.1 : v * 2 - 0.3));
    const g = windowFeatures(moved, n);
    g.forEach((v, i) => expect(v).toBeCloseTo(f[i] as number, 4));
    expect(() => windowFeatures(a, 4)).toThrow(/4 x 21 x 3 = 252/);
  });
});

describe('timeBlockSplit + cutWindows', () => {
  it('never lets a training window share a frame with a validation window', () => {
    const seq = sequence(100, [{ label: 'come', startFrame: 0, endFrame: 99 }]);
    const split = timeBlockSplit(100, { blocks: 5, validationBlock: 2 });
    expect(split.validation).toEqual([[40, 59]]);
    const train = cutWindows(seq, { size: 10, stride: 1, ranges: split.train });
    const val = cutWindows(seq, { size: 10, stride: 1, ranges: split.validation });
    const valFrames = new Set(val.flatMap((r) => Array.from({ length: 10 }, (_, k) => r.end - k)));
    expect(val).toHaveLength(11);
    expect(train.length).toBe(31 + 31);
    for (const r of train) for (let k = 0; k < 10; k++) expect(valFrames.has(r.end - k)).toBe(false);
  });

  it('labels a window with a short span only when it holds most of it, and skips ambiguous ones', () => {
    const seq = sequence(60, [{ label: 'swipe_left', startFrame: 20, endFrame: 29 }]);
    const refs = cutWindows(seq, { size: 20, stride: 1, unlabelled: 'none', minCoverage: 0.8 });
    const at = (end: number): string | undefined => refs.find((r) => r.end === end)?.label;
    expect(at(19)).toBe('none');
    expect(at(26)).toBeUndefined(); // holds 7 of the 10 span frames: ambiguous, skipped
    expect(at(27)).toBe('swipe_left'); // holds 8 of 10 = minCoverage
    expect(at(39)).toBe('swipe_left');
    expect(at(41)).toBe('swipe_left');
    expect(at(42)).toBeUndefined();
    expect(at(50)).toBe('none');
  });
});

describe('augmentWindow', () => {
  it('mirrors x (swapping left/right labels) and is reproducible from the seed', () => {
    const raw = Float32Array.from([frameAt(0.3, 0.5), frameAt(0.6, 0.5)].flat());
    const off = { rotation: 0, scale: 1, jitter: 0 };
    const m = augmentWindow(raw, createRng(3), { ...off, mirror: 1 });
    expect(m.mirrored).toBe(true);
    expect(m.window[0]).toBeCloseTo(0.7, 6);
    expect(m.window[63]).toBeCloseTo(0.4, 6);
    expect(mirrorLabel('swipe_left')).toBe('swipe_right');
    expect(mirrorLabel('swipe_up')).toBe('swipe_up');
    const a = augmentWindow(raw, createRng(9));
    const b = augmentWindow(raw, createRng(9));
    expect(Array.from(a.window)).toEqual(Array.from(b.window));
    expect(Array.from(a.window)).not.toEqual(Array.from(raw));
  });
});

describe('gestureReport', () => {
  it('computes precision, recall and the confusion matrix', () => {
    const r = gestureReport(['none', 'come'], [0, 0, 1, 1, 1], [0, 1, 1, 1, 0], ['a', 'a', 'b', 'b', 'b']);
    expect(r.confusion).toEqual([[1, 1], [1, 2]]);
    expect(r.accuracy).toBeCloseTo(0.6);
    expect(r.perClass['come']?.precision).toBeCloseTo(2 / 3);
    expect(r.perClass['come']?.recall).toBeCloseTo(2 / 3);
    expect(r.perClass['none']?.recall).toBeCloseTo(0.5);
    expect(r.perSource['b']).toEqual({ accuracy: 2 / 3, windows: 3 });
  });
});
