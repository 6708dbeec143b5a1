/**
 * Worker entry: the stand-in estimator (real landmarks + calibrated CPU work), exposed with comlink.
 * Wiring only; the work is in ../standIns.ts.
 */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { Hand } from '../../src/types.js';
import { loadTakeHands } from '../data.js';
import { createStandInEstimator, type Timed } from '../standIns.js';
import { spin } from '../burn.js';

let estimate: ((index: number) => Timed<Hand[]>) | undefined;

const api = {
  /** Loads the take and warms the loop up; `itersPerMs` comes from the parent's calibration. */
  init(workMs: number, itersPerMs: number, takePath?: string): void {
    spin(Math.round(itersPerMs * 5));
    estimate = createStandInEstimator(loadTakeHands(takePath), workMs, itersPerMs);
  },
  estimate(index: number): Timed<Hand[]> {
    if (!estimate) throw new Error('estimatorWorker: estimate() called before init()');
    return estimate(index);
  },
};

/** The estimator worker's comlink API. */
export type EstimatorWorkerApi = typeof api;

if (parentPort) expose(api, nodeEndpoint(parentPort));
