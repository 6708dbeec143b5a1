/** Types of the gesture training and evaluation code (`posestream train` / `posestream eval`). */
import type { Handedness } from '../types.js';

/** A labelled span of frames, inclusive indices into its sequence (like a recording's label line). */
export interface FrameSpan {
  label: string;
  startFrame: number;
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
  labels: FrameSpan[];
}

/** A window ready for training or evaluation: raw landmarks (not yet through `windowFeatures`). */
export interface LabelledWindow {
  /** N*21*3 raw landmarks. */
  window: Float32Array;
  label: string;
  /** The sequence it was cut from, and the index of its last frame there. */
  source: string;
  endFrame: number;
}

/** Dataset counts: windows per class, per split and per source. */
export interface DatasetCounts {
  train: Record<string, number>;
  validation: Record<string, number>;
  /** Windows per source file (train + validation). */
  sources: Record<string, number>;
}

/** Per-class figures of a report. */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Number of windows whose true class this is. */
  support: number;
}

/** What `posestream train` writes to report.json and `posestream eval` prints. */
export interface GestureReport {
  labels: string[];
  /** Fraction of windows whose argmax is the true class. */
  accuracy: number;
  perClass: Record<string, ClassMetrics>;
  /** confusion[true][predicted], in `labels` order. */
  confusion: number[][];
  /** Number of windows evaluated. */
  windows: number;
  /** Accuracy per source (file), so a held-out take can be read on its own. */
  perSource: Record<string, { accuracy: number; windows: number }>;
}

/** The model kinds `createGestureModel` builds. Both train on the wasm backend. */
export type GestureModelKind = 'gru' | 'dense';
