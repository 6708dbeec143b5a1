import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { slidingWindow } from '../../src/operators/slidingWindow.js';
import { syntheticHand } from '../../src/testing/syntheticHand.js';
import { poseFrameWindows } from '../../src/train/poseFrameWindows.js';
import { framesFromSequence } from '../../src/train/framesFromSequence.js';
import type { PoseFrame } from '../../src/types.js';

// 10 fps stream: the hand rests at x = 0.3, swipes right during frames 20..25, rests at x = 0.7; frames 22-23 lost.
const frames: PoseFrame[] = Array.from({ length: 50 }, (_, i) => {
  const x = i < 20 ? 0.3 : i > 25 ? 0.7 : 0.3 + ((i - 20) / 5) * 0.4;
  return { index: i, timestamp: i * 100, hands: i === 22 || i === 23 ? [] : [syntheticHand({ wrist: { x, y: 0.5 } })] };
});
const spans = [{ label: 'swipe_right', startFrame: 20, endFrame: 25 }];
const window = { frames: 10, durationMs: 1000 };

describe('poseFrameWindows', () => {
  it('packs exactly what the live slidingWindow serves (resampled by timestamp, missing hands skipped)', () => {
    const served: Float32Array[] = [];
    from(frames).pipe(slidingWindow(10, { resample: window, onMissingHand: 'skip' })).subscribe((w) => served.push(w.pack()));
    const cut = poseFrameWindows(frames, [], { window });
    expect(cut).toHaveLength(served.length);
    expect(cut.map((w) => w.window)).toEqual(served);
    expect(cut.every((w) => w.label === 'none')).toBe(true);
  });

  it('labels a window swipe when it holds >= 80% of the span, none when it touches no span, and drops the rest', () => {
    const cut = poseFrameWindows(frames, spans, { window });
    const byEnd = new Map(cut.map((w) => [w.endFrame, w.label]));
    expect(byEnd.get(19)).toBe('none'); // ends before the swipe
    expect(byEnd.has(21)).toBe(false); // holds only the start of the swipe: ambiguous
    expect(byEnd.get(25)).toBe('swipe_right');
    expect(byEnd.get(30)).toBe('swipe_right'); // window 2000..3000 ms holds the whole span
    expect(byEnd.has(33)).toBe(false); // holds 2 of the 5 span intervals
    expect(byEnd.get(36)).toBe('none');
  });

  it('time-stretches: at half speed the same span needs a longer window, and timestamps are scaled', () => {
    const slow = poseFrameWindows(frames, spans, { window, timeScale: 2 });
    // at half speed the span lasts 4000..5000 ms: a 1000 ms window holds >= 80% of it only when it ends at 4800..5200
    expect(slow.filter((w) => w.label === 'swipe_right').map((w) => w.endFrame)).toEqual([24, 25, 26]);
    const fast = poseFrameWindows(frames, spans, { window, timeScale: 0.5, unlabelled: undefined });
    expect(fast.every((w) => w.label === 'swipe_right')).toBe(true);
    expect(fast.length).toBeGreaterThan(3);
  });

  it('bridges a missing hand for maxGapMs of the clip’s own time, however much it is stretched', () => {
    // frames 22-23 lost: 300 ms between hand frames 21 and 24, 600 ms once played at half speed
    const swipes = (o: { timeScale?: number; maxGapMs?: number }) => poseFrameWindows(frames, spans, { window, ...o }).filter((w) => w.label === 'swipe_right').length;
    expect(swipes({ timeScale: 2 })).toBe(3);
    expect(swipes({ timeScale: 2, maxGapMs: 250 })).toBe(0); // 300 ms of clip time is too long: the window restarts at frame 24
    expect(swipes({ maxGapMs: 250 })).toBe(0);
  });

  it('keeps every stride-th window and names the source', () => {
    const all = poseFrameWindows(frames, [], { window });
    const some = poseFrameWindows(frames, [], { window, stride: 3, source: 'clip' });
    expect(some).toHaveLength(Math.ceil(all.length / 3));
    expect(some[0]?.source).toBe('clip');
  });
});

describe('framesFromSequence', () => {
  it('gives one hand per frame with timestamps from the sequence rate', () => {
    const data = new Float32Array(3 * 63).map((_, i) => i / 1000);
    const out = framesFromSequence({ source: 's', fps: 20, length: 3, frames: data, labels: [] });
    expect(out.map((f) => f.timestamp)).toEqual([0, 50, 100]);
    expect(out[2]?.hands[0]?.landmarks[20]).toEqual({ x: data[2 * 63 + 60], y: data[2 * 63 + 61], z: data[2 * 63 + 62] });
  });
});
