/**
 * Real hand landmarks for the benchmark's stand-in estimator: one continuous webcam take from
 * `../shared/data/landmarks/kairess-gesture-recognition/` (float64 .npy, per frame 21 x (x, y, z, visibility),
 * then 15 angles and a class index; see shared/data/PROVENANCE.md). Frame i of the benchmark's source gets row
 * i mod rows, so the pipeline carries real landmarks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hand, Landmark } from '../src/types.js';
import { BenchError } from './benchError.js';

/** The take the benchmark replays (the "come" gesture, 454 frames). */
export const DEFAULT_TAKE = fileURLToPath(
  new URL('../../shared/data/landmarks/kairess-gesture-recognition/raw_come_1627646273.npy', import.meta.url),
);

/** Reads a 2-D little-endian float64 C-order .npy file into rows. */
export function readNpy2d(path: string): { rows: number; cols: number; data: Float64Array } {
  const buf = readFileSync(path);
  if (buf.length < 10 || buf.toString('latin1', 0, 6) !== '\x93NUMPY') {
    throw new BenchError(`${path}: not a .npy file (missing the \\x93NUMPY magic)`);
  }
  const major = buf[6] ?? 0;
  const headerLen = major >= 2 ? buf.readUInt32LE(8) : buf.readUInt16LE(8);
  const start = major >= 2 ? 12 + headerLen : 10 + headerLen;
  const header = buf.toString('latin1', major >= 2 ? 12 : 10, start);
  const shape = /'shape':\s*\((\d+),\s*(\d+)\)/.exec(header);
  if (!header.includes("'descr': '<f8'") || !header.includes("'fortran_order': False") || !shape) {
    throw new BenchError(`${path}: expected a 2-D '<f8' C-order array, header is ${header.trim()}`);
  }
  const rows = Number(shape[1]);
  const cols = Number(shape[2]);
  if (buf.length - start !== rows * cols * 8) {
    throw new BenchError(`${path}: header says ${rows}x${cols} float64 but ${buf.length - start} data bytes follow`);
  }
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows * cols; i++) data[i] = buf.readDoubleLE(start + i * 8);
  return { rows, cols, data };
}

/** Loads a kairess take as one right hand per frame (21 image landmarks; the take was mirrored, so 'Right'). */
export function loadTakeHands(path = DEFAULT_TAKE): Hand[] {
  const { rows, cols, data } = readNpy2d(path);
  if (cols < 84) throw new BenchError(`${path}: ${cols} columns per frame, need at least 21 x 4 = 84`);
  const hands: Hand[] = [];
  for (let r = 0; r < rows; r++) {
    const landmarks: Landmark[] = [];
    for (let k = 0; k < 21; k++) {
      const o = r * cols + k * 4;
      const x = data[o] ?? NaN;
      const y = data[o + 1] ?? NaN;
      const z = data[o + 2] ?? NaN;
      if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
        throw new BenchError(`${path}: frame ${r} landmark ${k} is not finite (${x}, ${y}, ${z})`);
      }
      landmarks.push({ x, y, z });
    }
    hands.push({ handedness: 'Right', score: 1, landmarks });
  }
  return hands;
}
