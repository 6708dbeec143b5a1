/** Worker entry: exposes the hand-landmarker API and its off-main-thread stream with comlink. Wiring only. */
import * as Comlink from 'comlink';
import { createHandLandmarkerWorkerApi } from '../handLandmarkerWorker.js';
import { withHandStream } from '../withHandStream.js';

Comlink.expose(withHandStream(createHandLandmarkerWorkerApi()));
