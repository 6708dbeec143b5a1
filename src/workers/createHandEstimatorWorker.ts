/**
 * Main-thread side of the hand-landmarker worker: starts the worker (through `spawnWorker`: timeouts, restart),
 * initialises it (again after each restart), and turns `SourceFrame`s into `PoseFrame`s with the image
 * transferred (never copied).
 */
import { transfer, type Remote } from 'comlink';
import type { PoseFrame, SourceFrame } from '../types.js';
import type { DetectRequest, HandLandmarkerOptions } from './handLandmarkerWorker.js';
import type { HandStreamClientRequest, HandStreamSummary } from './streamProtocol.js';
import type { HandStreamApi } from './withHandStream.js';
import { EmptyFrameError, HandEstimatorStateError, reviveBrowserError } from '../streams/browserErrors.js';
import { checkSpawnOptions, createOptionChecks } from './createOptionChecks.js';
import { ALIVE_TIMEOUT_MS, spawnWorker } from './spawnWorker.js';
import { WorkerError } from './workerErrors.js';
import type { SpawnWorkerOptions, WorkerHandle, WorkerSource } from './workerTypes.js';

/** How long one frame took: inside the worker (`detectForVideo` only) and the whole round trip from this thread. */
export interface HandEstimateTiming {
  /** Index of the frame. */
  index: number;
  /** Time inside the worker's `detectForVideo`, ms. */
  detectMs: number;
  /** Time from sending the frame to receiving its landmarks on this thread, ms. */
  roundTripMs: number;
}

/** Default timeout of one `detect` call, ms. */
const DETECT_TIMEOUT_MS = 10_000;
/** Default timeout of `init` (wasm runtime and model download), ms. */
const INIT_TIMEOUT_MS = 60_000;

/**
 * Options of {@link createHandEstimatorWorker}: the landmarker options, where the worker comes from, and
 * `spawnWorker`'s fault handling (`restart`, `maxRestarts`, `onRestart`, `onError`; `timeoutMs` defaults to
 * 10000 per frame here and `callTimeoutMs.init`, the wasm and model load, to 60000).
 */
export interface HandEstimatorWorkerOptions
  extends HandLandmarkerOptions,
    Pick<SpawnWorkerOptions, 'name' | 'restart' | 'maxRestarts' | 'timeoutMs' | 'callTimeoutMs' | 'onRestart' | 'onError'> {
  /**
   * The worker: its script URL, a function making it, or a `Worker` (not restartable). It must run
   * `posestream/workers`' hand-landmarker entry (`posestream/workers/entries/handLandmarker`). For self-hosting,
   * a CDN, or Angular's CLI (which does not bundle workers inside `node_modules`).
   * @default the packaged entry, referenced as `new Worker(new URL('./handLandmarker.worker.js', import.meta.url))`
   * so that your bundler emits it
   */
  worker?: WorkerSource;
  /** Called after every frame with its timings (side channel: `PoseFrame` has no timing field). @default undefined */
  onTiming?: (timing: HandEstimateTiming) => void;
}

/** Checks the landmarker's and the worker's options (`InvalidOptionError` naming the first one wrong). */
function checkEstimatorOptions(options: HandEstimatorWorkerOptions): void {
  const check = createOptionChecks('createHandEstimatorWorker');
  check.number('numHands', options.numHands, 'a whole number of hands per frame', { min: 1, integer: true });
  check.oneOf('model', options.model, ['full', 'lite']);
  check.url('modelAssetPath', options.modelAssetPath);
  check.url('wasmBaseUrl', options.wasmBaseUrl);
  check.oneOf('delegate', options.delegate, ['CPU', 'GPU']);
  for (const name of ['minHandDetectionConfidence', 'minHandPresenceConfidence', 'minTrackingConfidence'] as const) {
    check.number(name, options[name], 'a score', { min: 0, max: 1 });
  }
  check.oneOf('timestampPolicy', options.timestampPolicy, ['bump', 'error']);
  checkSpawnOptions(check, options);
}

