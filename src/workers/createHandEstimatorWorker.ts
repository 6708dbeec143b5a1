/**
 * Main-thread side of the hand-landmarker worker: starts the worker, initialises it, and turns
 * `SourceFrame`s into `PoseFrame`s with the image transferred (never copied).
 */
import * as Comlink from 'comlink';
import type { PoseFrame, SourceFrame } from '../types.js';
import type { DetectRequest, HandLandmarkerOptions, HandLandmarkerWorkerApi } from './handLandmarkerWorker.js';
import { EmptyFrameError, HandEstimatorStateError, reviveBrowserError } from '../streams/browserErrors.js';

/** How long one frame took: inside the worker (`detectForVideo` only) and the whole round trip from this thread. */
export interface HandEstimateTiming {
  index: number;
  detectMs: number;
  roundTripMs: number;
}

/** Options of {@link createHandEstimatorWorker}: the landmarker options plus where the worker comes from. */
export interface HandEstimatorWorkerOptions extends HandLandmarkerOptions {
  /**
   * The worker to talk to, or a function making it (it must run `posestream/workers`' hand-landmarker entry).
   * @default a module Worker started from `./entries/handLandmarker.js` next to this module
   */
  worker?: Worker | (() => Worker);
  /** Called after every frame with its timings (side channel: `PoseFrame` has no timing field). @default undefined */
  onTiming?: (timing: HandEstimateTiming) => void;
}

/** What {@link createHandEstimatorWorker} returns. */
export interface HandEstimatorWorker {
  /** Estimates the hands in one frame; the image is transferred to the worker (unusable here afterwards). */
  estimate(frame: SourceFrame<ImageBitmap | VideoFrame>): Promise<PoseFrame>;
  /** Resolves once the wasm runtime and model are loaded; rejects with `ModelLoadError` naming the model URL. */
  ready: Promise<void>;
  /** Terminates the worker; pending and later `estimate` calls reject with `HandEstimatorStateError`. */
  dispose(): void;
}

/**
 * Starts MediaPipe's hand landmarker in a Web Worker and returns an `estimate(frame)` function.
 *
 * `estimate` plugs straight into `estimateHands(estimate)`, which keeps only the latest frame while the worker is
 * busy. Frames are fed in VIDEO mode (timestamps forced strictly increasing, see `timestampPolicy`); errors are
 * the typed classes (`ModelLoadError`, `EmptyFrameError`, `TimestampError`, `HandEstimatorStateError`).
 * Handedness follows tasks-vision's convention (the opposite of the legacy `@mediapipe/hands` solution).
 *
 * @example
 * ```ts
 * import { fromCamera, estimateHands } from 'posestream';
 * import { createHandEstimatorWorker } from 'posestream/workers';
 * const estimator = createHandEstimatorWorker({ model: 'lite', numHands: 2 });
 * const poses$ = fromCamera().pipe(estimateHands(estimator.estimate));
 * ```
 */
export function createHandEstimatorWorker(options: HandEstimatorWorkerOptions = {}): HandEstimatorWorker {
  const { worker: workerOption, onTiming, ...landmarkerOptions } = options;
  const worker =
    typeof workerOption === 'function'
      ? workerOption()
      : (workerOption ??
        new Worker(new URL('./entries/handLandmarker.js', import.meta.url), { type: 'module', name: 'hand-landmarker' }));
  const api = Comlink.wrap<HandLandmarkerWorkerApi>(worker);
  const modelSource = options.modelAssetPath ?? `models/hand_landmarker_${options.model ?? 'full'}.task`;
  const pending = new Set<(error: unknown) => void>();
  let failure: unknown;
  let disposed = false;

  /** Runs a worker call so that a worker death or dispose() rejects it instead of leaving it hanging. */
  const call = <T>(run: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failure !== undefined) return reject(failure);
      pending.add(reject);
      run().then(
        (value) => (pending.delete(reject), resolve(value)),
        (error: unknown) => (pending.delete(reject), reject(reviveBrowserError(error, modelSource))),
      );
    });

  const failAll = (error: unknown): void => {
    failure ??= error;
    for (const reject of [...pending]) reject(failure);
    pending.clear();
  };

  const onError = (event: ErrorEvent): void => {
    event.preventDefault();
    failAll(
      new HandEstimatorStateError(`hand landmarker worker failed: ${event.message || 'could not be loaded or crashed'}`),
    );
  };
  worker.addEventListener('error', onError);

  const ready = call(() => api.init(landmarkerOptions));
  ready.catch(() => undefined); // observed through `ready` / `estimate`; never an unhandled rejection

  return {
    ready,
    async estimate(frame: SourceFrame<ImageBitmap | VideoFrame>): Promise<PoseFrame> {
      try {
        await ready;
      } catch (error) {
        frame.image.close();
        throw error;
      }
      const image = frame.image;
      const [width, height] =
        'displayWidth' in image ? [image.displayWidth, image.displayHeight] : [image.width, image.height];
      if (!width || !height) {
        image.close();
        throw new EmptyFrameError(
          `hand estimator: frame ${frame.index} image is ${width}x${height} (closed or already transferred)`,
          frame.index,
        );
      }
      const request: DetectRequest = { image: frame.image, index: frame.index, timestamp: frame.timestamp };
      if (frame.capturedAt !== undefined) request.capturedAt = frame.capturedAt;
      const start = performance.now();
      const { frame: pose, detectMs } = await call(() =>
        api.detect(Comlink.transfer(request, [frame.image as unknown as Transferable])),
      );
      onTiming?.({ index: frame.index, detectMs, roundTripMs: performance.now() - start });
      return pose;
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      failAll(new HandEstimatorStateError('hand landmarker worker disposed'));
      worker.removeEventListener('error', onError);
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
