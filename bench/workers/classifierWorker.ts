/**
 * Worker entry: the stand-in classifier (calibrated CPU work over a packed window), exposed with comlink.
 * Wiring only; the work is in ../standIns.ts.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createStandInClassifier, type Timed } from '../standIns.js';
import { calibrateSpin } from '../burn.js';

let classify: ((packed: Float32Array, shape: readonly [number, number, number]) => Timed<number[]>) | undefined;

const api = {
  /** Calibrates the loop on this thread (the parent's figure is only a hint: JIT and contention differ per thread). */
  init(workMs: number, _parentItersPerMs: number): number {
    const itersPerMs = calibrateSpin();
    classify = createStandInClassifier(workMs, itersPerMs);
    return itersPerMs;
  },
  classify(packed: Float32Array, shape: readonly [number, number, number]): Timed<number[]> {
    if (!classify) throw new Error('classifierWorker: classify() called before init()');
    return classify(packed, shape);
  },
};

/** The classifier worker's comlink API. */
export type ClassifierWorkerApi = typeof api;

if (parentPort) expose(api, nodeEndpoint(parentPort));
