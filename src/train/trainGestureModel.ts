import * as tf from './trainingTfjs.js';
import { augmentWindow, mirrorLabel, type AugmentOptions } from './augmentWindow.js';
import { createGestureModel } from './createGestureModel.js';
import { createRng, type Rng } from './createRng.js';
import { cutWindows, extractWindow, type WindowRef } from './cutWindows.js';
import { gestureReport } from './gestureReport.js';
import type { GestureModelMetadata } from './gestureModelFiles.js';
import { predictWindows } from './predictWindows.js';
import { resampleSequence } from './resampleSequence.js';
import { timeBlockSplit } from './timeBlockSplit.js';
import { TrainingDataError } from './trainErrors.js';
import type { DatasetCounts, GestureModelKind, GestureReport, LabelledSequence } from './trainTypes.js';
import { windowFeatures, WINDOW_FEATURES } from '../filters/windowFeatures.js';

/** Options of {@link trainGestureModel}. */
export interface TrainGestureOptions {
  /** Real labelled sequences: each is split into time blocks (one held out for validation). */
  sequences: readonly LabelledSequence[];
  /** Independent clips (e.g. synthetic swipes) for training; no time split needed. @default [] */
  trainClips?: readonly LabelledSequence[];
  /** Independent clips for validation only (never trained on). @default [] */
  validationClips?: readonly LabelledSequence[];
  /** Label of windows that touch no span in clips (idle). @default 'none' */
  unlabelled?: string;
  /** Frames per window. @default 30 */
  frames?: number;
  /** The rate windows are sampled at, frames per second (sequences are resampled to it). @default 30 */
  fps?: number;
  /** Frames between window ends when cutting training windows. @default 2 */
  stride?: number;
  /** Time blocks each sequence is cut into. @default 5 */
  blocks?: number;
  /** Index of the held-out block, 0-based; negative counts from the end. @default -1 (the last) */
  validationBlock?: number;
  /** Fewest training windows a class may have. @default 20 */
  minWindows?: number;
  /** Windows drawn per class per epoch (with replacement; balances the classes). @default 300 */
  perClass?: number;
  /** Training epochs. @default 20 */
  epochs?: number;
  /** Windows per gradient step. @default 64 */
  batchSize?: number;
  /** The model architecture (`createGestureModel`'s `kind`). @default 'gru' */
  kind?: GestureModelKind;
  /** Seed of the model initialisers, augmentation and batch order. @default 1 */
  seed?: number;
  /** Augmentation; `speed` is the largest time-stretch factor (window covers speed x more/less frames). */
  augment?: AugmentOptions & {
    /** The largest time-stretch factor: a window covers up to `speed` x more or fewer frames. @default 1.25 */
    speed?: number;
  };
  /** Measure validation accuracy every this many epochs (and after the last); others report NaN. @default 1 */
  validateEvery?: number;
  /** Called after each epoch (e.g. to print progress on stderr). @default undefined */
  onEpoch?: (progress: { epoch: number; epochs: number; loss: number; accuracy: number; validationAccuracy: number }) => void;
}

/** What {@link trainGestureModel} returns. */
export interface TrainGestureResult {
  /** The trained TensorFlow.js model (save it with `saveTrainedModel`). */
  model: tf.LayersModel;
  /** Its labels, in output order. */
  labels: string[];
  /** What `saveTrainedModel` writes beside it (features, frames, fps, labels). */
  metadata: GestureModelMetadata;
  /** Windows per class, per split and per source. */
  counts: DatasetCounts;
  /** Report on the held-out validation windows (never trained on). */
  report: GestureReport;
}

/**
 * Trains a gesture classifier on labelled sequences: resamples them to `fps`, holds out one time block of each
 * (so overlapping windows cannot leak), cuts windows, checks every class has enough windows (throwing
 * {@link TrainingDataError} naming the files BEFORE training), then trains with class-balanced, augmented epochs
 * (mirror, scale, rotation, speed, jitter) in a seeded order: the same inputs and seed give the same weights.
 *
 * @example
 * ```ts
 * import { trainGestureModel } from 'posestream/train';
 * const { model, labels, report } = await trainGestureModel({ sequences, epochs: 20, seed: 1 });
 * ```
 */
