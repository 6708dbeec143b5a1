import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseTracker, clipEvents, scoreClips, TRACKER_GRID, type ClipPredictions } from '../../eval/sourceEvaluation.js';
import { seniormarsClips } from '../../eval/seniormarsClips.js';
import type { RealClip } from '../../eval/realSources.js';
import { validationSplit } from '../../eval/validationSplit.js';
import { formatLosoSummary } from '../../eval/formatLosoSummary.js';
import type { HeldOutResult } from '../../eval/leaveOneSourceOut.js';
import type { Prediction } from '../../src/types.js';

const LABELS = ['none', 'swipe_left', 'swipe_right'];
// One prediction per 100 ms frame: `scores[i]` is the swipe_right score of the window ending at frame i.
const predictions = (labels: string[], score = 0.95): Prediction[] =>
  labels.map((label, i) => ({
    label,
    score,
    categories: LABELS.map((categoryName, index) => ({ index, categoryName, score: categoryName === label ? score : (1 - score) / 2 })),
    windowEndTimestamp: i * 100,
    windowEndIndex: i,
    startedAt: 0,
    finishedAt: 0,
  }));
const clip = (labels: RealClip['labels'], n = 40): RealClip => ({
  name: 'c',
  frames: Array.from({ length: n }, (_, i) => ({ index: i, timestamp: i * 100, hands: [] })),
  labels,
  seconds: n / 10,
});
const run = (swipeAt: number[], n = 40): string[] => Array.from({ length: n }, (_, i) => (swipeAt.includes(i) ? 'swipe_right' : 'none'));

describe('clipEvents / scoreClips', () => {
  it('one event per run of agreeing predictions; a matched swipe is a true positive', () => {
    const p = predictions(run([12, 13, 14]));
    expect(clipEvents(p, { threshold: 0.9, minConsecutive: 2, cooldownMs: 500 })).toMatchObject([{ label: 'swipe_right', startFrame: 12, endFrame: 14 }]);
    const c: ClipPredictions = { clip: clip([{ label: 'swipe_right', startFrame: 8, endFrame: 12 }]), predictions: p, truth: [], predicted: [] };
    expect(scoreClips([c], { threshold: 0.9, minConsecutive: 2 }, 1000)).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, falseSwipesOnNonSwipe: 0, nonSwipeSeconds: 0 });
  });

  it('counts swipes on a clip without labelled swipes as false swipes over its seconds; other labels are not swipes', () => {
    const c: ClipPredictions = { clip: clip([{ label: 'come', startFrame: 0, endFrame: 39 }]), predictions: predictions(run([5, 6, 30])), truth: [], predicted: [] };
    const s = scoreClips([c], { threshold: 0.9, minConsecutive: 1, cooldownMs: 500 }, 1000);
    expect(s).toMatchObject({ truePositives: 0, falsePositives: 2, falseNegatives: 0, falseSwipesOnNonSwipe: 2, nonSwipeSeconds: 4 });
  });

  it('chooseTracker picks, on training clips, a setting that removes a lone false swipe and keeps the real one', () => {
    const c: ClipPredictions = { clip: clip([{ label: 'swipe_right', startFrame: 8, endFrame: 12 }]), predictions: predictions(run([12, 13, 14, 30])), truth: [], predicted: [] };
    const chosen = chooseTracker([c], 1000);
    expect(TRACKER_GRID).toContainEqual(chosen);
    expect(scoreClips([c], chosen, 1000)).toMatchObject({ truePositives: 1, falsePositives: 0 });
    expect(chosen.minConsecutive).toBeGreaterThanOrEqual(2); // the middle of the settings that tie
  });
});

describe('seniormarsClips (real data)', () => {
  it('loads 38 swipes and 33 palms, drops the wrapped frame 0, holds each clip still before and after', async () => {
    const clips = await seniormarsClips(resolve('../shared/data/landmarks/seniormars-gesture'));
    expect(clips).toHaveLength(71);
    const swipes = clips.filter((c) => c.labels.length === 1);
    expect(swipes).toHaveLength(38);
    expect(new Set(swipes.map((c) => c.labels[0]?.label))).toEqual(new Set(['swipe_up', 'swipe_down', 'swipe_left', 'swipe_right']));
    const right = clips.find((c) => c.name === 'swipe_right#0')!;
    const span = right.labels[0]!;
    expect(span.endFrame - span.startFrame + 1).toBe(19);
    expect(right.seconds).toBeCloseTo(0.95, 5);
    const x = (i: number): number => right.frames[i]!.hands[0]!.landmarks[0]!.x;
    // the stored swipe_right moves towards +x; frame 0 (dropped) sat at the clip's end
    expect(x(span.endFrame) - x(span.startFrame)).toBeGreaterThan(0.15);
    expect(x(0)).toBe(x(span.startFrame));
    expect(right.frames.every((f, i) => f.timestamp === i * 50)).toBe(true);
  });
});

