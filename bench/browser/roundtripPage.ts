/**
 * The page of the `roundtrip` scenario (served by `startPageServer` at /bench/browser/roundtrip.html): decodes
 * real video frames once, then feeds copies of them back to back through `createHandEstimatorWorker` (each
 * ImageBitmap transferred) and returns every frame's in-worker detect time and main-thread round trip.
 */
import { firstValueFrom, take, toArray } from 'rxjs';
import { fromVideoFile } from '../../src/streams/fromVideoFile.js';
import { createHandEstimatorWorker } from '../../src/workers/createHandEstimatorWorker.js';
import type { HandEstimateTiming } from '../../src/workers/createHandEstimatorWorker.js';

/** What one run returns to Node (plain JSON). */
export interface RoundtripRun {
  width: number;
  height: number;
  /** Distinct decoded video frames the run cycled through. */
  sourceFrames: number;
  timings: HandEstimateTiming[];
  /** Per frame (same order as `timings`): hands found. */
  hands: number[];
}

let decoded: { url: string; bitmaps: ImageBitmap[] } | undefined;

/** Decodes up to `count` frames of `url` (kept for later runs on the same URL). */
async function sourceFrames(url: string, count: number): Promise<ImageBitmap[]> {
  if (decoded?.url === url && decoded.bitmaps.length >= count) return decoded.bitmaps;
  for (const b of decoded?.bitmaps ?? []) b.close();
  const frames = await firstValueFrom(fromVideoFile(url, { fps: 30 }).pipe(take(count), toArray()));
  decoded = { url, bitmaps: frames.map((f) => f.image) };
  return decoded.bitmaps;
}

/** Runs `frames` frames of `url` (cycling when the video is shorter) through a fresh estimator of `model`. */
async function runRoundtrip(url: string, model: 'full' | 'lite', frames: number): Promise<RoundtripRun> {
  const sources = await sourceFrames(url, frames);
  if (sources.length === 0) throw new Error(`roundtrip page: ${url} gave no frames`);
  const timings: HandEstimateTiming[] = [];
  const hands: number[] = [];
  const estimator = createHandEstimatorWorker({ model, numHands: 1, onTiming: (t) => timings.push(t) });
  try {
    await estimator.ready;
    for (let index = 0; index < frames; index++) {
      const source = sources[index % sources.length]!;
      const image = await createImageBitmap(source); // a copy: the estimator transfers (detaches) it
      const pose = await estimator.estimate({
        index,
        timestamp: (index * 1000) / 30,
        capturedAt: performance.now(),
        image,
        width: image.width,
        height: image.height,
      });
      hands.push(pose.hands.length);
    }
    const first = sources[0]!;
    return { width: first.width, height: first.height, sourceFrames: sources.length, timings, hands };
  } finally {
    estimator.dispose();
  }
}

(window as unknown as { posestreamRoundtrip: typeof runRoundtrip }).posestreamRoundtrip = runRoundtrip;
document.title = 'roundtrip ready';
