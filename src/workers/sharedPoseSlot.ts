import { unpackPoseFrame } from '../filters/packPoseFrame.js';
import type { PoseFrame } from '../types.js';
import { POSE_SEQUENCE, type SharedResultsViews } from './sharedResults.js';

/**
 * Writes a packed pose frame (`packPoseFrame`) into the shared pose slot (a sequence lock: the sequence is odd while
 * the values change), replacing the frame there. Returns `false`, writing nothing, when the frame has more hands
 * than the slot has room for. The writer rings the doorbell afterwards.
 * @internal
 */
export function writeSharedPose(views: SharedResultsViews, data: Float64Array): boolean {
  if (data.length + 1 > views.pose.length) return false;
  Atomics.add(views.ints, POSE_SEQUENCE, 1);
  views.pose[0] = data.length;
  views.pose.set(data, 1);
  Atomics.add(views.ints, POSE_SEQUENCE, 1);
  return true;
}

/**
 * The pose frame in the shared slot when it is newer than sequence `since`, with its sequence; `undefined` when
 * there is none newer or the writer is changing it now (it rings the doorbell when done, so the reader reads it
 * then). The frame is unpacked straight from the shared memory (no copy of the slot first) and kept only if the
 * sequence did not move meanwhile.
 * @internal
 */
export function readSharedPose(views: SharedResultsViews, since: number): { sequence: number; frame: PoseFrame } | undefined {
  const sequence = Atomics.load(views.ints, POSE_SEQUENCE);
  if (sequence === since || sequence % 2 !== 0) return undefined;
  const length = views.pose[0]!;
  if (!(length > 0 && length < views.pose.length)) return undefined;
  let frame: PoseFrame;
  try {
    frame = unpackPoseFrame(views.pose.subarray(1, 1 + length));
  } catch (error) {
    if (Atomics.load(views.ints, POSE_SEQUENCE) !== sequence) return undefined; // a torn read: read again on its ring
    throw error;
  }
  if (Atomics.load(views.ints, POSE_SEQUENCE) !== sequence) return undefined; // written meanwhile: read again on its ring
  return { sequence, frame };
}
