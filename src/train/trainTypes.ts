/** Types of the gesture training and evaluation code (`posestream train` / `posestream eval`). */
import type { Handedness } from '../types.js';

/** A labelled span of frames, inclusive indices into its sequence (like a recording's label line). */
export interface FrameSpan {
  /** The gesture's label. */
  label: string;
  /** Index of the span's first frame. */
  startFrame: number;
  /** Index of the span's last frame (inclusive). */
  endFrame: number;
}

/** One hand's frames from one take, with its labelled spans: what windows are cut from. */
export interface LabelledSequence {
  /** Where it came from (file path, optionally `#take`): used in every error message. */
  source: string;
  /** Frame rate the frames are sampled at. */
  fps: number;
  /** Number of frames (T). */
  length: number;
  /** T*21*3 raw image landmarks, frame-major (x, y image-normalised; z relative depth). */
  frames: Float32Array;
  /**
   * Each frame's timestamp, ms (non-decreasing), as recorded: `resampleSequence` interpolates on these, as the live
   * `slidingWindow` does. Absent, frames are taken as evenly spaced at `fps`.
   */
  timestamps?: Float64Array;
  /** Handedness the estimator reported (majority over frames), when known. */
  handedness?: Handedness;
  /** The labelled spans, in frame order (windows touching none get `cutWindows`'s `unlabelled` label). */
  labels: FrameSpan[];
}

/** A window ready for training or evaluation: raw landmarks (not yet through `windowFeatures`). */
export interface LabelledWindow {
  /** N*21*3 raw landmarks. */
  window: Float32Array;
  /** The window's true class. */
  label: string;
  /** The sequence it was cut from (its `source`). */
  source: string;
  /** Index of the window's last frame in that sequence. */
  endFrame: number;
}

/** Dataset counts: windows per class, per split and per source. */
export interface DatasetCounts {
  /** Training windows per class. */
  train: Record<string, number>;
  /** Validation windows per class. */
  validation: Record<string, number>;
  /** Windows per source file (train + validation). */
  sources: Record<string, number>;
}

/** Per-class figures of a report. */
export interface ClassMetrics {
  /** Of the windows predicted as this class, the fraction that are (0..1). */
  precision: number;
  /** Of the windows of this class, the fraction predicted as it (0..1). */
  recall: number;
  /** Harmonic mean of precision and recall (0..1). */
  f1: number;
  /** Number of windows whose true class this is. */
  support: number;
}

/** What `posestream train` writes to report.json and `posestream eval` prints. */
export interface GestureReport {
  /** The model's labels, in output order. */
  labels: string[];
  /** Fraction of windows whose argmax is the true class. */
  accuracy: number;
  /** Precision, recall, F1 and support of each label. */
  perClass: Record<string, ClassMetrics>;
  /** confusion[true][predicted], in `labels` order. */
  confusion: number[][];
  /** Number of windows evaluated. */
  windows: number;
  /** Accuracy per source (file), so a held-out take can be read on its own. */
  perSource: Record<
    string,
    {
      /** Fraction of the source's windows whose argmax is the true class. */
      accuracy: number;
      /** Number of the source's windows evaluated. */
      windows: number;
    }
  >;
}

/** The model kinds `createGestureModel` builds. Both train on the wasm backend. */
export type GestureModelKind = 'gru' | 'dense';
