import { yuvToRgba } from '../filters/yuvToRgba.js';
import { EmptyFrameError } from '../streams/browserErrors.js';

/** Turns a `VideoFrame` into an RGBA `ImageData` (the frame is not closed: the caller owns it). */
export type VideoFrameConverter = (frame: VideoFrame, index: number) => Promise<ImageData>;

/**
 * Makes a converter from camera `VideoFrame`s to RGBA `ImageData`, for a worker that must not wait on the page:
 * it copies the frame's visible pixels in the frame's own format (`copyTo`, which in Chromium does not involve the
 * page's main thread) and converts them with `yuvToRgba`. Buffers are reused from frame to frame (one converter
 * per stream); the returned `ImageData` is valid until the next call.
 *
 * Internal to the estimator worker (no public entry exports it).
 *
 * @example
 * ```ts
 * import { createVideoFrameConverter } from './createVideoFrameConverter.js'; // withHandStream
 * const toImageData = createVideoFrameConverter();
 * const image = await toImageData(frame, 0);
 * frame.close();
 * ```
 * @internal
 */
export function createVideoFrameConverter(): VideoFrameConverter {
  let bytes = new Uint8Array(0);
  let rgba = new Uint8ClampedArray(0);
  return async (frame, index) => {
    const rect = frame.visibleRect;
    const format = frame.format;
    if (rect === null || format === null || rect.width === 0 || rect.height === 0) {
      throw new EmptyFrameError(`video frame ${index}: no pixels to read (format ${format}, ${rect?.width ?? 0}x${rect?.height ?? 0}; closed?)`, index);
    }
    const { width, height } = rect;
    const size = frame.allocationSize({ rect });
    if (bytes.length < size) bytes = new Uint8Array(size);
    if (rgba.length !== width * height * 4) rgba = new Uint8ClampedArray(width * height * 4);
    const layout = await frame.copyTo(bytes, { rect });
    yuvToRgba(format, bytes, layout, width, height, rgba, frame.colorSpace);
    return new ImageData(rgba, width, height);
  };
}
