import type { GestureTrackerOptions } from './handMathTypes.js';
import type { TemplateFeatureWeights } from './templateFeatures.js';
import type { MissingHandPolicy } from '../operators/operatorTypes.js';
import type { ResolvedSwipeOptions } from './resolveSwipeOptions.js';
import type { SwipeOptions } from './swipeTypes.js';

/** The `format` of a taught template model's JSON. */
export const TEMPLATE_MODEL_FORMAT = 'posestream-templates/v1';

/** One taught template: an example's frames as features (row-major `frames x dims`, rounded to 1e-4). */
export interface GestureTemplate {
  /** The gesture it is an example of. */
  label: string;
  /** Its length, in window instants. */
  frames: number;
  /** Its features, `frames x features.dims` numbers, row-major. */
  data: number[];
}

/**
 * A taught gesture model: templates, per-class rejection thresholds and the settings it was taught with. Plain JSON
 * (`JSON.stringify` it to save it); `createClassifierWorker({ model })` loads it from a URL or path, or as the object.
 */
export interface TaughtGestureModel {
  /** Always {@link TEMPLATE_MODEL_FORMAT}: how a loader tells this JSON from a TensorFlow.js model.json. */
  format: typeof TEMPLATE_MODEL_FORMAT;
  /** The classifier's labels in score order: the taught gestures, then `none`. */
  labels: string[];
  /** `slidingWindow` resampling the model runs on (what it was taught with). */
  window: TaughtWindow;
  /** `slidingWindow`'s missing-hand policy it was taught with. */
  onMissingHand: MissingHandPolicy;
  /** The longest gap bridged, ms (`slidingWindow`'s `maxGapMs`). */
  maxGapMs: number;
  /** The `stableGestures` settings chosen on held-out folds of the examples. */
  gestures: Required<Pick<GestureTrackerOptions, 'threshold' | 'minConsecutive' | 'cooldownMs'>> & Pick<GestureTrackerOptions, 'splitRepeats'>;
  /** The per-frame features the templates hold. */
  features: TaughtFeatures;
  /** How a window is matched against the templates. */
  matching: TaughtMatching;
  /** Per taught label: the template distance below which a window is that gesture (feature units). */
  thresholds: Record<string, number>;
  /** The templates, every taught label's and `none`'s. */
  templates: GestureTemplate[];
  /**
   * Run the swipe recogniser beside the taught gestures, with these options (`{}`: its defaults): its four swipes
   * join the labels the classifier scores (`taughtModelLabels`), on the model's own windows. Absent: taught
   * gestures only. A swipe longer than about the window's span is not seen: teach with `window.durationMs: 3000` to
   * keep slow swipes.
   */
  swipes?: SwipeOptions;
  /** How it was taught. */
  taught: TaughtRecord;
}

/** The `slidingWindow` resampling a taught model runs on. */
export interface TaughtWindow {
  /** Instants per window. */
  frames: number;
  /** The span they cover, ms. */
  durationMs: number;
  /** How much of the span real frames must cover before a window starts, ms. @default durationMs */
  minDurationMs?: number;
}

/** The features of a taught model's templates. */
export interface TaughtFeatures {
  /** Numbers per frame. */
  dims: number;
  /** The weight of each feature group in the frame distance. */
  weights: TemplateFeatureWeights;
}

/** How a taught model matches a window (subsequence dynamic time warping). */
export interface TaughtMatching {
  /** Instants the match may end before the window's end. */
  endSlackFrames: number;
  /** The cost of holding a frame, as a fraction of the frame distance. */
  skipPenalty: number;
}

/** How a model was taught. */
export interface TaughtRecord {
  /** Examples per label. */
  examples: Record<string, number>;
  /** Held-out folds the settings were chosen on. */
  folds: number;
  /** The folds' event-level precision at the chosen settings, 0..1. */
  precision: number;
  /** The folds' event-level recall at the chosen settings, 0..1. */
  recall: number;
  /** Wall time of teaching, ms. */
  trainMs: number;
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
  /** The swipe recogniser's options, resolved once, when the model runs it beside its templates. */
  swipes?: ResolvedSwipeOptions;
}
