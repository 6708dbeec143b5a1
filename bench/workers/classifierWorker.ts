/**
 * Worker entry: the stand-in classifier (calibrated CPU work over a packed window), exposed with comlink.
 * Wiring only; the work is in ../standIns.ts.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createStandInClassifier, type Timed } from '../standIns.js';
import { spin } from '../burn.js';

let classify: ((packed: Float32Array, shape: readonly [number, number, number]) => Timed<number[]>) | undefined;

const api = {
  /** Warms the loop up; `itersPerMs` comes from the parent's calibration. */
  init(workMs: number, itersPerMs: number): void {
    spin(Math.round(itersPerMs * 5));
    classify = createStandInClassifier(workMs, itersPerMs);
  },
  classify(packed: Float32Array, shape: readonly [number, number, number]): Timed<number[]> {
    if (!classify) throw new Error('classifierWorker: classify() called before init()');
    return classify(packed, shape);
  },
};

/** The classifier worker's comlink API. */
export type ClassifierWorkerApi = typeof api;

if (parentPort) expose(api, nodeEndpoint(parentPort));
