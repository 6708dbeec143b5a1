import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SWIPE_SETTINGS, InvalidOptionError, recogniseSwipe, slidingWindow, type PoseFrame, type SwipeOptions } from 'posestream';
import { syntheticHand } from 'posestream/testing';

/** A hand path: [ms, wrist x, wrist y, size, curl] key points, linearly interpolated, sampled at `fps`. */
type Key = [t: number, x: number, y: number, size?: number, curl?: number];

function frames(keys: readonly Key[], fps: number, aspect = 4 / 3): PoseFrame[] {
  const out: PoseFrame[] = [];
  const end = keys[keys.length - 1]![0];
  for (let i = 0, t = 0; t <= end; i++, t = (i * 1000) / fps) {
    let k = 0;
    while (k + 1 < keys.length - 1 && keys[k + 1]![0] <= t) k++;
    const [t0, x0, y0, s0 = 0.15, c0 = 0] = keys[k]!;
    const [t1, x1, y1, s1 = s0, c1 = c0] = keys[k + 1] ?? keys[k]!;
    const w = t1 > t0 ? Math.min(1, Math.max(0, (t - t0) / (t1 - t0))) : 0;
    const hand = syntheticHand({ wrist: { x: x0 + (x1 - x0) * w, y: y0 + (y1 - y0) * w }, size: s0 + (s1 - s0) * w, curl: c0 + (c1 - c0) * w, aspect });
    out.push({ index: i, timestamp: t, hands: [hand], width: Math.round(480 * aspect), height: 480 });
  }
  return out;
}

/** The labels the recogniser reports, window by window, deduplicated in order. */
async function reported(input: PoseFrame[], options: SwipeOptions = {}): Promise<string[]> {
  const p = DEFAULT_SWIPE_SETTINGS;
  const windows = await lastValueFrom(
    from(input).pipe(slidingWindow(p.window.frames, { resample: p.window, onMissingHand: p.onMissingHand, maxGapMs: p.maxGapMs }), toArray()),
  );
  const labels: string[] = [];
  for (const w of windows) {
    const f = w.frames[w.frames.length - 1]!;
    const v = recogniseSwipe(w.pack(), w.size, { aspect: f.width! / f.height!, spanMs: w.span, coveredMs: w.coveredMs ?? w.span }, options);
    if (v.label !== 'none' && labels[labels.length - 1] !== v.label) labels.push(v.label);
  }
  return labels;
}

// Palm length of syntheticHand({ size: 0.15 }) is 0.15 of the image height: 0.1125 of its width at 4:3.
const still = (x: number, y: number, from: number, to: number): Key[] => [[from, x, y], [to, x, y]];

