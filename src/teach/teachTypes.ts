import type { SwipeOptions } from '../filters/swipeTypes.js';
import type { TemplateFeatureWeights } from '../filters/templateFeatures.js';
import type { TaughtGestureModel, TaughtWindow } from '../filters/templateTypes.js';
import type { MissingHandPolicy } from '../operators/operatorTypes.js';
import type { RecordingLabel } from '../streams/recordingTypes.js';
import type { PoseFrame } from '../types.js';

/**
 * One performance of a gesture: pose frames (e.g. from `pipeline.poses$`) and its label. The gesture is the frames
 * from `startFrame` to `endFrame` (`PoseFrame.index` values, inclusive); the label `none` marks "anything else".
 */
export interface GestureExample {
  /** The gesture's name, or `none` for "anything else". */
  label: string;
  /** The frames of the performance (a little before and after the gesture is fine). */
  frames: readonly PoseFrame[];
  /** `PoseFrame.index` of the gesture's first frame. @default the first frame's index */
  startFrame?: number;
  /** `PoseFrame.index` of the gesture's last frame. @default the last frame's index */
  endFrame?: number;
}

/** A continuous recording with label spans (a posestream/v1 recording read by `readRecording`): frames outside every span are `none`. */
export interface LabelledRecording {
  /** Its frames, in time order. */
  frames: readonly PoseFrame[];
  /** Its label spans (`PoseFrame.index` values, inclusive). */
  labels: readonly RecordingLabel[];
  /** Names the recording in errors. @default 'recording <i>' */
  name?: string;
}

/** What a gesture model is taught from: examples, recordings with label lines, or both. */
export interface TeachingInput {
  /** @default [] */
  examples?: readonly GestureExample[];
  /** @default [] */
  recordings?: readonly LabelledRecording[];
}

/** Options of teaching (`createGestureTrainer`, `teachGestureModel`). */
export interface TeachOptions {
  /**
   * The `slidingWindow` resampling the model is taught and run with (frames over ms; a window starts once
   * `minDurationMs` is covered).
   * @default { frames: 30, durationMs: 2000, minDurationMs: 1000 }
   */
  window?: TaughtWindow;
  /** `slidingWindow`'s missing-hand policy. @default 'skip' */
  onMissingHand?: MissingHandPolicy;
  /** `slidingWindow`'s `maxGapMs`, ms. @default 500 */
  maxGapMs?: number;
  /** Which hand feeds the windows. @default 'first' */
  hand?: 'first' | 'Left' | 'Right' | 'largest';
  /** Fewest examples a taught gesture needs (a `TeachingError` names a class with fewer). @default 3 */
  minExamples?: number;
  /** Most templates kept per gesture (evenly spaced over its examples; every example still tunes the thresholds). @default 16 */
  templatesPerClass?: number;
  /** Held-out folds the `stableGestures` settings are chosen on (at most the smallest class's example count). @default 5 */
  folds?: number;
  /** How long (ms) after a gesture's end its template still matches the window's end. @default chosen on the folds from 300, 500 and 800 */
  endSlackMs?: number;
  /** Subsequence DTW's cost of holding a frame (fraction of the frame distance). @default 0.5 */
  skipPenalty?: number;
  /** Feature weights. @default DEFAULT_TEMPLATE_FEATURE_WEIGHTS */
  featureWeights?: TemplateFeatureWeights;
  /** Cost of a falsely accepted window against a missed example, as rates (per-class thresholds). @default chosen on the folds from 0.5, 1 and 2 */
  falseAcceptCost?: number;
  /** Most `none` windows (outside every span) used to learn the thresholds, evenly spaced. @default 600 */
  maxNoneWindows?: number;
  /**
   * Keep the four swipes: the taught model runs the swipe recogniser beside its gestures, with these options (`{}`:
   * its defaults; see `TaughtGestureModel.swipes`). A taught label named like a swipe is then a `TeachingError`.
   * @default undefined (taught gestures only)
   */
  swipes?: SwipeOptions;
}

/** What teaching reports as it goes (`step`, `done` of `total` units of it, the score so far, the time left). */
export interface TeachProgress {
  /** Always `'progress'`. */
  type: 'progress';
  /** The step teaching is at. */
  step: 'checking' | 'features' | 'matching' | 'folds' | 'settings';
  /** Units of the step done. */
  done: number;
  /** Units of the step in all. */
  total: number;
  /** The held-out folds' event-level F1 (0..1) once known. */
  score?: number;
  /** Estimated time left, ms. */
  timeLeftMs?: number;
}

/** The last value of teaching: the taught model and its held-out score. */
export interface TeachDone {
  /** Always `'done'`. */
  type: 'done';
  /** The taught model: plain JSON, ready for `createClassifierWorker({ model })` or `pipeline.useGestureModel`. */
  model: TaughtGestureModel;
  /** The held-out folds' event-level F1 at the chosen settings (0..1). */
  score: number;
  /** Wall time of teaching, ms. */
  trainMs: number;
}

/** What `createGestureTrainer(...).teach()` emits. */
export type TeachEvent = TeachProgress | TeachDone;