describe('validationSplit', () => {
  const named = (name: string, n: number, labels: RealClip['labels'] = []): RealClip => ({ ...clip(labels, n), name });
  it('holds back every 5th clip of a many-clip source and the last 20 % of each long take, sharing no frame', () => {
    const many = { name: 'many', path: 'm', clips: Array.from({ length: 10 }, (_, i) => named(`c${i}`, 20)) };
    const take = { name: 'take', path: 't', clips: [named('come', 100, [{ label: 'come', startFrame: 0, endFrame: 99 }])] };
    const { train, validation } = validationSplit([many, take]);
    expect(validation.map((c) => c.name)).toEqual(['c4', 'c9', 'come#validation']);
    expect(train[0]!.clips.map((c) => c.name)).toEqual(['c0', 'c1', 'c2', 'c3', 'c5', 'c6', 'c7', 'c8']);
    const head = train[1]!.clips[0]!;
    const tail = validation[2]!;
    expect(head.frames.at(-1)!.index + 1).toBe(tail.frames[0]!.index);
    expect(head.labels).toEqual([{ label: 'come', startFrame: 0, endFrame: head.frames.at(-1)!.index }]);
    expect(tail.labels).toEqual([{ label: 'come', startFrame: tail.frames[0]!.index, endFrame: 99 }]);
    expect(head.seconds + tail.seconds).toBeCloseTo(10, 5);
  });
});

describe('formatLosoSummary', () => {
  it('one row per recipe: per-source TP / FP / FN (false swipes), totals, and marks folds held out together', () => {
    const fold = (source: string, tp: number, fp: number, fn: number, fs: number, secs: number, heldOutWith = [source]): HeldOutResult =>
      ({ source, heldOutWith, score: { truePositives: tp, falsePositives: fp, falseNegatives: fn, falseSwipesOnNonSwipe: fs, nonSwipeSeconds: secs } }) as HeldOutResult;
    const text = formatLosoSummary([{ name: 'r', results: [fold('a', 9, 1, 1, 0, 0), fold('b', 0, 2, 0, 2, 60, ['b', 'c'])] }], ['a', 'b']);
    expect(text).toContain('| r | 9 / 1 / 1 (0) | 0 / 2 / 0 (2) * | 75 % | 90 % | 2.00 (2 in 60 s) |');
  });

  it('follows a seed ensemble with one row per member seed, scored on its own', () => {
    const score = (tp: number, fp: number, fn: number, fs: number, secs: number) => ({ truePositives: tp, falsePositives: fp, falseNegatives: fn, falseSwipesOnNonSwipe: fs, nonSwipeSeconds: secs });
    const fold = (source: string, s: ReturnType<typeof score>, members: Array<[number, ReturnType<typeof score>]>): HeldOutResult =>
      ({ source, heldOutWith: [source], score: s, members: members.map(([seed, m]) => ({ seed, score: m, tracker: { threshold: 0.5 }, cached: false })) }) as unknown as HeldOutResult;
    const results = [fold('a', score(8, 0, 2, 0, 0), [[1, score(9, 1, 1, 0, 0)], [2, score(5, 0, 5, 0, 0)]]), fold('b', score(0, 1, 0, 1, 60), [[1, score(0, 3, 0, 3, 60)], [2, score(0, 0, 0, 0, 60)]])];
    const lines = formatLosoSummary([{ name: 'e', results }], ['a', 'b']).split('\n');
    expect(lines.slice(2, 5)).toEqual([
      '| e | 8 / 0 / 2 (0) | 0 / 1 / 0 (1) | 89 % | 80 % | 1.00 (1 in 60 s) |',
      '| e, seed 1 alone | 9 / 1 / 1 (0) | 0 / 3 / 0 (3) | 69 % | 90 % | 3.00 (3 in 60 s) |',
      '| e, seed 2 alone | 5 / 0 / 5 (0) | 0 / 0 / 0 (0) | 100 % | 50 % | 0.00 (0 in 60 s) |',
    ]);
  });
});
