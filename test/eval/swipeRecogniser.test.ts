import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKairess } from '../../src/data/loadKairess.js';
import { seniormarsClips } from '../../eval/seniormarsClips.js';
import { evaluateSwipeSource } from '../../eval/swipeRecogniserEval.js';

const data = resolve(import.meta.dirname, '../../../shared/data');

// Golden figures of the default swipe recogniser on the real sources that need no browser to replay (docs/evaluation.md):
// seniormars is held out (never tuned on), kairess is a tuning source.
describe('the swipe recogniser on real hands', () => {
  it('finds the held-out seniormars swipes (labelled by direction of travel) and fires on none of their still palms', async () => {
    const relabelled: string[] = [];
    const clips = await seniormarsClips(resolve(data, 'landmarks/seniormars-gesture'), { labelBy: 'travel', relabelled });
    expect(relabelled).toHaveLength(4);
    const r = await evaluateSwipeSource({ name: 'seniormars', path: '', clips });
    expect(r.swipes).toBe(38);
    expect(r.truePositives).toBeGreaterThanOrEqual(34); // 35 when written
    expect(r.falsePositives).toBe(0);
  });

  it('fires no swipe during 91 s of kairess come / away / spin', async () => {
    const takes = await loadKairess(resolve(data, 'landmarks/kairess-gesture-recognition'));
    const clips = takes.map((t) => ({ name: t.label, frames: t.frames, labels: [], seconds: t.frames.length / 15 }));
    const r = await evaluateSwipeSource({ name: 'kairess', path: '', clips });
    expect(r.fired).toEqual([]);
  });
});
