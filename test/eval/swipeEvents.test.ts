import { resolve } from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticHand } from '../../src/testing/syntheticHand.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { createClassifierWorker } from '../../src/workers/createClassifierWorker.js';
import type { PoseFrame, PoseWindow, Prediction } from '../../src/types.js';
import { matchSwipeEvents, sumScores, type FrameEvent } from '../../eval/matchSwipeEvents.js';
import { evaluateSwipeClip, readClipLabels, SWIPE_LABELS, type ClipLabels } from '../../eval/swipeEvents.js';
import { EvalLabelsError } from '../../eval/EvalLabelsError.js';

// 15 fps clip timestamps, as the ai-forever clips have.
const ts = (n: number): number[] => Array.from({ length: n }, (_, i) => (i * 1000) / 15);
const opts = { labels: SWIPE_LABELS, timestamps: ts(60), windowMs: 1000 };
const ev = (label: string, startFrame: number, endFrame: number): FrameEvent => ({ label, startFrame, endFrame });

describe('matchSwipeEvents (pure)', () => {
  it('matches when labels agree and the frames the windows saw overlap the span', () => {
    // event windows end at 20..24 and reach back 1 s = 15 frames: they saw frames 5..24, overlapping 2..9.
    const m = matchSwipeEvents([ev('swipe_right', 20, 24)], [ev('swipe_right', 2, 9)], opts);
    expect(m).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 });
  });

  it('does not match an event whose windows ended before the span or began after it', () => {
    const late = matchSwipeEvents([ev('swipe_right', 26, 30)], [ev('swipe_right', 2, 9)], opts); // saw 11..30
    expect(late).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1, precision: 0, recall: 0 });
    const early = matchSwipeEvents([ev('swipe_right', 15, 19)], [ev('swipe_right', 20, 25)], opts);
    expect(early.truePositives).toBe(0);
  });

  it('a wrong direction is a false positive and a miss', () => {
    const m = matchSwipeEvents([ev('swipe_left', 20, 24)], [ev('swipe_right', 2, 9)], opts);
    expect(m.falsePositiveEvents).toEqual([ev('swipe_left', 20, 24)]);
    expect(m.missed).toEqual([ev('swipe_right', 2, 9)]);
  });

  it('matches one-to-one: a double trigger on one swipe is a false positive', () => {
    const m = matchSwipeEvents([ev('swipe_up', 22, 23), ev('swipe_up', 12, 14)], [ev('swipe_up', 10, 14)], opts);
    expect(m.matches.map((x) => x.predicted)).toEqual([ev('swipe_up', 12, 14)]);
    expect(m).toMatchObject({ truePositives: 1, falsePositives: 1, precision: 0.5, recall: 1 });
  });

  it('non-swipe events are reported as other, counted only by strict precision', () => {
    const m = matchSwipeEvents([ev('come', 30, 40), ev('swipe_down', 20, 22)], [ev('swipe_down', 10, 14)], opts);
    expect(m).toMatchObject({ truePositives: 1, falsePositives: 0, otherEvents: 1, precision: 1, strictPrecision: 0.5 });
    expect(m.other).toEqual([ev('come', 30, 40)]);
  });

  it('sums clips (micro-average) and scores empty sets as 1', () => {
    const a = matchSwipeEvents([ev('swipe_up', 12, 14)], [ev('swipe_up', 10, 14), ev('swipe_down', 40, 45)], opts);
    const b = matchSwipeEvents([], [], opts);
    expect(b).toMatchObject({ precision: 1, recall: 1 });
    expect(sumScores([a, b])).toMatchObject({ truePositives: 1, falseNegatives: 1, precision: 1, recall: 0.5 });
  });

  it('a frame outside the clip is a typed error naming it', () => {
    expect(() => matchSwipeEvents([ev('swipe_up', 70, 72)], [], opts)).toThrow(EvalLabelsError);
    expect(() => matchSwipeEvents([ev('swipe_up', 70, 72)], [], opts)).toThrow(/frame 70 is outside the clip's 60 frames/);
  });
});

