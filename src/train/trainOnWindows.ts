import * as tf from './trainingTfjs.js';
import { augmentWindow, mirrorLabel, type AugmentOptions } from './augmentWindow.js';
import { createGestureModel } from './createGestureModel.js';
import { createRng } from './createRng.js';
import { createWeightedPicker } from './createWeightedPicker.js';
import { TrainingDataError } from './trainErrors.js';
import type { GestureModelKind, LabelledWindow } from './trainTypes.js';
import { windowFeatures } from '../filters/windowFeatures.js';

/** Options of {@link trainOnWindows}. */
export interface TrainOnWindowsOptions {
  /** Training windows (raw landmarks, as `poseFrameWindows` cuts them). */
  windows: readonly LabelledWindow[];
  /** Frames per window (N). */
  frames: number;
  /** Class order of the model's output; absent, the labels in order of first appearance. @default from windows */
  labels?: readonly string[];
  /** Fewest windows a class may have. @default 20 */
  minWindows?: number;
  /** Windows drawn per class per epoch (with replacement: balances the classes). @default 250 */
  perClass?: number;
  /** @default 20 */
  epochs?: number;
  /** @default 64 */
  batchSize?: number;
  /** @default 'gru' */
  kind?: GestureModelKind;
  /** Seed of the initialisers, augmentation and batch order. @default 1 */
  seed?: number;
  /** Per-draw augmentation (mirror, scale, rotation, jitter). @default augmentWindow's defaults */
  augment?: AugmentOptions;
  /** The model's input transform (raw window -> model input), the one its metadata names. @default windowFeatures */
  features?: (packed: Float32Array, frames: number) => Float32Array;
  /**
   * Relative draw weight of a window within its class (`createWeightedPicker`); absent, every window of a class is
   * drawn equally often. @default undefined
   */
  drawWeight?: (window: LabelledWindow) => number;
  /** Called after each epoch. @default undefined */
  onEpoch?: (progress: { epoch: number; epochs: number; loss: number; accuracy: number }) => void;
}

/** What {@link trainOnWindows} returns. */
export interface TrainOnWindowsResult {
  /** The trained TensorFlow.js model. */
  model: tf.LayersModel;
  /** Its labels, in output order. */
  labels: string[];
  /** Training windows per class. */
  counts: Record<string, number>;
}

/**
 * Trains a gesture classifier on ready-cut windows: checks every class has `minWindows` (a
 * {@link TrainingDataError} naming the sources otherwise), then trains class-balanced epochs of augmented draws
 * (mirroring swaps `_left`/`_right`) through `windowFeatures`, seeded: same windows and seed, same weights.
 *
 * @example
 * ```ts
 * import { poseFrameWindows, trainOnWindows } from 'posestream/train';
 * const { model, labels } = await trainOnWindows({ windows, frames: 30, epochs: 12 });
 * ```
 */
export async function trainOnWindows(options: TrainOnWindowsOptions): Promise<TrainOnWindowsResult> {
  const frames = options.frames;
  const rng = createRng(options.seed ?? 1);
  const byClass = new Map<string, LabelledWindow[]>();
  for (const label of options.labels ?? []) byClass.set(label, []);
  for (const w of options.windows) (byClass.get(w.label) ?? byClass.set(w.label, []).get(w.label)!).push(w);
  const minWindows = options.minWindows ?? 20;
  for (const [label, refs] of byClass) {
    if (refs.length < minWindows) {
      const files = [...new Set(refs.map((r) => r.source))].join(', ') || '<none>';
      throw new TrainingDataError('too-few-windows', files, `class ${JSON.stringify(label)} has ${refs.length} training windows; at least ${minWindows} are needed`);
    }
  }
  const labels = [...byClass.keys()];
  const index = new Map(labels.map((l, i) => [l, i]));
  const model = createGestureModel({ classes: labels.length, kind: options.kind ?? 'gru', frames, seed: options.seed ?? 1 });
  const epochs = options.epochs ?? 20;
  const batchSize = options.batchSize ?? 64;
  const perClass = options.perClass ?? 250;
  const per = frames * 63;
  const features = options.features ?? windowFeatures;
  const drawWeight = options.drawWeight;
  const pickers = new Map(
    [...byClass].map(([label, refs]) => [label, drawWeight ? createWeightedPicker(refs, drawWeight, rng, `class ${JSON.stringify(label)}`) : () => rng.pick(refs)]),
  );
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const draws: Array<{ x: Float32Array; y: number }> = [];
    for (const label of byClass.keys()) {
      const mirror = index.has(mirrorLabel(label)) ? (options.augment?.mirror ?? 0.5) : 0;
      for (let i = 0; i < perClass; i++) {
        const { window, mirrored } = augmentWindow(pickers.get(label)!().window, rng, { ...options.augment, mirror });
        draws.push({ x: features(window, frames), y: index.get(mirrored ? mirrorLabel(label) : label)! });
      }
    }
    rng.shuffle(draws);
    let loss = 0;
    let accuracy = 0;
    let steps = 0;
    for (let at = 0; at < draws.length; at += batchSize) {
      const part = draws.slice(at, at + batchSize);
      const xs = new Float32Array(part.length * per);
      part.forEach((s, i) => xs.set(s.x, i * per));
      const x = tf.tensor4d(xs, [part.length, frames, 21, 3]);
      const y = tf.tidy(() => tf.oneHot(tf.tensor1d(part.map((s) => s.y), 'int32'), labels.length));
      const result = (await model.trainOnBatch(x, y)) as number[];
      x.dispose();
      y.dispose();
      loss += result[0] ?? 0;
      accuracy += result[1] ?? 0;
      steps++;
    }
    options.onEpoch?.({ epoch, epochs, loss: loss / steps, accuracy: accuracy / steps });
  }
  const counts: Record<string, number> = {};
  for (const [label, refs] of byClass) counts[label] = refs.length;
  return { model, labels, counts };
}
