import type { HandGestureSource } from '../pipeline/pipelineTypes.js';

/**
 * The pipeline source with a framework-provided `<video>` filled in where the source plays into one (camera, file,
 * stream) and none was given; `{ video }` sources and a null element are returned as they are.
 * Shared by the React and Angular adapters.
 * @internal
 */
export function withVideoElement(source: HandGestureSource | undefined, video: HTMLVideoElement | null | undefined): HandGestureSource {
  const s = source ?? { camera: {} };
  if (video === null || video === undefined) return s;
  if ('camera' in s) return s.camera.video ? s : { camera: { ...s.camera, video } };
  if ('file' in s || 'stream' in s) return s.video ? s : { ...s, video };
  return s;
}