export async function trainGestureModel(options: TrainGestureOptions): Promise<TrainGestureResult> {
  const frames = options.frames ?? 30;
  const fps = options.fps ?? 30;
  const stride = options.stride ?? 2;
  const unlabelled = options.unlabelled ?? 'none';
  const seed = options.seed ?? 1;
  const rng = createRng(seed);
  const train: WindowRef[] = [];
  const validation: WindowRef[] = [];
  for (const raw of options.sequences) {
    const sequence = resampleSequence(raw, fps);
    const split = timeBlockSplit(sequence.length, { blocks: options.blocks ?? 5, validationBlock: options.validationBlock ?? -1 });
    train.push(...cutWindows(sequence, { size: frames, stride, ranges: split.train }));
    validation.push(...cutWindows(sequence, { size: frames, stride, ranges: split.validation }));
  }
  for (const clip of options.trainClips ?? []) train.push(...cutWindows(resampleSequence(clip, fps), { size: frames, stride, unlabelled }));
  for (const clip of options.validationClips ?? []) validation.push(...cutWindows(resampleSequence(clip, fps), { size: frames, stride, unlabelled }));
  if (train.length === 0) throw new TrainingDataError('no-data', sourcesOf(options.sequences), `no training windows of ${frames} frames`);

  const byClass = new Map<string, WindowRef[]>();
  if (train.some((r) => r.label === unlabelled)) byClass.set(unlabelled, []);
  for (const ref of train) (byClass.get(ref.label) ?? byClass.set(ref.label, []).get(ref.label)!).push(ref);
  const minWindows = options.minWindows ?? 20;
  for (const [label, refs] of byClass) {
    if (refs.length < minWindows) {
      const files = [...new Set(refs.map((r) => r.sequence.source))].join(', ');
      throw new TrainingDataError('too-few-windows', files, `class ${JSON.stringify(label)} has ${refs.length} training windows of ${frames} frames; at least ${minWindows} are needed`);
    }
  }
  const labels = [...byClass.keys()];
  const index = new Map(labels.map((l, i) => [l, i]));
  const valRefs = validation.filter((r) => index.has(r.label));
  const counts: DatasetCounts = { train: countBy(train, (r) => r.label), validation: countBy(valRefs, (r) => r.label), sources: countBy([...train, ...valRefs], (r) => r.sequence.source) };

  const model = createGestureModel({ classes: labels.length, kind: options.kind ?? 'gru', frames, seed });
  const valWindows = valRefs.map((r) => extractWindow(r, frames));
  const valTruth = valRefs.map((r) => index.get(r.label)!);
  const epochs = options.epochs ?? 20;
  const batchSize = options.batchSize ?? 64;
  const perClass = options.perClass ?? 300;
  const per = frames * 63;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const batch: Array<{ x: Float32Array; y: number }> = [];
    for (const [label, refs] of byClass) {
      for (let i = 0; i < perClass; i++) batch.push(sample(rng.pick(refs), label, index, frames, rng, options.augment));
    }
    rng.shuffle(batch);
    let loss = 0;
    let accuracy = 0;
    let steps = 0;
    for (let at = 0; at < batch.length; at += batchSize) {
      const part = batch.slice(at, at + batchSize);
      const xs = new Float32Array(part.length * per);
      part.forEach((s, i) => xs.set(s.x, i * per));
      const [l, a] = tf.tidy(() => {
        const x = tf.tensor4d(xs, [part.length, frames, 21, 3]);
        const y = tf.oneHot(tf.tensor1d(part.map((s) => s.y), 'int32'), labels.length);
        return [x, y];
      }) as [tf.Tensor, tf.Tensor];
      const result = (await model.trainOnBatch(l, a)) as number[];
      l.dispose();
      a.dispose();
      loss += result[0] ?? 0;
      accuracy += result[1] ?? 0;
      steps++;
    }
    const validate = epoch % (options.validateEvery ?? 1) === 0 || epoch === epochs;
    const validationAccuracy = validate && valWindows.length > 0 ? accuracyOf((await predictWindows(model, valWindows, frames)).classes, valTruth) : Number.NaN;
    options.onEpoch?.({ epoch, epochs, loss: loss / steps, accuracy: accuracy / steps, validationAccuracy });
  }
  const predicted = (await predictWindows(model, valWindows, frames)).classes;
  const report = gestureReport(labels, valTruth, predicted, valRefs.map((r) => r.sequence.source));
  return { model, labels, counts, report, metadata: { features: WINDOW_FEATURES, frames, fps, labels } };
}

function sample(ref: WindowRef, label: string, index: Map<string, number>, frames: number, rng: Rng, augment: TrainGestureOptions['augment']): { x: Float32Array; y: number } {
  const maxSpeed = augment?.speed ?? 1.25;
  const speed = Math.exp(rng.uniform(-1, 1) * Math.log(maxSpeed));
  const raw = extractWindow(ref, frames, speed);
  const mirrorable = index.has(mirrorLabel(label));
  const { window, mirrored } = augmentWindow(raw, rng, { ...augment, mirror: mirrorable ? (augment?.mirror ?? 0.5) : 0 });
  return { x: windowFeatures(window, frames), y: index.get(mirrored ? mirrorLabel(label) : label)! };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function accuracyOf(predicted: readonly number[], truth: readonly number[]): number {
  return truth.length === 0 ? 0 : predicted.filter((p, i) => p === truth[i]).length / truth.length;
}

function sourcesOf(sequences: readonly LabelledSequence[]): string {
  return [...new Set(sequences.map((s) => s.source))].join(', ') || '<no input>';
}
