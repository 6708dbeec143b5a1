import { WINDOW_FEATURES, windowFeatures } from '../filters/windowFeatures.js';
import { PALM_MOTION_FEATURES, palmMotionFeatures } from '../train/palmMotionFeatures.js';
import { ModelLoadError } from './workerErrors.js';

/** Turns a packed N x 21 x 3 window into what a model takes. */
export type FeatureTransform = (packed: Float32Array, frames: number) => Float32Array;

/**
 * The input transforms this version knows, by the name a model's metadata gives (`wrist-trajectory-v1`,
 * `palm-motion-v1`): the one table the classifier worker, the model loader and training read.
 *
 * @internal
 */
export const FEATURE_TRANSFORMS: Readonly<Record<string, FeatureTransform>> = Object.freeze({
  [WINDOW_FEATURES]: windowFeatures,
  [PALM_MOTION_FEATURES]: palmMotionFeatures,
});
const transforms = FEATURE_TRANSFORMS;

/**
 * The input transform a posestream-trained model declares in model.json (`userDefinedMetadata.posestream.features`),
 * so that live inference feeds it exactly what training did. A model without that metadata gets raw packed windows;
 * one that names a transform this version does not know is refused with a `ModelLoadError` naming the model.
 *
 * Internal to the classifier worker and training (no public entry exports it).
 *
 * @example
 * ```ts
 * import { featureTransformFor } from './modelFeatures.js'; // the classifier worker
 * const transform = featureTransformFor(model.getUserDefinedMetadata(), 'models/default/model.json');
 * ```
 * @internal
 */
export function featureTransformFor(metadata: unknown, source: string): FeatureTransform | undefined {
  const posestream = (metadata as { posestream?: { features?: unknown } } | undefined)?.posestream;
  const name = posestream?.features;
  if (name === undefined) return undefined;
  const transform = typeof name === 'string' ? transforms[name] : undefined;
  if (!transform) {
    throw new ModelLoadError(source, `model ${source} wants input features ${JSON.stringify(name)}; this posestream knows ${Object.keys(transforms).join(', ')}`);
  }
  return transform;
}
