// Worker entry: the TensorFlow.js window classifier and its off-main-thread gesture stream (logic in ../tfjsClassifier.ts, ../withGestureStream.ts).
import { exposeWorker } from '../exposeWorker.js';
import { createTfjsClassifierService } from '../tfjsClassifier.js';
import { withGestureStream } from '../withGestureStream.js';

exposeWorker(withGestureStream(createTfjsClassifierService()));
