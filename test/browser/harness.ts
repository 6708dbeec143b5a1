/**
 * Browser test harness: served by Vite (test/browser/harness.html), driven by playwright from the *.test.ts files.
 * It exposes `window.harness`; every function returns plain JSON-able data.
 */
import { firstValueFrom, take, toArray } from 'rxjs';
import type { PoseFrame } from '../../src/types.js';
import { createHandEstimatorWorker } from '../../src/workers/createHandEstimatorWorker.js';
import type { HandEstimateTiming, HandEstimatorWorkerOptions } from '../../src/workers/createHandEstimatorWorker.js';
import { fromCamera } from '../../src/streams/fromCamera.js';
import { PosestreamError } from '../../src/errors.js';

export interface ErrorInfo {
  name: string;
  code: string | undefined;
  message: string;
  reason?: string;
  isPosestreamError: boolean;
}

function describeError(error: unknown): ErrorInfo {
  const e = error instanceof Error ? error : new Error(String(error));
  const info: ErrorInfo = {
    name: e.name,
    code: error instanceof PosestreamError ? error.code : undefined,
    message: e.message,
    isPosestreamError: error instanceof PosestreamError,
  };
  const reason = (error as { reason?: unknown }).reason;
  if (typeof reason === 'string') info.reason = reason;
  return info;
}

async function loadBitmap(url: string): Promise<ImageBitmap> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return createImageBitmap(await response.blob());
}

async function estimatePhotos(
  urls: string[],
  options: HandEstimatorWorkerOptions = {},
): Promise<{ frames: PoseFrame[]; timings: HandEstimateTiming[] }> {
  const timings: HandEstimateTiming[] = [];
  const estimator = createHandEstimatorWorker({ ...options, onTiming: (t) => timings.push(t) });
  try {
    await estimator.ready;
    const frames: PoseFrame[] = [];
    for (const [index, url] of urls.entries()) {
      const image = await loadBitmap(url);
      // Photos are unrelated images: VIDEO-mode tracking must not carry over, so timestamps are 10 s apart.
      const capturedAt = performance.now();
      frames.push(await estimator.estimate({ index, timestamp: index * 10_000, capturedAt, image, width: image.width, height: image.height }));
    }
    return { frames, timings };
  } finally {
    estimator.dispose();
  }
}

/** Repeats one photo `count` times through the worker; returns the timings (for the report/bench numbers). */
async function timePhoto(url: string, count: number, options: HandEstimatorWorkerOptions = {}): Promise<HandEstimateTiming[]> {
  const timings: HandEstimateTiming[] = [];
  const estimator = createHandEstimatorWorker({ ...options, onTiming: (t) => timings.push(t) });
  try {
    await estimator.ready;
    for (let index = 0; index < count; index++) {
      const image = await loadBitmap(url);
      await estimator.estimate({ index, timestamp: index * 33, image, width: image.width, height: image.height });
    }
    return timings;
  } finally {
    estimator.dispose();
  }
}

/** Runs `steps` against one estimator and reports, per step, the frame or the typed error it produced. */
async function errorCases(options: HandEstimatorWorkerOptions, photoUrl: string) {
  const estimator = createHandEstimatorWorker(options);
  const results: Record<string, { ok: true; hands: number } | { ok: false; error: ErrorInfo }> = {};
  const attempt = async (name: string, run: () => Promise<PoseFrame | void>) => {
    try {
      const frame = await run();
      results[name] = { ok: true, hands: frame ? frame.hands.length : 0 };
    } catch (error) {
      results[name] = { ok: false, error: describeError(error) };
    }
  };
  await attempt('ready', () => estimator.ready);
  const frame = async (index: number, timestamp: number, close = false) => {
    const image = await loadBitmap(photoUrl);
    if (close) image.close();
    return estimator.estimate({ index, timestamp, image, width: image.width, height: image.height });
  };
  await attempt('first', () => frame(0, 1000));
  await attempt('sameTimestamp', () => frame(1, 1000));
  await attempt('earlierTimestamp', () => frame(2, 500));
  await attempt('closedImage', () => frame(3, 2000, true));
  estimator.dispose();
  await attempt('afterDispose', () => frame(4, 3000));
  return results;
}

/** Takes `count` frames from the camera, then checks the tracks were stopped by the unsubscribe. */
async function cameraFrames(count: number) {
  const video = document.createElement('video');
  document.body.append(video);
  try {
    const frames = await firstValueFrom(fromCamera({ video, width: 320, height: 240 }).pipe(take(count), toArray()));
    const meta = frames.map((f) => {
      const m = { index: f.index, timestamp: f.timestamp, capturedAt: f.capturedAt, width: f.width, height: f.height, imageWidth: f.image.width };
      f.image.close();
      return m;
    });
    return { frames: meta, srcObjectCleared: video.srcObject === null };
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** Subscribes to the camera and reports the tracks' state after unsubscribing. */
async function cameraTracksAfterUnsubscribe() {
  const video = document.createElement('video');
  document.body.append(video);
  let stream: MediaStream | undefined;
  await new Promise<void>((resolve, reject) => {
    const sub = fromCamera({ video }).subscribe({
      next: (f) => {
        f.image.close();
        stream = video.srcObject as MediaStream;
        sub.unsubscribe();
        resolve();
      },
      error: reject,
    });
  });
  return (stream?.getTracks() ?? []).map((t) => t.readyState);
}

const harness = { estimatePhotos, timePhoto, errorCases, cameraFrames, cameraTracksAfterUnsubscribe };
export type Harness = typeof harness;
(window as unknown as { harness: Harness }).harness = harness;
document.title = 'harness ready';
