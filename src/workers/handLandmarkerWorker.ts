/**
 * The hand-landmarker worker's API: MediaPipe tasks-vision `HandLandmarker` in VIDEO mode, one transferred
 * frame in, one {@link PoseFrame} out. `entries/handLandmarker.ts` exposes it with comlink; it can also run
 * on a page's main thread (tests, debugging).
 */
import { HandLandmarker } from '@mediapipe/tasks-vision';
import type { HandLandmarkerResult } from '@mediapipe/tasks-vision';
import type { Hand, Handedness, Landmark, PoseFrame } from '../types.js';
import { EmptyFrameError, HandEstimatorStateError, TimestampError } from '../streams/browserErrors.js';
import { ModelLoadError } from './workerErrors.js';

/** Options of the hand landmarker (worker side and `createHandEstimatorWorker`). */
export interface HandLandmarkerOptions {
  /** Maximum number of hands to detect. @default 1 */
  numHands?: number;
  /** Packaged model variant, used when `modelAssetPath` is not given. @default 'full' */
  model?: 'full' | 'lite';
  /**
   * URL of a `hand_landmarker.task` bundle (e.g. Google's official one, served by your app). Overrides `model`.
   * A relative URL is resolved against the page.
   * @default the package's `models/hand_landmarker_<model>.task`, emitted by your bundler
   */
  modelAssetPath?: string;
  /** tasks-vision delegate. @default 'CPU' */
  delegate?: 'CPU' | 'GPU';
  /** @default 0.5 */
  minHandDetectionConfidence?: number;
  /** @default 0.5 */
  minHandPresenceConfidence?: number;
  /** @default 0.5 */
  minTrackingConfidence?: number;
  /**
   * Folder URL holding tasks-vision's `vision_wasm_module_internal.js` and `.wasm` (0.10.35). Serve it from your
   * own origin or a CDN. A relative URL is resolved against the page.
   * @default the copies packaged in posestream (`dist/assets/mediapipe/`), emitted by your bundler
   */
  wasmBaseUrl?: string;
  /**
   * What to do with a frame whose timestamp (rounded to whole microseconds) is not strictly greater than the
   * previous frame's: `'bump'` feeds tasks-vision the previous timestamp + 1 ms (the returned frame keeps the
   * caller's timestamp); `'error'` rejects with a {@link TimestampError}.
   * @default 'bump'
   */
  timestampPolicy?: 'bump' | 'error';
}

/** One frame handed to the worker. The image is transferred, and closed by the worker once used (ImageData has nothing to close). */
export interface DetectRequest {
  /** The picture (an `ImageBitmap` or `VideoFrame` is transferred and closed by the worker). */
  image: ImageBitmap | VideoFrame | ImageData;
  /** The frame's index in its source; copied onto the result. */
  index: number;
  /** Media timestamp, ms. */
  timestamp: number;
  /** Capture time on the page's monitor clock, ms; copied onto the result. */
  capturedAt?: number;
}

/** What `detect` resolves to: the pose frame and the time `detectForVideo` took inside the worker, ms. */
export interface DetectResult {
  /** The hands found, as a pose frame. */
  frame: PoseFrame;
  /** Time spent in `detectForVideo`, ms (worker clock). */
  detectMs: number;
}

/** The comlink-exposed API of the hand-landmarker worker. */
export interface HandLandmarkerWorkerApi {
  /** Loads the wasm runtime and the model. Rejects with `ModelLoadError` naming the model URL. */
  init(options?: HandLandmarkerOptions): Promise<void>;
  /** Runs one frame; always closes the image. */
  detect(request: DetectRequest): Promise<DetectResult>;
  /** Frees the landmarker. Later calls reject with {@link HandEstimatorStateError}. */
  close(): void;
}

/**
 * Maps one tasks-vision `HandLandmarkerResult` onto posestream hands: handedness category name and score, the 21
 * image landmarks and the world landmarks, in tasks-vision's handedness convention, as-is.
 *
 * Internal to the estimator worker (no public entry exports it).
 *
 * @example
 * ```ts
 * import { mapHandLandmarkerResult } from './handLandmarkerWorker.js';
 * const hands = mapHandLandmarkerResult(landmarker.detectForVideo(bitmap, performance.now()));
 * ```
 * @internal
 */
