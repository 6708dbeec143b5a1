/**
 * The shared pose slot: value-for-value round trips, a frame too big for it, a read while it is being written, a
 * write overtaking a read (and a torn read that does not unpack), and a real second thread (worker_threads, the
 * built module) writing thousands of frames while this one reads them through `fromDoorbell`: every frame read is
 * whole, in order, and the last one is seen.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { filter, firstValueFrom, map, scan, share } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fromDoorbell } from '../../src/streams/fromDoorbell.js';
import { packPoseFrame } from '../../src/filters/packPoseFrame.js';
import { readSharedPose, writeSharedPose } from '../../src/workers/sharedPoseSlot.js';
import { createSharedResults, DOORBELL, POSE_SEQUENCE, sharedResultsViews, type SharedResults } from '../../src/workers/sharedResults.js';
import type { Hand, PoseFrame } from '../../src/types.js';

const points = (k: number) => Array.from({ length: 21 }, (_, i) => ({ x: k + i / 100, y: k - i / 100, z: -i / 100 }));
const hand = (k: number, world: boolean): Hand => ({ handedness: 'Right', score: 0.9, landmarks: points(k), ...(world ? { worldLandmarks: points(k + 1) } : {}) });

/** Values of `frame` that are not its index (the writer makes every value of frame i equal to i). */
function wholeness(frame: PoseFrame): number {
  const values = frame.hands.flatMap((h) => [h.score, ...[...h.landmarks, ...h.worldLandmarks!].flatMap((q) => [q.x, q.y, q.z])]);
  return values.filter((v) => v !== frame.index).length + (frame.timestamp === frame.index ? 0 : 1);
}

/** A worker thread writing frames 1..count with the built module, ringing the doorbell, pausing every `pauseEvery`. */
function startWriter(shared: SharedResults, count: number, pauseEvery: number): Worker {
  const slot = pathToFileURL(resolve('dist/workers/sharedPoseSlot.js')).href;
  const results = pathToFileURL(resolve('dist/workers/sharedResults.js')).href;
  const pack = pathToFileURL(resolve('dist/filters/packPoseFrame.js')).href;
  const source = `
    const { workerData } = require('node:worker_threads');
    (async () => {
      const { writeSharedPose } = await import(${JSON.stringify(slot)});
      const { packPoseFrame } = await import(${JSON.stringify(pack)});
      const { sharedResultsViews, ringDoorbell } = await import(${JSON.stringify(results)});
      const views = sharedResultsViews(workerData.shared);
      const p = (i) => Array.from({ length: 21 }, () => ({ x: i, y: i, z: i }));
      for (let i = 1; i <= workerData.count; i++) {
        writeSharedPose(views, packPoseFrame({ index: i, timestamp: i, hands: [{ handedness: 'Left', score: i, landmarks: p(i), worldLandmarks: p(i) }] }));
        ringDoorbell(views);
        if (workerData.pauseEvery > 0 && i % workerData.pauseEvery === 0) await new Promise((r) => setTimeout(r, 1));
      }
    })();`;
  return new Worker(source, { eval: true, workerData: { shared, count, pauseEvery } });
}