describe('recogniseSwipe', () => {
  it.each([10, 15, 30])('finds a 2-palm swipe in each direction at %i fps, and nothing else', async (fps) => {
    const d = 0.225; // 2 palm lengths of image width
    for (const [label, dx, dy] of [['swipe_right', d, 0], ['swipe_left', -d, 0], ['swipe_up', 0, -d * (4 / 3)], ['swipe_down', 0, d * (4 / 3)]] as const) {
      const keys: Key[] = [...still(0.5, 0.6, 0, 1000), [1400, 0.5 + dx, 0.6 + dy], [2600, 0.5 + dx, 0.6 + dy]];
      expect(await reported(frames(keys, fps)), `${label} at ${fps} fps`).toEqual([label]);
    }
  });

  it('finds slow (2.4 s) and fast (0.25 s) swipes of one palm length and more', async () => {
    expect(await reported(frames([...still(0.35, 0.6, 0, 800), [3200, 0.6, 0.6], [4200, 0.6, 0.6]], 30))).toEqual(['swipe_right']);
    expect(await reported(frames([...still(0.6, 0.6, 0, 800), [1050, 0.46, 0.6], [2000, 0.46, 0.6]], 30))).toEqual(['swipe_left']);
  });

  it('finds a swipe of exactly one palm length, with tracking jitter, and not one of half a palm', async () => {
    let seed = 1;
    const jitter = (f: PoseFrame): PoseFrame => ({
      ...f,
      hands: f.hands.map((h) => ({ ...h, landmarks: h.landmarks.map((l) => ({ ...l, x: l.x + ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.006, y: l.y })) })),
    });
    const palm = 0.1125; // of the width
    expect(await reported(frames([...still(0.4, 0.6, 0, 1000), [1400, 0.4 + palm, 0.6], [2600, 0.4 + palm, 0.6]], 30).map(jitter))).toEqual(['swipe_right']);
    expect(await reported(frames([...still(0.4, 0.6, 0, 1000), [1400, 0.4 + palm / 2, 0.6], [2600, 0.4 + palm / 2, 0.6]], 30).map(jitter))).toEqual([]);
  });

  it('finds a swipe made right after the hand appears (300 ms of it)', async () => {
    expect(await reported(frames([...still(0.3, 0.6, 0, 300), [700, 0.6, 0.6], [1500, 0.6, 0.6]], 30))).toEqual(['swipe_right']);
  });

  it('does not take a return stroke for a second swipe', async () => {
    expect(await reported(frames([...still(0.3, 0.6, 0, 1000), [1400, 0.6, 0.6], [1550, 0.6, 0.6], [2100, 0.32, 0.6], [3500, 0.32, 0.6]], 30))).toEqual(['swipe_right']);
  });

  it('fires on two deliberate swipes with a rest between them', async () => {
    expect(await reported(frames([...still(0.3, 0.6, 0, 1000), [1400, 0.6, 0.6], [2400, 0.6, 0.6], [2800, 0.3, 0.6], [3800, 0.3, 0.6]], 30))).toEqual(['swipe_right', 'swipe_left']);
  });

  it.each<[string, Key[]]>([
    ['a fist moved', [[0, 0.3, 0.6, 0.15, 1], [1000, 0.3, 0.6, 0.15, 1], [1400, 0.6, 0.6, 0.15, 1], [2600, 0.6, 0.6, 0.15, 1]]],
    ['a short shift (0.6 palm lengths)', [...still(0.4, 0.6, 0, 1000), [1400, 0.47, 0.6], [2600, 0.47, 0.6]]],
    ['a diagonal', [...still(0.3, 0.45, 0, 1000), [1400, 0.55, 0.78], [2600, 0.55, 0.78]]],
    ['a hand coming towards the camera', [...still(0.3, 0.6, 0, 1000), [1400, 0.6, 0.6, 0.3], [2600, 0.6, 0.6, 0.3]]],
    ['a hand entering the frame moving', [[0, 0.05, 0.6], [400, 0.4, 0.6], [1600, 0.4, 0.6]]],
    ['a hand still moving at the end (not stopped)', [...still(0.1, 0.6, 0, 1000), [2900, 0.9, 0.6]]],
    ['a stroke slower than 2.5 s', [...still(0.2, 0.6, 0, 800), [4500, 0.8, 0.6], [5500, 0.8, 0.6]]],
  ])('reports nothing for %s', async (_, keys) => {
    expect(await reported(frames(keys, 30))).toEqual([]);
  });

  it('reports nothing for a tracking jump to another place', async () => {
    const input = frames([...still(0.3, 0.6, 0, 1000), [1001, 0.7, 0.6], [2500, 0.7, 0.6]], 30);
    expect(await reported(input)).toEqual([]);
  });

  it('gives the same verdict in a non-square image (distances in palm lengths, aspect corrected)', async () => {
    const wide = frames([...still(0.4, 0.6, 0, 1000), [1400, 0.4 + 0.15 / (16 / 9) * 2, 0.6], [2600, 0.4 + 0.15 / (16 / 9) * 2, 0.6]], 30, 16 / 9);
    expect(await reported(wide)).toEqual(['swipe_right']);
    expect(await reported(wide, { minTravel: 2.5 })).toEqual([]);
  });

  it('names the option, its unit and its range when one is out of range or unknown', () => {
    const window = new Float32Array(61 * 63);
    const context = { aspect: 1, spanMs: 3000, coveredMs: 3000 };
    expect(() => recogniseSwipe(window, 61, context, { minTravel: -1 })).toThrow(InvalidOptionError);
    expect(() => recogniseSwipe(window, 61, context, { minTravel: -1 })).toThrow(/`minTravel` must be a number of palm lengths from 0.1 to 20, got -1/);
    expect(() => recogniseSwipe(window, 61, context, { maxDurationMs: 100, minDurationMs: 200 })).toThrow(/minDurationMs/);
    expect(() => recogniseSwipe(window, 61, context, { minTravl: 1 } as SwipeOptions)).toThrow(/`minTravl` must be one of minTravel/);
  });
});