export function mapHandLandmarkerResult(result: HandLandmarkerResult): Hand[] {
  const hands: Hand[] = [];
  result.landmarks.forEach((landmarks, i) => {
    const category = result.handedness[i]?.[0];
    const world = result.worldLandmarks[i];
    const hand: Hand = {
      handedness: (category?.categoryName === 'Right' ? 'Right' : 'Left') satisfies Handedness,
      score: category?.score ?? 0,
      landmarks: landmarks.map(toLandmark),
    };
    if (world !== undefined && world.length > 0) hand.worldLandmarks = world.map(toLandmark);
    hands.push(hand);
  });
  return hands;
}

function toLandmark(p: { x: number; y: number; z: number }): Landmark {
  return { x: p.x, y: p.y, z: p.z };
}

function imageSize(image: ImageBitmap | VideoFrame | ImageData): { width: number; height: number } {
  return 'displayWidth' in image
    ? { width: image.displayWidth, height: image.displayHeight }
    : { width: image.width, height: image.height };
}

/** tasks-vision's `WasmFileset` (not exported by its typings). */
type WasmFileset = Parameters<typeof HandLandmarker.createFromOptions>[0];

/** The packaged hand model, each variant its own literal URL so that bundlers emit both. */
function packagedModelUrl(model: 'full' | 'lite' | undefined): string {
  return model === 'lite'
    ? new URL('../../models/hand_landmarker_lite.task', import.meta.url).href
    : new URL('../../models/hand_landmarker_full.task', import.meta.url).href;
}

/** tasks-vision's module-worker runtime: the packaged copies (literal URLs) or `wasmBaseUrl`'s. */
function visionFileset(wasmBaseUrl: string | undefined): WasmFileset {
  if (wasmBaseUrl !== undefined) {
    const base = wasmBaseUrl.replace(/\/$/, '');
    return { wasmLoaderPath: `${base}/vision_wasm_module_internal.js`, wasmBinaryPath: `${base}/vision_wasm_module_internal.wasm` };
  }
  return {
    wasmLoaderPath: new URL('../assets/mediapipe/vision_wasm_module_internal.js', import.meta.url).href,
    wasmBinaryPath: new URL('../assets/mediapipe/vision_wasm_module_internal.wasm', import.meta.url).href,
  };
}

/** Absolute URL: relative ones against the page (`location` is the worker script's inside a worker). */
function absolute(url: string): string {
  return new URL(url, (globalThis as { location?: { href: string } }).location?.href).href;
}

async function loadModel(url: string, setBy: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw new ModelLoadError(url, `hand model ${url}: could not be fetched (${String(cause)}; ${setBy})`, { cause });
  }
  if (!response.ok) {
    throw new ModelLoadError(url, `hand model ${url}: HTTP ${response.status} ${response.statusText} (${setBy})`.replace('  (', ' ('));
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A .task bundle is a zip archive: it starts with the local-file-header signature PK\3\4.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new ModelLoadError(url, `hand model ${url}: not a .task bundle (${bytes.length} bytes, no zip signature; expected hand_landmarker.task; ${setBy})`,
    );
  }
  return bytes;
}

/** After tasks-vision failed: the runtime file that is missing, if one is (else undefined). */
async function missingRuntimeFile(fileset: WasmFileset): Promise<{ url: string; status: string } | undefined> {
  for (const url of [fileset.wasmLoaderPath, fileset.wasmBinaryPath]) {
    const status = await fetch(url, { method: 'HEAD' }).then((r) => (r.ok ? undefined : `HTTP ${r.status}`), (e: unknown) => String(e));
    if (status !== undefined) return { url, status };
  }
  return undefined;
}

/**
 * Creates the worker-side hand landmarker API (what the worker entry exposes with comlink).
 *
 * `detect` feeds tasks-vision strictly increasing timestamps (see `timestampPolicy`), closes the transferred
 * image after use, and reports handedness in tasks-vision's convention (the opposite of the legacy
 * `@mediapipe/hands` solution for the same image).
 *
 * Internal: the packaged worker entry runs it (no public entry exports it).
 *
 * @example
 * ```ts
 * import { createHandLandmarkerWorkerApi } from '../handLandmarkerWorker.js'; // src/workers/entries/handLandmarker.ts
 * const api = createHandLandmarkerWorkerApi();
 * await api.init({ model: 'lite' });
 * const { frame, detectMs } = await api.detect({ image: await createImageBitmap(img), index: 0, timestamp: 0 });
 * ```
 * @internal
 */
