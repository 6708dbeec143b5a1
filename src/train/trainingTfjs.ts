/**
 * TensorFlow.js for training (Node tools only): the classifier's pieces (`../workers/tfjs.ts`) plus the gradients
 * that training needs. Only the `@tensorflow/tfjs` union package registers gradients in a form Node can load, so
 * training needs it installed (an optional peer of posestream: `npm install -D @tensorflow/tfjs@4.22.0`); a browser
 * app that only classifies never loads this module.
 * @internal
 */
import '@tensorflow/tfjs';

export * from '../workers/tfjs.js';
