/**
 * Browser tests (playwright-core + /usr/bin/chromium, one browser for the whole file): MediaPipe's hand
 * landmarker through the worker path (`createHandEstimatorWorker`) on real photos, its typed errors, and
 * `fromCamera` without a camera. Every request the page makes must stay on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hand, Landmark, PoseFrame } from '../../src/types.js';
import { callHarness, openHarness, PHOTOS, SHARED_DATA } from './browserSession.js';
import type { BrowserSession } from './browserSession.js';

let session: BrowserSession;
const poses = new Map<string, PoseFrame>();

beforeAll(async () => {
  session = await openHarness();
});
afterAll(async () => {
  await session?.close();
});

/** Each photo is a fresh estimator: VIDEO-mode tracking must not carry a hand from one photo to the next. */
async function estimatePhoto(name: string, numHands = 1): Promise<PoseFrame> {
  const { frames, timings } = await callHarness(session.page, 'estimatePhotos', [PHOTOS + name], { numHands });
  const t = timings[0]!;
  console.info(`${name}: detect ${t.detectMs.toFixed(1)} ms in worker, ${t.roundTripMs.toFixed(1)} ms round trip (first frame)`);
  poses.set(name, frames[0]!);
  return frames[0]!;
}

function expectHandInImage(hand: Hand): void {
  expect(hand.landmarks).toHaveLength(21);
  expect(hand.worldLandmarks).toHaveLength(21);
  expect(['Left', 'Right']).toContain(hand.handedness);
  expect(hand.score).toBeGreaterThan(0.5);
  for (const p of hand.landmarks) {
    expect(p.x).toBeGreaterThanOrEqual(0);
    expect(p.x).toBeLessThanOrEqual(1);
    expect(p.y).toBeGreaterThanOrEqual(0);
    expect(p.y).toBeLessThanOrEqual(1);
  }
}

const tipsY = (hand: Hand): Record<'thumb' | 'index' | 'middle' | 'ring' | 'pinky', number> => {
  const y = (i: number): number => hand.landmarks[i]!.y;
  return { thumb: y(4), index: y(8), middle: y(12), ring: y(16), pinky: y(20) };
};

describe('hand landmarker worker on mediapipe-rs photos', () => {
  it.each([
    ['pointing_up.jpg', 419, 419],
    ['thumbs_up.jpg', 420, 420],
    ['thumbs_down.jpg', 427, 640],
    ['victory.jpg', 418, 418],
  ])('%s: one hand, 21 landmarks inside the %ix%i image', async (name, width, height) => {
    const frame = await estimatePhoto(name);
    expect(frame).toMatchObject({ index: 0, timestamp: 0, width, height });
    expect(frame.hands).toHaveLength(1);
    expectHandInImage(frame.hands[0]!);
  });

  it('google_sample_woman_hands.jpg: two hands with numHands 2, one with the default', async () => {
    const two = await estimatePhoto('google_sample_woman_hands.jpg', 2);
    expect(two).toMatchObject({ width: 640, height: 960 });
    expect(two.hands).toHaveLength(2);
    two.hands.forEach(expectHandInImage);
    const [a, b] = two.hands.map((h) => ({
      x: h.landmarks.reduce((s, p) => s + p.x, 0) / 21,
      y: h.landmarks.reduce((s, p) => s + p.y, 0) / 21,
    }));
    expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThan(0.2); // two different hands, not one found twice
    const one = await callHarness(session.page, 'estimatePhotos', [PHOTOS + 'google_sample_woman_hands.jpg']);
    expect(one.frames[0]!.hands).toHaveLength(1);
  });

  it('the landmarks show each photo\'s gesture', () => {
    const up = tipsY(poses.get('pointing_up.jpg')!.hands[0]!);
    expect(up.index).toBeLessThan(Math.min(up.thumb, up.middle, up.ring, up.pinky)); // image y grows downwards
    const thumbUp = tipsY(poses.get('thumbs_up.jpg')!.hands[0]!);
    expect(thumbUp.thumb).toBeLessThan(Math.min(thumbUp.index, thumbUp.middle, thumbUp.ring, thumbUp.pinky));
    const thumbDown = tipsY(poses.get('thumbs_down.jpg')!.hands[0]!);
    expect(thumbDown.thumb).toBeGreaterThan(Math.max(thumbDown.index, thumbDown.middle, thumbDown.ring, thumbDown.pinky));
    const v = tipsY(poses.get('victory.jpg')!.hands[0]!);
    expect(Math.max(v.index, v.middle)).toBeLessThan(Math.min(v.ring, v.pinky));
  });

  /**
   * mediapipe-expected holds Google's outputs for *its* test photos (thumb_up.jpg, pointing_up.jpg, victory.jpg),
   * which are not in shared/data. The mediapipe-rs photos with similar names are other pictures (e.g. a woman at
   * arm's length vs a close-up hand), so landmarks are not compared; this test pins that finding down.
   */
  it('mediapipe-expected fixtures are of other photos than mediapipe-rs (so no landmark comparison)', () => {
    const pairs = [
      ['thumbs_up.jpg', 'thumb_up_landmarks.pbtxt'],
      ['pointing_up.jpg', 'pointing_up_landmarks.pbtxt'],
      ['victory.jpg', 'victory_landmarks.pbtxt'],
    ] as const;
    for (const [photo, fixture] of pairs) {
      const text = readFileSync(resolve(SHARED_DATA, 'landmarks/mediapipe-expected', fixture), 'utf8');
      const image = text.split('world_landmarks')[0]!;
      const expected: Landmark[] = [...image.matchAll(/x: (\S+)\s+y: (\S+)\s+z: (\S+)/g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        z: Number(m[3]),
      }));
      expect(expected).toHaveLength(21);
      const ours = poses.get(photo)!.hands[0]!.landmarks;
      const meanDistance = ours.reduce((s, p, i) => s + Math.hypot(p.x - expected[i]!.x, p.y - expected[i]!.y), 0) / 21;
      // Same image would be within ~0.01; these differ by > 0.1 (measured 0.2-0.5).
      expect(meanDistance, `${photo} vs ${fixture}`).toBeGreaterThan(0.1);
    }
  });
});

