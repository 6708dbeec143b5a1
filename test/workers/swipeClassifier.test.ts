import { from, lastValueFrom, toArray } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SWIPE_SETTINGS as p, InvalidOptionError, slidingWindow, type PoseFrame, type PoseWindow } from 'posestream';
import { createClassifierWorker } from 'posestream/workers';
import { syntheticHand } from 'posestream/testing';

/** A still hand, a 2-palm swipe to the right in 400 ms, a still hand: 30 fps, 640 x 480. */
function swipeRight(): PoseFrame[] {
  const frames: PoseFrame[] = [];
  for (let i = 0; i * 33.3 <= 2600; i++) {
    const t = i * 33.3;
    const w = Math.min(1, Math.max(0, (t - 1000) / 400));
    frames.push({ index: i, timestamp: t, hands: [syntheticHand({ wrist: { x: 0.35 + 0.225 * w, y: 0.6 }, size: 0.15 })], width: 640, height: 480 });
  }
  return frames;
}

describe("createClassifierWorker({ model: 'swipes' })", () => {
  const classifier = createClassifierWorker({ model: 'swipes' });
  afterAll(() => classifier.dispose());

  it('loads no model file and says it runs rules', async () => {
    const info = await classifier.ready;
    expect(info.labels).toEqual(['swipe_left', 'swipe_right', 'swipe_up', 'swipe_down', 'none']);
    expect(info.backend).toBe('rules');
  });

  it('recognises a swipe in a real worker thread, window by window', async () => {
    const windows: PoseWindow[] = await lastValueFrom(
      from(swipeRight()).pipe(slidingWindow(p.window.frames, { resample: p.window, onMissingHand: p.onMissingHand, maxGapMs: p.maxGapMs }), toArray()),
    );
    const labels: string[] = [];
    for (const w of windows) labels.push((await classifier.classifyWindow(w)).label);
    expect(labels.filter((l) => l === 'swipe_right').length).toBeGreaterThan(5);
    expect(labels.filter((l) => l !== 'swipe_right' && l !== 'none')).toEqual([]);
    expect(labels[0]).toBe('none');
  });

  it('checks its options before any worker starts', () => {
    expect(() => createClassifierWorker({ model: 'swipes', swipes: { maxCrossRatio: 3 } })).toThrow(InvalidOptionError);
    expect(() => createClassifierWorker({ model: 'swipes', swipes: { maxCrossRatio: 3 } })).toThrow(/`swipes.maxCrossRatio` must be a number of a fraction of the travel from 0 to 1, got 3/);
    expect(() => createClassifierWorker({ model: 'default', swipes: {} })).toThrow(/`swipes` must be given only with model: 'swipes'/);
  });
});
