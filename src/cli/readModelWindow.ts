import { readFileSync } from 'node:fs';

/**
 * The window size (frames, N) a TensorFlow.js LayersModel takes, read from its model.json without loading it: the
 * `N` of the first `batch_input_shape` `[null, N, 21, 3]` or `[null, N, 63]` of its topology. Undefined when the
 * file cannot be read or parsed or says nothing usable (the classifier worker then reports what is wrong with it).
 * Lets `posestream classify` check `--window` before any worker starts.
 *
 * @example
 * ```ts
 * readModelWindow('models/default/model.json'); // 30
 * ```
 * @internal
 */
export function readModelWindow(modelJson: string): number | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(modelJson, 'utf8'));
  } catch {
    return undefined;
  }
  const shape = findInputShape((json as { modelTopology?: unknown } | null)?.modelTopology, 0);
  const n = shape?.[1];
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Depth-first: the first `batch_input_shape` / `batchInputShape` array in a Keras topology. */
function findInputShape(node: unknown, depth: number): unknown[] | undefined {
  if (node === null || typeof node !== 'object' || depth > 12) return undefined;
  const record = node as Record<string, unknown>;
  for (const key of ['batch_input_shape', 'batchInputShape']) {
    if (Array.isArray(record[key])) return record[key] as unknown[];
  }
  for (const value of Array.isArray(node) ? node : Object.values(record)) {
    const found = findInputShape(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}