describe('typed errors', () => {
  it("timestampPolicy 'error': repeated or earlier timestamps reject with TimestampError; closed image, disposed", async () => {
    const r = await callHarness(session.page, 'errorCases', { timestampPolicy: 'error', model: 'lite' }, PHOTOS + 'thumbs_up.jpg');
    expect(r['ready']).toEqual({ ok: true, hands: 0 });
    expect(r['first']).toEqual({ ok: true, hands: 1 });
    expect(r['sameTimestamp']).toMatchObject({ ok: false, error: { name: 'TimestampError', code: 'non-increasing-timestamp', isPosestreamError: true } });
    expect(r['earlierTimestamp']).toMatchObject({ ok: false, error: { name: 'TimestampError', message: expect.stringContaining('frame 2 timestamp 500') } });
    expect(r['closedImage']).toMatchObject({ ok: false, error: { name: 'EmptyFrameError', code: 'empty-frame', message: expect.stringContaining('frame 3') } });
    expect(r['afterDispose']).toMatchObject({ ok: false, error: { name: 'HandEstimatorStateError', isPosestreamError: true } });
  });

  it("timestampPolicy 'bump' (default): repeated and earlier timestamps still give hands", async () => {
    const r = await callHarness(session.page, 'errorCases', { model: 'lite' }, PHOTOS + 'thumbs_up.jpg');
    expect(r['sameTimestamp']).toEqual({ ok: true, hands: 1 });
    expect(r['earlierTimestamp']).toEqual({ ok: true, hands: 1 });
  });

  it('a missing model rejects ready with ModelLoadError naming the URL', async () => {
    const r = await callHarness(session.page, 'errorCases', { modelAssetPath: '/models/no_such_model.task' }, PHOTOS + 'thumbs_up.jpg');
    expect(r['ready']).toMatchObject({ ok: false, error: { name: 'ModelLoadError', code: 'model-load', isPosestreamError: true } });
    expect(r['ready']).toMatchObject({ error: { message: expect.stringMatching(/\/models\/no_such_model\.task: HTTP 404/) } });
    expect(r['first']).toMatchObject({ ok: false, error: { name: 'ModelLoadError' } });
  });

  it('a file that is not a .task bundle rejects ready with ModelLoadError', async () => {
    const r = await callHarness(session.page, 'errorCases', { modelAssetPath: '/package.json' }, PHOTOS + 'thumbs_up.jpg');
    expect(r['ready']).toMatchObject({ ok: false, error: { name: 'ModelLoadError', message: expect.stringContaining('/package.json: not a .task bundle') } });
  });

  it('fromCamera without a camera errors with CameraError not-found', async () => {
    const r = await callHarness(session.page, 'cameraFrames', 1);
    expect(r).toMatchObject({ error: { name: 'CameraError', code: 'camera-not-found', reason: 'not-found', isPosestreamError: true } });
  });
});

describe('network', () => {
  it('the page requested nothing outside 127.0.0.1', () => {
    expect(session.browser.requests.length).toBeGreaterThan(10);
    expect(session.browser.requests.some((u) => u.includes('vision_wasm'))).toBe(true);
    expect(session.browser.foreignRequests).toEqual([]);
  });
});
