import { describe, expect, it } from 'vitest';
import { yuvToRgba } from '../../src/filters/yuvToRgba.js';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';

/** A 4x2 I420 frame: left half one colour, right half another, with padded strides. */
function i420(left: [number, number, number], right: [number, number, number]) {
  const yStride = 6;
  const cStride = 3;
  const data = new Uint8Array(yStride * 2 + cStride * 1 * 2);
  const layout = [
    { offset: 0, stride: yStride },
    { offset: yStride * 2, stride: cStride },
    { offset: yStride * 2 + cStride, stride: cStride },
  ];
  for (let y = 0; y < 2; y++) for (let x = 0; x < 4; x++) data[y * yStride + x] = (x < 2 ? left : right)[0];
  data[layout[1]!.offset] = left[1];
  data[layout[1]!.offset + 1] = right[1];
  data[layout[2]!.offset] = left[2];
  data[layout[2]!.offset + 1] = right[2];
  return { data, layout };
}

const pixel = (out: Uint8ClampedArray, i: number) => Array.from(out.subarray(i * 4, i * 4 + 4));

describe('yuvToRgba', () => {
  it('converts limited-range BT.601 I420 (white, black, red) within 2 levels', () => {
    const { data, layout } = i420([235, 128, 128], [81, 90, 240]); // white | red (BT.601 limited)
    const out = new Uint8ClampedArray(4 * 2 * 4);
    yuvToRgba('I420', data, layout, 4, 2, out);
    for (const [i, want] of [[0, [255, 255, 255, 255]], [7, [255, 0, 0, 255]]] as const) {
      pixel(out, i).forEach((v, c) => expect(Math.abs(v - want[c]!)).toBeLessThanOrEqual(2));
    }
    const black = i420([16, 128, 128], [16, 128, 128]);
    yuvToRgba('I420', black.data, black.layout, 4, 2, out);
    expect(pixel(out, 5)).toEqual([0, 0, 0, 255]);
  });

  it('reads NV12 (interleaved chroma) like I420, full range, and swaps BGRA', () => {
    const nv12 = new Uint8Array([128, 128, 128, 128, 128, 128]); // 2x2: Y plane 4 bytes, then U,V
    const out = new Uint8ClampedArray(16);
    yuvToRgba('NV12', nv12, [{ offset: 0, stride: 2 }, { offset: 4, stride: 2 }], 2, 2, out, { fullRange: true });
    expect(pixel(out, 3)).toEqual([128, 128, 128, 255]);
    const bgra = new Uint8Array([1, 2, 3, 0, 4, 5, 6, 0]);
    const rgba = new Uint8ClampedArray(8);
    yuvToRgba('BGRX', bgra, [{ offset: 0, stride: 8 }], 2, 1, rgba);
    expect(Array.from(rgba)).toEqual([3, 2, 1, 255, 6, 5, 4, 255]);
  });

  it('rejects an unknown format and a wrong output size', () => {
    expect(() => yuvToRgba('I444', new Uint8Array(12), [], 2, 2, new Uint8ClampedArray(16))).toThrow(InvalidOptionError);
    expect(() => yuvToRgba('I420', new Uint8Array(6), [], 2, 2, new Uint8ClampedArray(15))).toThrow(/16 bytes long/);
  });
});
