import type { HandGesturePipelineOptions } from '../pipeline/pipelineTypes.js';

/**
 * The options with every model, wasm and worker URL given as a relative string (`'/posestream/models/x.task'`)
 * made absolute against `base` (the page's `document.baseURI`): the workers load them, and a worker has no page
 * to resolve a relative URL against. Absolute URLs, `URL` objects, functions and the packaged names (`'full'`,
 * `'lite'`, `'default'`) are kept as they are.
 * @internal
 */
export function resolveOptionUrls(options: HandGesturePipelineOptions, base: string): HandGesturePipelineOptions {
  const abs = <T>(value: T): T => (typeof value === 'string' ? (new URL(value, base).href as T) : value);
  const { handModel, gestureModel, assets } = options;
  return {
    ...options,
    ...(handModel !== undefined && handModel !== 'full' && handModel !== 'lite' ? { handModel: abs(handModel) } : {}),
    ...(gestureModel !== undefined && gestureModel !== 'default' && gestureModel !== 'swipes' ? { gestureModel: abs(gestureModel) } : {}),
    ...(assets !== undefined
      ? {
          assets: {
            ...assets,
            ...(assets.mediapipeWasmBase !== undefined ? { mediapipeWasmBase: abs(assets.mediapipeWasmBase) } : {}),
            ...(assets.tfjsWasmBase !== undefined ? { tfjsWasmBase: abs(assets.tfjsWasmBase) } : {}),
            ...(assets.handLandmarkerWorker !== undefined ? { handLandmarkerWorker: abs(assets.handLandmarkerWorker) } : {}),
            ...(assets.classifierWorker !== undefined ? { classifierWorker: abs(assets.classifierWorker) } : {}),
          },
        }
      : {}),
  };
}
