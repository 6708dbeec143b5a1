// Worker entry: runs a user's classifier function module and its off-main-thread gesture stream (logic in ../functionClassifier.ts, ../withGestureStream.ts).
import { exposeWorker } from '../exposeWorker.js';
import { createFunctionClassifierService } from '../functionClassifier.js';
import { withGestureStream } from '../withGestureStream.js';

exposeWorker(withGestureStream(createFunctionClassifierService()));
