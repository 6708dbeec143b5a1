import { PosestreamError } from '../errors.js';

/** Element types {@link readNpy} reads (NumPy `descr` without the byte-order mark). */
export type NpyDtype = 'f8' | 'f4' | 'i1' | 'i2' | 'i4' | 'i8' | 'u1' | 'u2' | 'u4' | 'u8';

/** A parsed .npy array: its shape, dtype and the values in C (row-major) order. */
export interface NpyArray {
  /** The array's shape, e.g. `[frames, 21, 3]` (`[]` for a scalar). */
  shape: number[];
  /** The element type, as the file's header names it. */
  dtype: NpyDtype;
  /** Float64Array for f8, Float32Array for f4, the matching typed array for ints (BigInt64Array/BigUint64Array for 8-byte ints). */
  data: Float64Array | Float32Array | Int8Array | Int16Array | Int32Array | BigInt64Array | Uint8Array | Uint16Array | Uint32Array | BigUint64Array;
}

/** A .npy file that `readNpy` cannot read; the message says what and, when given, which file. */
export class NpyFormatError extends PosestreamError {
  constructor(message: string) {
    super('npy-format', message);
  }
}

const CTORS = {
  f8: Float64Array, f4: Float32Array, i1: Int8Array, i2: Int16Array, i4: Int32Array, i8: BigInt64Array,
  u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, u8: BigUint64Array,
} as const;

/**
 * Parses a NumPy `.npy` file (format versions 1, 2 and 3) holding a little-endian float64/float32/integer array in
 * C order, and returns `{ shape, dtype, data }`. Pure: pass the file's bytes (works in Node and browsers).
 *
 * Throws `NpyFormatError` (prefixed with `name` when given) for a bad magic string or header, a big-endian or
 * unsupported dtype (e.g. objects, strings, complex), Fortran order, or data shorter than the shape says.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { readNpy } from 'posestream/node';
 * const { shape, data } = readNpy(await readFile('raw_come.npy'));
 * console.log(shape, data[0]); // [454, 100] ...
 * ```
 */
export function readNpy(buffer: ArrayBuffer | Uint8Array, name?: string): NpyArray {
  const fail = (msg: string): never => {
    throw new NpyFormatError(name ? `${name}: ${msg}` : msg);
  };
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) fail('not a .npy file (bad magic string)');
  const major = bytes[6];
  if (major !== 1 && major !== 2 && major !== 3) fail(`unsupported .npy version ${major}`);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (start + headerLen > bytes.length) fail('truncated header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) fail(`bad header ${header.trim()}`);
  if (fortran === 'True') fail('Fortran-order arrays are not supported (save with C order)');
  const m = /^([<|>=])([fiu]\d)$/.exec(descr as string);
  const dtype = m?.[2] as NpyDtype | undefined;
  if (!m || !dtype || !(dtype in CTORS)) return fail(`unsupported dtype '${descr}' (little-endian f8, f4, i1-i8, u1-u8 only)`);
  if (m[1] === '>' || (m[1] === '=' && new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)) fail(`big-endian dtype '${descr}' is not supported`);
  const shape = (shapeText as string).split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (shape.some((n) => !Number.isInteger(n) || n < 0)) fail(`bad shape (${shapeText})`);
  const count = shape.reduce((a, b) => a * b, 1);
  const Ctor = CTORS[dtype];
  const offset = start + headerLen;
  const needed = count * Ctor.BYTES_PER_ELEMENT;
  if (bytes.length - offset < needed) fail(`data is ${bytes.length - offset} bytes, shape (${shape.join(', ')}) needs ${needed}`);
  // Copy so the typed array is aligned whatever the header length and the buffer's offset (a Node Buffer's
  // slice() is a view, so copy explicitly).
  const copy = new Uint8Array(needed);
  copy.set(bytes.subarray(offset, offset + needed));
  const data = new Ctor(copy.buffer);
  return { shape, dtype, data };
}