// A synthetic recorded clip, 15 fps, 64 frames: the hand rests, swipes right over frames 20-26 (two frames lost to
// "motion blur" on the way), rests, swipes up over frames 44-49, rests.
function fixtureFrames(): PoseFrame[] {
  const frames: PoseFrame[] = [];
  const ease = (u: number): number => u * u * u * (10 - 15 * u + 6 * u * u);
  for (let i = 0; i < 64; i++) {
    let x = 0.25;
    let y = 0.65;
    if (i >= 20) x = 0.25 + 0.5 * ease(Math.min(1, (i - 20) / 6));
    if (i >= 44) y = 0.65 - 0.35 * ease(Math.min(1, (i - 44) / 5));
    const lost = i === 22 || i === 46;
    const hand = syntheticHand({ wrist: { x, y: y + 0.003 * Math.sin(i) }, size: 0.15, handedness: 'Left' });
    frames.push({ index: i, timestamp: (i * 1000) / 15, hands: lost ? [] : [hand], width: 640, height: 480 });
  }
  return frames;
}
const fixtureLabels: ClipLabels = {
  video: 'synthetic',
  fps: 15,
  frames: 64,
  labels: [ev('swipe_right', 20, 26), ev('swipe_up', 44, 49)],
};
const fixtureText = serializeRecording({ header: { format: 'posestream/v1', fps: 15, width: 640, height: 480, source: 'synthetic' }, frames: fixtureFrames() });

// A transparent classifier: the wrist's net displacement over the window decides the label.
async function displacementClassifier(w: PoseWindow): Promise<Prediction> {
  const first = w.hands[0]!.landmarks[0]!;
  const last = w.hands[w.hands.length - 1]!.landmarks[0]!;
  const dx = last.x - first.x;
  const dy = last.y - first.y;
  const label = Math.hypot(dx, dy) < 0.2 ? 'none' : Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'swipe_right' : 'swipe_left') : dy > 0 ? 'swipe_down' : 'swipe_up';
  return { label, score: 0.95, categories: [], windowEndTimestamp: w.endTimestamp, windowEndIndex: w.endIndex, startedAt: 0, finishedAt: 0 };
}

describe('evaluateSwipeClip (full pipeline over a synthetic recording)', () => {
  it('replays the recording through slidingWindow -> classifier -> stableGestures and scores the events', async () => {
    const result = await evaluateSwipeClip('fixture', fixtureText, fixtureLabels, displacementClassifier);
    expect(result.framesWithoutHand).toBe(2);
    expect(result.pipeline.events.map((e) => e.label)).toEqual(['swipe_right', 'swipe_up']);
    expect(result.match).toMatchObject({ truePositives: 2, falsePositives: 0, falseNegatives: 0 });
  });

  it("with onMissingHand 'reset' the lost frames break the windows and the swipes are missed", async () => {
    const result = await evaluateSwipeClip('fixture', fixtureText, fixtureLabels, displacementClassifier, { onMissingHand: 'reset' });
    expect(result.match.recall).toBeLessThan(1);
  });

  it('a recording that does not fit its labels is a typed error', async () => {
    await expect(evaluateSwipeClip('fixture', fixtureText, { ...fixtureLabels, frames: 80 }, displacementClassifier)).rejects.toThrow(EvalLabelsError);
  });

  const dir = mkdtemp(resolve(tmpdir(), 'posestream-eval-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));
  it('rejects a labels file with a span outside the clip, naming the file and entry', async () => {
    const path = resolve(await dir, 'bad.json');
    await writeFile(path, JSON.stringify({ ...fixtureLabels, labels: [ev('swipe_up', 60, 70)] }));
    await expect(readClipLabels(path)).rejects.toThrow(/bad\.json: labels\[0\]/);
  });

  it('the shipped default model in a worker finds both synthetic swipes', async () => {
    const worker = createClassifierWorker({ model: resolve('models/default/model.json'), backend: 'wasm' });
    try {
      const result = await evaluateSwipeClip('fixture', fixtureText, fixtureLabels, worker.classifyWindow);
      expect(result.match.missed).toEqual([]);
      expect(result.match.falsePositiveEvents).toEqual([]);
    } finally {
      await worker.dispose();
    }
  }, 60_000);
});
