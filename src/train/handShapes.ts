import { readFile } from 'node:fs/promises';
import type { LabelledSequence } from './trainTypes.js';
import { TrainingDataError } from './trainErrors.js';

/** A hand shape: 21 x (x, y, z) relative to its wrist, in image-normalised units (63 floats). */
export type HandShape = Float32Array;

/**
 * Takes hand shapes from real frames of sequences (only inside `ranges` when given, so held-out blocks stay
 * unseen): every `every`-th frame, made wrist-relative.
 *
 * @example
 * ```ts
 * import { shapesFromSequence } from 'posestream/train';
 * const shapes = shapesFromSequence(take, [[0, 600]], 5);
 * ```
 */
export function shapesFromSequence(
  sequence: LabelledSequence,
  ranges: ReadonlyArray<readonly [number, number]> = [[0, sequence.length - 1]],
  every = 5,
): HandShape[] {
  const shapes: HandShape[] = [];
  for (const [from, to] of ranges) {
    for (let f = from; f <= to; f += every) {
      const o = f * 63;
      const shape = new Float32Array(63);
      for (let l = 0; l < 21; l++) {
        for (let k = 0; k < 3; k++) shape[l * 3 + k] = (sequence.frames[o + l * 3 + k] as number) - (sequence.frames[o + k] as number);
      }
      shapes.push(shape);
    }
  }
  return shapes;
}

/**
 * Reads Kazuhito00 `keypoint.csv` (label, then 21 x (x, y) relative to the wrist, divided by the largest absolute
 * value; pixel aspect) into hand shapes with a palm (wrist->middle MCP) of `palm` image units and z = 0.
 * `aspect` (width / height of the image the shapes will be placed in) converts pixel x to normalised x.
 * Throws {@link TrainingDataError} naming the file and line when a row is not 43 finite numbers.
 *
 * Internal: one of the repository's dataset recipes (scripts/ and eval/ import it; no public entry exports it).
 *
 * @example
 * ```ts
 * import { readKeypointShapes } from '../src/train/handShapes.js'; // eval/swipeRecipe.ts
 * const shapes = await readKeypointShapes('../shared/data/landmarks/kazuhito00-hand-gesture/keypoint.csv', { every: 10 });
 * ```
 * @internal
 */
export async function readKeypointShapes(
  path: string,
  options: { palm?: number; aspect?: number; every?: number } = {},
): Promise<HandShape[]> {
  const palm = options.palm ?? 0.12;
  const aspect = options.aspect ?? 4 / 3;
  const every = options.every ?? 1;
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw new TrainingDataError('no-data', path, `cannot read keypoint file (${String(cause)})`);
  });
  const shapes: HandShape[] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n += every) {
    const line = (lines[n] as string).trim();
    if (line === '') continue;
    const values = line.split(',').map(Number);
    if (values.length !== 43 || values.some((v) => !Number.isFinite(v))) {
      throw new TrainingDataError('bad-windows', `${path}:${n + 1}`, `expected a label and 42 numbers, got ${values.length} fields`);
    }
    const mx = values[19] as number;
    const my = values[20] as number;
    const size = Math.hypot(mx, my);
    if (size < 1e-6) continue;
    const shape = new Float32Array(63);
    for (let l = 0; l < 21; l++) {
      shape[l * 3] = ((values[1 + l * 2] as number) * palm) / size / aspect;
      shape[l * 3 + 1] = ((values[2 + l * 2] as number) * palm) / size;
    }
    shapes.push(shape);
  }
  if (shapes.length === 0) throw new TrainingDataError('no-data', path, 'no hand shapes in the file');
  return shapes;
}
