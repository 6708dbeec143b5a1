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
import { calibrateSpin } from '../burn.js';

let estimate: ((index: number) => Timed<Hand[]>) | undefined;

const api = {
  /** Loads the take and calibrates the loop on this thread (the parent's figure is only a hint). */
  init(workMs: number, _parentItersPerMs: number, takePath?: string): number {
    const itersPerMs = calibrateSpin();
    estimate = createStandInEstimator(loadTakeHands(takePath), workMs, itersPerMs);
    return itersPerMs;
  },
  estimate(index: number): Timed<Hand[]> {
    if (!estimate) throw new Error('estimatorWorker: estimate() called before init()');
    return estimate(index);
  },
};

/** The estimator worker's comlink API. */
export type EstimatorWorkerApi = typeof api;

if (parentPort) expose(api, nodeEndpoint(parentPort));