/** What {@link createHandEstimatorWorker} returns. */
export interface HandEstimatorWorker {
  /** Estimates the hands in one frame; the image is transferred to the worker (unusable here afterwards). */
  estimate(frame: SourceFrame<ImageBitmap | VideoFrame>): Promise<PoseFrame>;
  /** Resolves once the wasm runtime and model are loaded; rejects with `ModelLoadError` naming the model URL. */
  ready: Promise<void>;
  /**
   * Runs the off-main-thread stream in the worker (`withHandStream`): `request.frames` (a
   * `MediaStreamTrackProcessor`'s `readable`) and both ports are transferred once the worker is initialised.
   * Pass `frames` as a function making the processor: it is called then, just before the transfer, and after the
   * worker has stopped the stream of an earlier call (which resolves first). A processor made earlier starts
   * reading the camera at once, beside frames still held elsewhere; in Chromium a frame can then be left to the
   * garbage collector, and one camera frame held is enough to stop the camera's frames reaching any processor
   * until the page's next garbage collection.
   * Resolves when the frames end or `stopHands()` is called; rejects with the typed error that stopped it (a recovered `WorkerError` when the
   * worker crashed and was restarted: start a new stream then).
   */
  streamHands(request: HandStreamClientRequest): Promise<HandStreamSummary>;
  /** Stops the worker's running stream, if any. */
  stopHands(): Promise<void>;
  /**
   * Resolves once the worker answers (its event loop is free). A worker still loading its model (also after a
   * restart) is asked once it has loaded it (a load error rejects). A worker that does not answer within
   * `callTimeoutMs.alive` (default 10000) is hung: it is terminated like a crashed one (restarted with `restart`).
   */
  alive(): Promise<void>;
  /** The worker behind it (state, `restarts`, `lost`). */
  readonly worker: WorkerHandle<Remote<HandStreamApi>>;
  /** Terminates the worker; pending and later `estimate` calls reject with `HandEstimatorStateError`. */
  dispose(): void;
}

/**
 * Starts MediaPipe's hand landmarker in a Web Worker and returns an `estimate(frame)` function.
 *
 * `estimate` plugs straight into `estimateHands(estimate)`, which keeps only the latest frame while the worker is
 * busy. Frames are fed in VIDEO mode (timestamps forced strictly increasing, see `timestampPolicy`); errors are
 * the typed classes (`ModelLoadError` naming the URL and the option that sets it, `EmptyFrameError`,
 * `TimestampError`, `HandEstimatorStateError`, and `WorkerError` / `WorkerTimeoutError` when the worker dies or
 * a frame takes longer than `timeoutMs`). With `restart: true` a crashed or hung worker is replaced and
 * re-initialised: only the frame in flight is lost (its call rejects with `recovered: true`), and
 * `worker.restarts` / `worker.lost` count it. Handedness follows tasks-vision's convention (the opposite of the
 * legacy `@mediapipe/hands` solution). The packaged worker, wasm runtime and models are referenced with literal
 * `new URL(..., import.meta.url)` so that your bundler emits them; `worker`, `wasmBaseUrl` and
 * `modelAssetPath` override each.
 *
 * Every option is checked first: a wrong one throws an `InvalidOptionError` naming it before any worker starts.
 *
 * @example
 * ```ts
 * import { fromCamera, estimateHands } from 'posestream';
 * import { createHandEstimatorWorker } from 'posestream/workers';
 * const estimator = createHandEstimatorWorker({ model: 'lite', numHands: 2, restart: true });
 * const poses$ = fromCamera().pipe(estimateHands(estimator.estimate));
 * ```
 */
