import { beforeAll, describe, expect, it } from 'vitest';
import { initTfBackend } from '../../src/train/initTfBackend.js';
import { trainOnWindows } from '../../src/train/trainOnWindows.js';
import { TrainingDataError } from '../../src/train/trainErrors.js';
import { syntheticHand } from '../../src/testing/syntheticHand.js';
import { packWindow } from '../../src/filters/packWindow.js';
import type { LabelledWindow } from '../../src/train/trainTypes.js';

// 10-frame windows: the hand moves right (swipe_right) or stays (none), at a few positions.
const window = (dx: number, x0: number): Float32Array => packWindow(Array.from({ length: 10 }, (_, i) => syntheticHand({ wrist: { x: x0 + (dx * i) / 9, y: 0.5 } })));
const windows: LabelledWindow[] = [0.2, 0.25, 0.3, 0.35].flatMap((x0, k) => [
  { window: window(0.3, x0), label: 'swipe_right', source: `right-${k}`, endFrame: 9 },
  { window: window(0, x0), label: 'none', source: `still-${k}`, endFrame: 9 },
]);

beforeAll(async () => {
  await initTfBackend('wasm');
});

describe('trainOnWindows', () => {
  it('refuses a class with too few windows before training, naming where its windows came from', async () => {
    const error = await trainOnWindows({ windows, frames: 10, minWindows: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingDataError);
    expect((error as TrainingDataError).kind).toBe('too-few-windows');
    expect((error as Error).message).toMatch(/right-0/);
  });

  it('keeps the given label order (mirroring needs swipe_left to exist) and is reproducible for a seed', async () => {
    const options = { windows, frames: 10, minWindows: 1, epochs: 1, perClass: 16, batchSize: 16, labels: ['none', 'swipe_right'] };
    const a = await trainOnWindows({ ...options, seed: 3 });
    const b = await trainOnWindows({ ...options, seed: 3 });
    expect(a.labels).toEqual(['none', 'swipe_right']);
    expect(a.counts).toEqual({ none: 4, swipe_right: 4 });
    const wa = a.model.getWeights().map((w) => Array.from(w.dataSync()));
    const wb = b.model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(wa).toEqual(wb);
    a.model.dispose();
    b.model.dispose();
  });

  it('draws windows by drawWeight: equal weights train exactly as no weights, other weights differently; a bad weight names the class', async () => {
    const options = { windows, frames: 10, minWindows: 1, epochs: 1, perClass: 16, batchSize: 16, labels: ['none', 'swipe_right'], seed: 5 };
    const weightsOf = async (drawWeight?: (w: LabelledWindow) => number): Promise<number[][]> => {
      const { model } = await trainOnWindows({ ...options, drawWeight });
      const w = model.getWeights().map((t) => Array.from(t.dataSync()));
      model.dispose();
      return w;
    };
    const plain = await weightsOf();
    expect(await weightsOf(() => 2)).toEqual(plain);
    expect(await weightsOf((w) => (w.source === 'still-0' || w.source === 'right-3' ? 1 : 0))).not.toEqual(plain);
    const error = await trainOnWindows({ ...options, drawWeight: (w) => (w.label === 'swipe_right' ? -1 : 1) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingDataError);
    expect((error as Error).message).toMatch(/class "swipe_right".*-1/);
  });
});
