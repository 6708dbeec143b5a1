import { InvalidPoseError } from '../errors.js';
import type { Hand, Landmark, PoseFrame } from '../types.js';
import { LANDMARKS_PER_HAND } from './validateHand.js';

/** Values before the first hand: index, timestamp, capturedAt, width, height, hand count. */
const HEADER = 6;
/** Values per hand before its landmarks: handedness (0 Left, 1 Right), score, has world landmarks (0/1). */
const HAND_HEADER = 3;
const COORDS = LANDMARKS_PER_HAND * 3;

function packedLength(frame: PoseFrame): number {
  let n = HEADER;
  for (const hand of frame.hands) n += HAND_HEADER + COORDS * (hand.worldLandmarks ? 2 : 1);
  return n;
}

function writePoints(out: Float64Array, at: number, points: readonly Landmark[]): number {
  for (let i = 0; i < LANDMARKS_PER_HAND; i++) {
    const p = points[i]!;
    out[at++] = p.x;
    out[at++] = p.y;
    out[at++] = p.z;
  }
  return at;
}

function readPoints(data: Float64Array, at: number): Landmark[] {
  const points: Landmark[] = new Array(LANDMARKS_PER_HAND);
  for (let i = 0; i < LANDMARKS_PER_HAND; i++, at += 3) points[i] = { x: data[at]!, y: data[at + 1]!, z: data[at + 2]! };
  return points;
}

/**
 * Packs a {@link PoseFrame} into one `Float64Array`, so that it crosses a thread as a transferred buffer instead of
 * a structured clone of ~50 objects per hand. `unpackPoseFrame` gives the frame back, value for value (absent
 * optional fields stay absent).
 *
 * Layout: `[index, timestamp, capturedAt, width, height, hands]`, then per hand `[handedness (0 Left, 1 Right),
 * score, hasWorld]`, 21 × (x, y, z) landmarks and, when `hasWorld`, 21 × (x, y, z) world landmarks; NaN marks an
 * absent optional field.
 *
 * Internal to the workers path (no public entry exports it).
 *
 * @throws InvalidPoseError when a hand does not have 21 landmarks (or 21 world landmarks, when it has any).
 * @example
 * ```ts
 * import { packPoseFrame } from '../filters/packPoseFrame.js'; // withHandStream
 * const data = packPoseFrame(frame);
 * port.postMessage(data, [data.buffer]); // transferred: `data` is empty here afterwards
 * ```
 * @internal
 */
export function packPoseFrame(frame: PoseFrame): Float64Array {
  const out = new Float64Array(packedLength(frame));
  out[0] = frame.index;
  out[1] = frame.timestamp;
  out[2] = frame.capturedAt ?? NaN;
  out[3] = frame.width ?? NaN;
  out[4] = frame.height ?? NaN;
  out[5] = frame.hands.length;
  let at = HEADER;
  frame.hands.forEach((hand, h) => {
    const world = hand.worldLandmarks;
    if (hand.landmarks.length !== LANDMARKS_PER_HAND || (world !== undefined && world.length !== LANDMARKS_PER_HAND)) {
      throw new InvalidPoseError(
        `packPoseFrame: frame ${frame.index} hand ${h} has ${hand.landmarks.length} landmarks and ${world?.length ?? 0} world landmarks; expected ${LANDMARKS_PER_HAND}`,
      );
    }
    out[at++] = hand.handedness === 'Right' ? 1 : 0;
    out[at++] = hand.score;
    out[at++] = world ? 1 : 0;
    at = writePoints(out, at, hand.landmarks);
    if (world) at = writePoints(out, at, world);
  });
  return out;
}

/**
 * The {@link PoseFrame} that `packPoseFrame` packed.
 *
 * Internal to the workers path (no public entry exports it).
 *
 * @throws InvalidPoseError when `data` is shorter or longer than its own header says (not a packed pose frame).
 * @example
 * ```ts
 * import { unpackPoseFrame } from '../filters/packPoseFrame.js'; // runOnWorkers, withGestureStream
 * port.onmessage = (e) => draw(unpackPoseFrame(e.data));
 * ```
 * @internal
 */
export function unpackPoseFrame(data: Float64Array): PoseFrame {
  const count = data[5];
  if (data.length < HEADER || count === undefined || !Number.isInteger(count) || count < 0) {
    throw new InvalidPoseError(`unpackPoseFrame: ${data.length} values do not start with a pose frame header`);
  }
  const frame: PoseFrame = { index: data[0]!, timestamp: data[1]!, hands: [] };
  if (!Number.isNaN(data[2])) frame.capturedAt = data[2]!;
  if (!Number.isNaN(data[3])) frame.width = data[3]!;
  if (!Number.isNaN(data[4])) frame.height = data[4]!;
  let at = HEADER;
  for (let h = 0; h < count; h++) {
    const hasWorld = data[at + 2] === 1;
    if (at + HAND_HEADER + COORDS * (hasWorld ? 2 : 1) > data.length) {
      throw new InvalidPoseError(`unpackPoseFrame: frame ${frame.index} is cut short in hand ${h} (${data.length} values)`);
    }
    const hand: Hand = { handedness: data[at] === 1 ? 'Right' : 'Left', score: data[at + 1]!, landmarks: readPoints(data, at + HAND_HEADER) };
    at += HAND_HEADER + COORDS;
    if (hasWorld) {
      hand.worldLandmarks = readPoints(data, at);
      at += COORDS;
    }
    frame.hands.push(hand);
  }
  if (at !== data.length) throw new InvalidPoseError(`unpackPoseFrame: frame ${frame.index} has ${data.length - at} values after its ${count} hands`);
  return frame;
}
