/** Worker entry: exposes the hand-landmarker API (src/workers/handLandmarkerWorker.ts) with comlink. Wiring only. */
import * as Comlink from 'comlink';
import { createHandLandmarkerWorkerApi } from '../handLandmarkerWorker.js';

Comlink.expose(createHandLandmarkerWorkerApi());