export function createHandLandmarkerWorkerApi(): HandLandmarkerWorkerApi {
  let landmarker: HandLandmarker | undefined;
  let state: 'new' | 'initializing' | 'ready' | 'closed' = 'new';
  let policy: 'bump' | 'error' = 'bump';
  let lastUs = -Infinity;

  return {
    async init(options: HandLandmarkerOptions = {}): Promise<void> {
      if (state !== 'new') throw new HandEstimatorStateError(`hand landmarker: init called while ${state}`);
      state = 'initializing';
      policy = options.timestampPolicy ?? 'bump';
      const modelUrl = options.modelAssetPath !== undefined ? absolute(options.modelAssetPath) : packagedModelUrl(options.model);
      const modelSetBy =
        options.modelAssetPath !== undefined ? 'set by the "modelAssetPath" option' : `packaged model '${options.model ?? 'full'}'; override with "modelAssetPath"`;
      const fileset = visionFileset(options.wasmBaseUrl !== undefined ? absolute(options.wasmBaseUrl) : undefined);
      const wasmSetBy = options.wasmBaseUrl !== undefined ? 'set by the "wasmBaseUrl" option' : 'packaged; override with "wasmBaseUrl"';
      try {
        const model = await loadModel(modelUrl, modelSetBy);
        try {
          landmarker = await HandLandmarker.createFromOptions(fileset, {
            baseOptions: { modelAssetBuffer: model, delegate: options.delegate ?? 'CPU' },
            runningMode: 'VIDEO',
            numHands: options.numHands ?? 1,
            minHandDetectionConfidence: options.minHandDetectionConfidence ?? 0.5,
            minHandPresenceConfidence: options.minHandPresenceConfidence ?? 0.5,
            minTrackingConfidence: options.minTrackingConfidence ?? 0.5,
          });
        } catch (cause) {
          const why = cause instanceof Error ? cause.message : String(cause);
          const missing = await missingRuntimeFile(fileset);
          if (missing !== undefined) {
            throw new ModelLoadError(missing.url, `tasks-vision runtime ${missing.url}: ${missing.status} (${wasmSetBy}): ${why}`, { cause });
          }
          throw new ModelLoadError(modelUrl, `hand model ${modelUrl}: rejected by tasks-vision (wasm ${fileset.wasmBinaryPath}): ${why}`, {
            cause,
          });
        }
        state = 'ready';
      } catch (error) {
        state = 'new';
        throw error;
      }
    },

    async detect(request: DetectRequest): Promise<DetectResult> {
      const { image, index } = request;
      try {
        if (state !== 'ready' || landmarker === undefined) {
          throw new HandEstimatorStateError(`hand landmarker: detect(frame ${index}) while ${state}; await init() first`);
        }
        const { width, height } = imageSize(image);
        if (width === 0 || height === 0) {
          throw new EmptyFrameError(
            `hand landmarker: frame ${index} is ${width}x${height} (closed, detached or not yet decoded image)`,
            index,
          );
        }
        let us = Math.round(request.timestamp * 1000);
        if (!Number.isFinite(us) || us <= lastUs) {
          if (policy === 'error') {
            throw new TimestampError(
              `hand landmarker: frame ${index} timestamp ${request.timestamp} ms is not greater than the previous ${lastUs / 1000} ms`,
              index,
            );
          }
          us = lastUs === -Infinity ? 0 : lastUs + 1000;
        }
        lastUs = us;
        const start = performance.now();
        const result = landmarker.detectForVideo(image, us / 1000);
        const detectMs = performance.now() - start;
        const frame: PoseFrame = {
          index,
          timestamp: request.timestamp,
          hands: mapHandLandmarkerResult(result),
          width,
          height,
        };
        if (request.capturedAt !== undefined) frame.capturedAt = request.capturedAt;
        return { frame, detectMs };
      } finally {
        if ('close' in image) image.close();
      }
    },

    close(): void {
      landmarker?.close();
      landmarker = undefined;
      state = 'closed';
    },
  };
}