describe('writeSharedPose / readSharedPose', () => {
  it('round-trips frames value for value and reads each only once', () => {
    const views = sharedResultsViews(createSharedResults({ maxHands: 2, labels: 3 }));
    expect(readSharedPose(views, 0)).toBeUndefined(); // nothing written yet
    const frames: PoseFrame[] = [
      { index: 0, timestamp: 0, hands: [] },
      { index: 1, timestamp: 33.3, capturedAt: 1000.25, width: 640, height: 480, hands: [hand(1, true), hand(2, true)] },
      { index: 2, timestamp: 66.6, hands: [hand(3, false)] },
    ];
    let sequence = 0;
    for (const frame of frames) {
      expect(writeSharedPose(views, packPoseFrame(frame))).toBe(true);
      const read = readSharedPose(views, sequence);
      expect(read?.frame).toEqual(frame);
      expect(read!.sequence).toBeGreaterThan(sequence);
      sequence = read!.sequence;
      expect(readSharedPose(views, sequence)).toBeUndefined();
    }
  });

  it('refuses a frame with more hands than it has room for, and reads nothing while a write is under way', () => {
    const views = sharedResultsViews(createSharedResults({ maxHands: 1, labels: 3 }));
    expect(writeSharedPose(views, packPoseFrame({ index: 1, timestamp: 0, hands: [hand(1, true)] }))).toBe(true);
    expect(writeSharedPose(views, packPoseFrame({ index: 2, timestamp: 0, hands: [hand(1, true), hand(2, false)] }))).toBe(false);
    expect(readSharedPose(views, 0)?.frame.index).toBe(1); // the refused frame left the slot alone
    Atomics.add(views.ints, POSE_SEQUENCE, 1); // a writer in the middle of a write
    expect(readSharedPose(views, 0)).toBeUndefined();
  });

  /** `views` whose pose slot runs `during` when the reader takes its view of the frame (i.e. while it reads it). */
  const readingWith = (views: ReturnType<typeof sharedResultsViews>, during: () => void) => {
    const pose = new Float64Array(views.pose.buffer, views.pose.byteOffset, views.pose.length);
    const subarray = pose.subarray.bind(pose);
    (pose as unknown as { subarray: typeof subarray }).subarray = (start, end) => {
      during();
      return subarray(start, end);
    };
    return { ...views, pose };
  };

  it('drops a read when a write happened while it read the frame (the writer rings again)', () => {
    const views = sharedResultsViews(createSharedResults({ maxHands: 1, labels: 3 }));
    writeSharedPose(views, packPoseFrame({ index: 1, timestamp: 0, hands: [hand(1, false)] }));
    // A read overtaken by a whole write (the sequence moves on by 2 while the values are read).
    expect(readSharedPose(readingWith(views, () => Atomics.add(views.ints, POSE_SEQUENCE, 2)), 0)).toBeUndefined();
    expect(readSharedPose(views, 0)?.frame.index).toBe(1); // read again on the next ring: whole
  });

  it('drops a torn read that does not unpack, and throws for a slot that is wrong without a write', () => {
    const views = sharedResultsViews(createSharedResults({ maxHands: 1, labels: 3 }));
    writeSharedPose(views, packPoseFrame({ index: 1, timestamp: 0, hands: [hand(1, false)] }));
    const torn = () => {
      views.pose[1 + 5] = 7; // the hand count, half written: more hands than the values hold
      Atomics.add(views.ints, POSE_SEQUENCE, 2);
    };
    expect(readSharedPose(readingWith(views, torn), 0)).toBeUndefined();
    expect(() => readSharedPose(views, 0)).toThrow(/cut short in hand 1/); // the same values with no write under way
  });

  it('hands whole frames, in order, from a writer in another thread, on its doorbell', { timeout: 60_000 }, async () => {
    const shared = createSharedResults({ maxHands: 1, labels: 3 });
    const views = sharedResultsViews(shared);
    const count = 3000;
    let sequence = 0;
    const frames$ = fromDoorbell(views.ints, DOORBELL).pipe(
      map(() => readSharedPose(views, sequence)),
      filter((read) => read !== undefined),
      map((read) => ((sequence = read.sequence), read.frame)),
      share(),
    );
    const seen = firstValueFrom(
      frames$.pipe(
        scan((acc, frame) => {
          if (wholeness(frame) !== 0) acc.torn++;
          if (frame.index <= acc.last) acc.unordered++;
          acc.last = frame.index;
          acc.reads++;
          return acc;
        }, { reads: 0, torn: 0, unordered: 0, last: 0 }),
        filter((acc) => acc.last === count),
      ),
    );
    const worker = startWriter(shared, count, 100);
    const result = await seen;
    await worker.terminate();
    console.info(`${count} frames written in another thread: ${result.reads} read, ${result.torn} torn, ${result.unordered} out of order`);
    expect(result.torn).toBe(0);
    expect(result.unordered).toBe(0);
    expect(result.reads).toBeGreaterThan(10);
  });
});
