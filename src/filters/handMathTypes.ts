/** Option shapes of the hand-math filters and the operators built on them. */
import type { GestureEndReason, GestureEvent, Landmark, PoseFrame, Prediction } from '../types.js';

/** Options of {@link normalizeLandmarks}. */
export interface NormalizeLandmarksOptions {
  /**
   * Flip x after centring (a left hand then looks like a right hand).
   * @default false
   */
  mirror?: boolean;
  /**
   * Measures the palm the landmarks are divided by. The default is the 3-D distance from the wrist
   * (landmark 0) to the middle-finger MCP joint (landmark 9), measured after the aspect correction.
   * @default wrist-to-middle-MCP distance
   */
  palmSize?: (landmarks: readonly Landmark[]) => number;
  /**
   * Image width / height. When given, y is multiplied by height / width before anything else, so x, y (and z,
   * which MediaPipe scales like x) share one unit and a hand keeps its shape in a non-square image.
   * @default 1 (no correction)
   */
  aspect?: number;
  /**
   * Frame index named in the error a degenerate hand raises.
   * @default undefined
   */
  frameIndex?: number;
}

/** Options of the `normalizeHand` operator. */
export interface NormalizeHandOptions {
  /**
   * Flip x and swap handedness (Left <-> Right).
   * @default false
   */
  mirror?: boolean;
  /**
   * Palm measure; see {@link NormalizeLandmarksOptions.palmSize}.
   * @default wrist-to-middle-MCP distance
   */
  palmSize?: (landmarks: readonly Landmark[]) => number;
  /**
   * Correct image landmarks for the frame's aspect ratio when the frame carries `width` and `height`.
   * @default true
   */
  correctAspect?: boolean;
  /**
   * Also normalise `worldLandmarks` (with their own palm size) when a hand has them.
   * @default true
   */
  world?: boolean;
}

/** One Euro filter parameters (Casiez et al., CHI 2012), shared by every landmark coordinate. */
export interface OneEuroOptions {
  /**
   * Minimum cutoff frequency, Hz. Lower removes more jitter at rest (and adds lag at rest).
   * @default 1
   */
  minCutoff?: number;
  /**
   * Speed coefficient: the cutoff grows by `beta` Hz per unit/s of speed. Higher follows fast moves with less
   * lag. The default suits image-normalised coordinates (0..1).
   * @default 10
   */
  beta?: number;
  /**
   * Cutoff frequency of the derivative filter, Hz.
   * @default 1
   */
  dCutoff?: number;
  /**
   * Sampling rate assumed for the second sample of a hand, before timestamps give the real one, Hz.
   * @default 30
   */
  frequency?: number;
  /**
   * Also smooth `worldLandmarks` when a hand has them.
   * @default true
   */
  world?: boolean;
}

/** Options of the gesture state machine and the `stableGestures` operator. */
export interface GestureTrackerOptions {
  /**
   * Minimum score for a prediction to agree with its label.
   * @default 0.8
   */
  threshold?: number;
  /**
   * Agreeing predictions in a row that start a gesture, and disagreeing ones in a row that end it.
   * @default 3
   */
  minConsecutive?: number;
  /**
   * Labels that never start a gesture (they still end one).
   * @default ['none']
   */
  ignore?: readonly string[];
  /**
   * Cooldown after an end, ms on `windowEndTimestamp`: the predictions up to the one that ended a gesture,
   * and those less than `cooldownMs` after it, do not count towards a new gesture. 0 disables it (a label
   * that took over starts at once).
   * @default 500
   */
  cooldownMs?: number;
  /**
   * Whether a held gesture performed again ends and starts anew: a prediction of the held label whose `match`
   * (where the classifier found it; taught template models say) begins after the match that started the held
   * gesture ended is a second performance, not the first one seen again. Predictions without `match` are never split.
   * @default true
   */
  splitRepeats?: boolean;
}

/** A bank of One Euro filters for one set of landmarks (one filter per landmark per axis). */
export interface LandmarkFilter {
  /** Filters one set of landmarks seen at `timestampSeconds`; returns new landmarks. */
  filter(landmarks: readonly Landmark[], timestampSeconds: number): Landmark[];
}

/** Smooths whole frames, one {@link LandmarkFilter} per hand, hands tracked by handedness. */
export interface HandSmoother {
  /** Returns a copy of `frame` whose hands' landmarks are filtered (timestamps from `frame.timestamp`, ms). */
  smooth(frame: PoseFrame): PoseFrame;
  /** Number of hands currently tracked (filters alive). */
  readonly trackedHands: number;
  /** Forgets every hand (frees the filters). */
  reset(): void;
}

/** The gesture state machine behind `stableGestures`: feed predictions, get gesture events. */
export interface GestureTracker {
  /** Feeds one prediction; returns the events it causes (0, 1 or 2: an end, then a start). */
  push(prediction: Prediction): GestureEvent[];
  /** Ends the gesture in progress, if any (the source completed); returns its `end` event. */
  flush(): GestureEvent[];
  /**
   * Cuts the gesture in progress short, if any: returns its `end` event with `reason`, and forgets every run in
   * progress and the cooldown, as a new tracker would start.
   */
  cancel(reason: GestureEndReason): GestureEvent[];
  /** The label of the gesture in progress, or undefined. */
  readonly active: string | undefined;
}
