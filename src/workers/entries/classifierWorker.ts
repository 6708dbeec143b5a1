// Worker entry: the swipe recogniser or a TensorFlow.js window classifier, and the off-main-thread gesture stream (logic in ../gestureClassifierService.ts, ../withGestureStream.ts).
import { exposeWorker } from '../exposeWorker.js';
import { createGestureClassifierService } from '../gestureClassifierService.js';
import { withGestureStream } from '../withGestureStream.js';

exposeWorker(withGestureStream(createGestureClassifierService()));
