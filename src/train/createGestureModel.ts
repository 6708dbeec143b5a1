import * as tf from './trainingTfjs.js';
import type { GestureModelKind } from './trainTypes.js';

/** Options of {@link createGestureModel}. */
export interface GestureModelOptions {
  /** Number of classes (output units). */
  classes: number;
  /** `gru`: per-frame Dense then a GRU; `dense`: an MLP over the flattened window. @default 'gru' */
  kind?: GestureModelKind;
  /** Frames per window (N); the input is [null, N, 21, 3]. @default 30 */
  frames?: number;
  /** Width of the per-frame Dense layer (`'gru'`; twice it for the first Dense layer of `'dense'`). @default 64 */
  frameUnits?: number;
  /** Width of the GRU (`'gru'`) or of the second Dense layer (`'dense'`). @default 48 */
  recurrentUnits?: number;
  /** Dropout rate before the output layer. @default 0.2 */
  dropout?: number;
  /** Seed of every initialiser and of the dropout mask: the same seed builds the same model. @default 1 */
  seed?: number;
}

/**
 * Builds a small temporal gesture classifier (compiled: Adam, categorical cross-entropy) whose input is the
 * output of `windowFeatures`, shape [null, N, 21, 3], and whose output is one softmax score per class.
 * Only layers that train on the tfjs wasm backend (Dense, GRU) are used; all initialisers are seeded.
 *
 * @example
 * ```ts
 * import { createGestureModel } from 'posestream/train';
 * const model = createGestureModel({ classes: 8, kind: 'gru', seed: 7 });
 * ```
 */
export function createGestureModel(options: GestureModelOptions): tf.LayersModel {
  const kind = options.kind ?? 'gru';
  const frames = options.frames ?? 30;
  const seed = options.seed ?? 1;
  const frameUnits = options.frameUnits ?? 64;
  const recurrentUnits = options.recurrentUnits ?? 48;
  const dropout = options.dropout ?? 0.2;
  let n = 0;
  const glorot = () => tf.initializers.glorotUniform({ seed: seed * 1000 + n++ });
  const model = tf.sequential({ name: `posestream_gesture_${kind}` });
  model.add(tf.layers.inputLayer({ inputShape: [frames, 21, 3] }));
  if (kind === 'gru') {
    model.add(tf.layers.reshape({ targetShape: [frames, 63] }));
    model.add(tf.layers.dense({ units: frameUnits, activation: 'relu', kernelInitializer: glorot() }));
    model.add(
      tf.layers.gru({
        units: recurrentUnits,
        kernelInitializer: glorot(),
        recurrentInitializer: tf.initializers.orthogonal({ seed: seed * 1000 + n++ }),
      }),
    );
  } else {
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: frameUnits * 2, activation: 'relu', kernelInitializer: glorot() }));
    model.add(tf.layers.dense({ units: recurrentUnits, activation: 'relu', kernelInitializer: glorot() }));
  }
  if (dropout > 0) model.add(tf.layers.dropout({ rate: dropout, seed: seed * 1000 + n++ }));
  model.add(tf.layers.dense({ units: options.classes, activation: 'softmax', kernelInitializer: glorot() }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
