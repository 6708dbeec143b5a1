import { InvalidPoseError } from '../errors.js';
import { implausibleHandValue } from '../filters/validateHand.js';
import type { Landmark, PoseFrame } from '../types.js';
import type { RecordingHeader, RecordingLabel } from '../streams/recordingTypes.js';

/** Decimal places written: landmarks (normalised and world) 5, scores 4, timestamps 3 (microseconds).  @internal */
export const RECORDING_PRECISION = { landmark: 5, score: 4, t: 3 } as const;

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f || 0;
};

/**
 * Formats a recording's header as one NDJSON line (no newline). Absent fields are left out.
 *
 * @internal
 */
export function formatHeaderLine(header: RecordingHeader): string {
  const { format, fps, width, height, source } = header;
  return JSON.stringify({ format, fps, width, height, source });
}

/**
 * Formats one frame as an NDJSON line (no newline): `{"frame":i,"t":ms,"hands":[...]}` with landmarks as `[x,y,z]`
 * rounded to {@link RECORDING_PRECISION} (5 decimals), scores to 4 and `t` to 3 decimals; world landmarks go in
 * `"world"`. Throws `InvalidPoseError` for a hand without exactly 21 landmarks, a non-finite number or one outside
 * its plausible range (`HAND_VALUE_RANGES`: what the reader rejects as `'out-of-range'`), so what is written can
 * always be read back.
 *
 * @internal
 */
export function formatFrameLine(frame: PoseFrame): string {
  const check = (v: number, what: string): number => {
    if (!Number.isFinite(v)) throw new InvalidPoseError(`frame ${frame.index}: ${what} is not finite (${v})`, frame.index);
    return v;
  };
  const points = (landmarks: readonly Landmark[], what: string): number[][] => {
    if (landmarks.length !== 21) {
      throw new InvalidPoseError(`frame ${frame.index}: ${what} has ${landmarks.length} landmarks, expected 21`, frame.index);
    }
    return landmarks.map((p, i) => [
      round(check(p.x, `${what}[${i}].x`), RECORDING_PRECISION.landmark),
      round(check(p.y, `${what}[${i}].y`), RECORDING_PRECISION.landmark),
      round(check(p.z, `${what}[${i}].z`), RECORDING_PRECISION.landmark),
    ]);
  };
  const hands = frame.hands.map((hand, h) => {
    const out: Record<string, unknown> = {
      handedness: hand.handedness,
      score: round(check(hand.score, `hands[${h}].score`), RECORDING_PRECISION.score),
      landmarks: points(hand.landmarks, `hands[${h}].landmarks`),
    };
    if (hand.worldLandmarks) out['world'] = points(hand.worldLandmarks, `hands[${h}].world`);
    // Finite (checked above), but maybe far outside what the reader accepts.
    const implausible = implausibleHandValue(hand);
    if (implausible !== undefined) throw new InvalidPoseError(`frame ${frame.index}: hands[${h}].${implausible}`, frame.index);
    return out;
  });
  return JSON.stringify({ frame: frame.index, t: round(check(frame.timestamp, 'timestamp'), RECORDING_PRECISION.t), hands });
}

/**
 * Formats a label as an NDJSON line (no newline): `{"label":"swipe_left","startFrame":10,"endFrame":40}`.
 *
 * @internal
 */
export function formatLabelLine(label: RecordingLabel): string {
  return JSON.stringify({ label: label.label, startFrame: label.startFrame, endFrame: label.endFrame });
}
