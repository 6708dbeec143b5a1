import * as tf from './trainingTfjs.js';
import { windowFeatures } from '../filters/windowFeatures.js';

/** What {@link predictWindows} resolves to, one entry per window in input order. */
export interface PredictedWindows {
  /** Index (into the model's labels) of each window's best class. */
  classes: number[];
  /** Each window's scores, one per label. */
  scores: Float32Array[];
}

/**
 * Runs a gesture model over raw windows (each N*21*3 floats): applies `features` (default `windowFeatures`), predicts in batches and
 * returns the index of the best class for each window, plus the scores.
 *
 * @example
 * ```ts
 * import { predictWindows } from 'posestream/train';
 * const { classes } = await predictWindows(model, windows, 30);
 * ```
 */
export async function predictWindows(
  model: tf.LayersModel,
  windows: readonly Float32Array[],
  frames: number,
  batchSize = 256,
  features: (packed: Float32Array, frames: number) => Float32Array = windowFeatures,
): Promise<PredictedWindows> {
  const classes: number[] = [];
  const scores: Float32Array[] = [];
  const per = frames * 63;
  const rank4 = model.inputs[0]?.shape.length === 4;
  for (let at = 0; at < windows.length; at += batchSize) {
    const batch = windows.slice(at, at + batchSize);
    const data = new Float32Array(batch.length * per);
    batch.forEach((w, i) => data.set(features(w, frames), i * per));
    const out = tf.tidy(() => {
      const x = rank4 ? tf.tensor4d(data, [batch.length, frames, 21, 3]) : tf.tensor3d(data, [batch.length, frames, 63]);
      return model.predict(x) as tf.Tensor2D;
    });
    const values = await out.data();
    const k = out.shape[1];
    out.dispose();
    for (let i = 0; i < batch.length; i++) {
      const row = Float32Array.from(values.subarray(i * k, (i + 1) * k));
      let best = 0;
      for (let c = 1; c < k; c++) if ((row[c] as number) > (row[best] as number)) best = c;
      classes.push(best);
      scores.push(row);
    }
  }
  return { classes, scores };
}
