import type { GestureTrackerOptions } from './handMathTypes.js';
import type { TemplateFeatureWeights } from './templateFeatures.js';
import type { MissingHandPolicy } from '../operators/operatorTypes.js';

/** The `format` of a taught template model's JSON. */
export const TEMPLATE_MODEL_FORMAT = 'posestream-templates/v1';

/** One taught template: an example's frames as features (row-major `frames x dims`, rounded to 1e-4). */
export interface GestureTemplate {
  label: string;
  frames: number;
  data: number[];
}

/**
 * A taught gesture model: templates, per-class rejection thresholds and the settings it was taught with. Plain JSON
 * (`JSON.stringify` it to save it); `createClassifierWorker({ model })` loads it from a URL or path, or as the object.
 */
export interface TaughtGestureModel {
  format: typeof TEMPLATE_MODEL_FORMAT;
  /** The classifier's labels in score order: the taught gestures, then `none`. */
  labels: string[];
  /** `slidingWindow` resampling the model runs on (what it was taught with). */
  window: { frames: number; durationMs: number; minDurationMs?: number };
  onMissingHand: MissingHandPolicy;
  /** The longest gap bridged, ms (`slidingWindow`'s `maxGapMs`). */
  maxGapMs: number;
  /** The `stableGestures` settings chosen on held-out folds of the examples. */
  gestures: Required<Pick<GestureTrackerOptions, 'threshold' | 'minConsecutive' | 'cooldownMs'>>;
  features: { dims: number; weights: TemplateFeatureWeights };
  /** Subsequence DTW: frames the match may end before the window's end, and the cost of holding a frame. */
  matching: { endSlackFrames: number; skipPenalty: number };
  /** Per taught label: the template distance below which a window is that gesture (feature units). */
  thresholds: Record<string, number>;
  templates: GestureTemplate[];
  /** How it was taught: examples per label, the held-out folds' event-level scores, the wall time. */
  taught: { examples: Record<string, number>; folds: number; precision: number; recall: number; trainMs: number };
}

/** A taught model prepared for matching (templates as typed arrays, grouped by label index). @internal */
export interface PreparedTemplates {
  model: TaughtGestureModel;
  /** Index of `none` in `model.labels`. */
  noneIndex: number;
  /** Per template: the index of its label in `model.labels` and its features. */
  templates: Array<{ labelIndex: number; frames: number; data: Float32Array }>;
  /** Per label index: its threshold (NaN for `none`). */
  thresholds: Float64Array;
}
