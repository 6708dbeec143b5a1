import { InvalidOptionError } from './InvalidOptionError.js';

/** Pixel formats `yuvToRgba` reads: WebCodecs' `VideoPixelFormat`s a camera delivers. */
export type YuvToRgbaFormat = 'I420' | 'I420A' | 'NV12' | 'RGBA' | 'RGBX' | 'BGRA' | 'BGRX';

/** Where each plane starts in `data` and its row stride, bytes (WebCodecs' `PlaneLayout`). */
export interface PlaneLayoutLike {
  offset: number;
  stride: number;
}

/** The YUV → RGB matrix and range of a frame (`VideoColorSpace.matrix` / `.fullRange`). */
export interface YuvColor {
  /** @default 'bt601' (any other matrix is read as BT.601, except 'bt709') */
  matrix?: string | null | undefined;
  /** @default false (limited range: Y 16..235) */
  fullRange?: boolean | null | undefined;
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * Converts one video frame's pixels, as `VideoFrame.copyTo` gives them in the frame's own format, to RGBA (alpha
 * 255): I420/I420A (planar, chroma halved both ways), NV12 (interleaved chroma) with the BT.601 or BT.709 matrix,
 * limited or full range, and the 8-bit RGB(A/X) and BGR(A/X) layouts. Pure: it reads `data`, writes `out`.
 *
 * It exists because in Chromium a worker that asks the browser to convert a camera `VideoFrame` (drawing it,
 * `createImageBitmap`, `copyTo` with `format: 'RGBA'`) waits for the page's main thread, while `copyTo` in the
 * frame's own format does not.
 *
 * Internal to the workers path (no public entry exports it).
 *
 * @throws InvalidOptionError for another format, or an `out` that is not `width * height * 4` long.
 * @example
 * ```ts
 * import { yuvToRgba } from '../filters/yuvToRgba.js'; // the estimator worker's createVideoFrameConverter
 * const layout = await frame.copyTo(bytes); // the frame's own format, e.g. I420
 * yuvToRgba(frame.format!, bytes, layout, frame.codedWidth, frame.codedHeight, rgba, frame.colorSpace);
 * ```
 * @internal
 */
export function yuvToRgba(
  format: string,
  data: Uint8Array,
  layout: readonly PlaneLayoutLike[],
  width: number,
  height: number,
  out: Uint8ClampedArray,
  color: YuvColor = {},
): void {
  if (out.length !== width * height * 4) throw new InvalidOptionError('yuvToRgba', 'out', `${width * height * 4} bytes long (${width}x${height} RGBA)`, out.length);
  if (format === 'RGBA' || format === 'RGBX' || format === 'BGRA' || format === 'BGRX') {
    const { offset, stride } = layout[0]!;
    const swap = format[0] === 'B';
    for (let y = 0, o = 0; y < height; y++) {
      for (let x = 0, i = offset + y * stride; x < width; x++, i += 4, o += 4) {
        out[o] = data[swap ? i + 2 : i]!;
        out[o + 1] = data[i + 1]!;
        out[o + 2] = data[swap ? i : i + 2]!;
        out[o + 3] = 255;
      }
    }
    return;
  }
  if (format !== 'I420' && format !== 'I420A' && format !== 'NV12') {
    throw new InvalidOptionError('yuvToRgba', 'format', "'I420', 'I420A', 'NV12', 'RGBA', 'RGBX', 'BGRA' or 'BGRX'", format);
  }
  const bt709 = color.matrix === 'bt709';
  const full = color.fullRange === true;
  // Y scale and offset, and the chroma coefficients (x 1/1024), for the matrix and range.
  const yScale = full ? 1024 : 1192;
  const yOffset = full ? 0 : 16;
  const cScale = full ? 1 : 255 / 224;
  const rv = Math.round((bt709 ? 1.5748 : 1.402) * cScale * 1024);
  const gu = Math.round((bt709 ? 0.1873 : 0.3441) * cScale * 1024);
  const gv = Math.round((bt709 ? 0.4681 : 0.7141) * cScale * 1024);
  const bu = Math.round((bt709 ? 1.8556 : 1.772) * cScale * 1024);
  const yPlane = layout[0]!;
  const uPlane = layout[1]!;
  const vPlane = format === 'NV12' ? { offset: uPlane.offset + 1, stride: uPlane.stride } : layout[2]!;
  const step = format === 'NV12' ? 2 : 1;
  for (let y = 0, o = 0; y < height; y++) {
    const yRow = yPlane.offset + y * yPlane.stride;
    const uRow = uPlane.offset + (y >> 1) * uPlane.stride;
    const vRow = vPlane.offset + (y >> 1) * vPlane.stride;
    for (let x = 0; x < width; x++, o += 4) {
      const l = (data[yRow + x]! - yOffset) * yScale;
      const c = (x >> 1) * step;
      const u = data[uRow + c]! - 128;
      const v = data[vRow + c]! - 128;
      out[o] = clamp((l + rv * v) >> 10);
      out[o + 1] = clamp((l - gu * u - gv * v) >> 10);
      out[o + 2] = clamp((l + bu * u) >> 10);
      out[o + 3] = 255;
    }
  }
}
