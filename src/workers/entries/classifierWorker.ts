// Worker entry: the TensorFlow.js window classifier (logic in ../tfjsClassifier.ts).
import { exposeWorker } from '../exposeWorker.js';
import { createTfjsClassifierService } from '../tfjsClassifier.js';

exposeWorker(createTfjsClassifierService());