export function createHandEstimatorWorker(options: HandEstimatorWorkerOptions = {}): HandEstimatorWorker {
  checkEstimatorOptions(options); // before the worker starts
  const { worker: workerOption, onTiming, name, restart, maxRestarts, timeoutMs, callTimeoutMs, onRestart, onError, ...landmarkerOptions } =
    options;
  // Relative URLs against the page (inside the worker, `location` is the worker script's).
  const page = (globalThis as { location?: { href: string } }).location?.href;
  if (landmarkerOptions.modelAssetPath !== undefined) landmarkerOptions.modelAssetPath = new URL(landmarkerOptions.modelAssetPath, page).href;
  if (landmarkerOptions.wasmBaseUrl !== undefined) landmarkerOptions.wasmBaseUrl = new URL(landmarkerOptions.wasmBaseUrl, page).href;
  const modelSource = landmarkerOptions.modelAssetPath ?? `posestream's models/hand_landmarker_${options.model ?? 'full'}.task`;
  const worker = spawnWorker<HandStreamApi>(
    workerOption ?? (() => new Worker(new URL('./handLandmarker.worker.js', import.meta.url), { type: 'module', name: 'hand-landmarker' })),
    {
      name: name ?? 'hand-landmarker',
      timeoutMs: timeoutMs ?? DETECT_TIMEOUT_MS,
      // A stream runs as long as the camera does: never timed out (its frames are, through the landmarker).
      callTimeoutMs: { init: INIT_TIMEOUT_MS, streamHands: false, alive: ALIVE_TIMEOUT_MS, ...callTimeoutMs },
      source: modelSource,
      ...(workerOption !== undefined
        ? { setBy: `createHandEstimatorWorker's "worker" option` }
        : { entryName: 'the packaged hand-landmarker worker' }),
      ...(restart !== undefined ? { restart } : {}),
      ...(maxRestarts !== undefined ? { maxRestarts } : {}),
      ...(onRestart ? { onRestart } : {}),
      ...(onError ? { onError } : {}),
    },
  );
  let disposed = false;
  let initialised: { generation: number; promise: Promise<void> } | undefined;
  let streaming: Promise<HandStreamSummary> | undefined; // the latest streamHands call

  /** Maps a worker-side error back to its class; calls cut short by dispose() read as disposed. */
  const revive = (error: unknown): unknown =>
    disposed ? new HandEstimatorStateError('hand landmarker worker disposed') : reviveBrowserError(error, modelSource);

  /** `init` once per worker generation (again after a restart). */
  const ensureInit = (): Promise<void> => {
    if (initialised?.generation !== worker.generation) {
      const promise = worker.api
        .init(landmarkerOptions)
        // Lost to a fault the worker recovered from: initialise the new worker (spawnWorker bounds the restarts).
        .catch((error: unknown) => (error instanceof WorkerError && error.recovered && !disposed ? ensureInit() : Promise.reject(revive(error))));
      initialised = { generation: worker.generation, promise };
    }
    return initialised.promise;
  };
  const ready = ensureInit();
  ready.catch(() => undefined); // observed through `ready` / `estimate`; never an unhandled rejection

  return {
    ready,
    worker,
    async estimate(frame: SourceFrame<ImageBitmap | VideoFrame>): Promise<PoseFrame> {
      const image = frame.image;
      try {
        if (disposed) throw new HandEstimatorStateError(`hand landmarker worker disposed (frame ${frame.index})`);
        await ensureInit();
      } catch (error) {
        image.close();
        throw error;
      }
      const [width, height] =
        'displayWidth' in image ? [image.displayWidth, image.displayHeight] : [image.width, image.height];
      if (!width || !height) {
        image.close();
        throw new EmptyFrameError(
          `hand estimator: frame ${frame.index} image is ${width}x${height} (closed or already transferred)`,
          frame.index,
        );
      }
      const request: DetectRequest = { image, index: frame.index, timestamp: frame.timestamp };
      if (frame.capturedAt !== undefined) request.capturedAt = frame.capturedAt;
      const start = performance.now();
      let result;
      try {
        result = await worker.api.detect(transfer(request, [image as unknown as Transferable]));
      } catch (error) {
        throw revive(error);
      }
      onTiming?.({ index: frame.index, detectMs: result.detectMs, roundTripMs: performance.now() - start });
      return result.frame;
    },
    async streamHands(request): Promise<HandStreamSummary> {
      if (disposed) throw new HandEstimatorStateError('hand landmarker worker disposed');
      await ensureInit();
      // The worker stops the stream running before this one first, and the stream is made after that: camera
      // frames the old stream still holds would otherwise be there while the new processor starts.
      const previous = streaming;
      if (previous !== undefined) {
        await worker.api.stopHands().catch(() => undefined);
        await previous.catch(() => undefined);
      }
      if (disposed) throw new HandEstimatorStateError('hand landmarker worker disposed');
      const frames = typeof request.frames === 'function' ? request.frames() : request.frames;
      const call = worker.api.streamHands(transfer({ ...request, frames }, [frames as unknown as Transferable, request.poses, request.page]));
      streaming = call;
      try {
        return await call;
      } catch (error) {
        throw revive(error);
      }
    },
    async stopHands(): Promise<void> {
      if (!disposed && worker.state === 'running') await worker.api.stopHands();
    },
    async alive(): Promise<void> {
      if (disposed) throw new HandEstimatorStateError('hand landmarker worker disposed');
      await ensureInit();
      try {
        await worker.api.alive();
      } catch (error) {
        throw revive(error);
      }
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      void worker.terminate();
    },
  };
}
