// Worker entry: teaches a gesture model off the page's main thread (logic in ../gestureTrainerService.ts).
import { exposeWorker } from '../exposeWorker.js';
import { createGestureTrainerService } from '../gestureTrainerService.js';

exposeWorker(createGestureTrainerService());
