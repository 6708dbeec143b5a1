// Worker entry: runs a user's classifier function module (logic in ../functionClassifier.ts).
import { exposeWorker } from '../exposeWorker.js';
import { createFunctionClassifierService } from '../functionClassifier.js';

exposeWorker(createFunctionClassifierService());
