import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NpyFormatError, readNpy } from '../../src/data/readNpy.js';
import { PosestreamError } from '../../src/errors.js';

const DIR = '../shared/data/landmarks/kairess-gesture-recognition';

/** Builds a .npy file the way numpy.save does (v1, header padded to a multiple of 64). */
function npy(descr: string, shape: number[], body: Uint8Array, fortran = false, version = 1): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const pre = version === 1 ? 10 : 12;
  while ((pre + header.length + 1) % 64 !== 0) header += ' ';
  header += '\n';
  const out = new Uint8Array(pre + header.length + body.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  out.set(new TextEncoder().encode(header), pre);
  out.set(body, pre + header.length);
  return out;
}

describe('readNpy', () => {
  for (const gesture of ['come', 'away', 'spin'] as const) {
    it(`reads the real kairess ${gesture} take: shape (454, 100), class column constant`, () => {
      const { shape, dtype, data } = readNpy(readFileSync(`${DIR}/raw_${gesture}_1627646273.npy`));
      expect(shape).toEqual([454, 100]);
      expect(dtype).toBe('f8');
      expect(data).toBeInstanceOf(Float64Array);
      const rows = data as Float64Array;
      const classes = new Set<number>();
      for (let r = 0; r < 454; r++) classes.add(rows[r * 100 + 99]!);
      expect([...classes]).toEqual([['come', 'away', 'spin'].indexOf(gesture)]);
      // Landmark x, y are image-normalised.
      let maxX = 0;
      for (let r = 0; r < 454; r++) for (let k = 0; k < 21; k++) maxX = Math.max(maxX, Math.abs(rows[r * 100 + k * 4]!));
      expect(maxX).toBeGreaterThan(0.1);
      expect(maxX).toBeLessThan(1.5);
    });
  }

  it('reads float32, int and uint arrays, v1 and v2 headers, and 1-d / 0-d shapes', () => {
    const f4 = readNpy(npy('<f4', [2, 2], new Uint8Array(new Float32Array([1.5, -2, 3, 4]).buffer)));
    expect([f4.shape, f4.dtype, Array.from(f4.data as Float32Array)]).toEqual([[2, 2], 'f4', [1.5, -2, 3, 4]]);
    const i4 = readNpy(npy('<i4', [3], new Uint8Array(new Int32Array([-7, 0, 9]).buffer), false, 2));
    expect([i4.shape, Array.from(i4.data as Int32Array)]).toEqual([[3], [-7, 0, 9]]);
    const u1 = readNpy(npy('|u1', [], new Uint8Array([42])).buffer as ArrayBuffer);
    expect([u1.shape, Array.from(u1.data as Uint8Array)]).toEqual([[], [42]]);
  });

  it('rejects unsupported dtypes, big-endian, Fortran order, bad magic and truncated data', () => {
    const bad: [Uint8Array, RegExp][] = [
      [npy('|O', [1], new Uint8Array(8)), /unsupported dtype '\|O'/],
      [npy('<c16', [1], new Uint8Array(16)), /unsupported dtype '<c16'/],
      [npy('>f8', [1], new Uint8Array(8)), /big-endian dtype '>f8'/],
      [npy('<f8', [2, 2], new Uint8Array(32), true), /Fortran-order/],
      [npy('<f8', [4], new Uint8Array(16)), /data is 16 bytes, shape \(4\) needs 32/],
      [new TextEncoder().encode('PK\u0003\u0004 this is a zip file'), /bad magic/],
    ];
    for (const [bytes, message] of bad) {
      let error: unknown;
      try {
        readNpy(bytes, 'x.npy');
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(NpyFormatError);
      expect(error).toBeInstanceOf(PosestreamError);
      expect((error as Error).message).toMatch(/^x\.npy: /);
      expect((error as Error).message).toMatch(message);
    }
  });
});
