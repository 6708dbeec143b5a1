/**
 * The TensorFlow.js pieces posestream uses, in one namespace: core (tensors, io, training), layers (LayersModel),
 * the cpu backend (registered on import: the fallback when wasm cannot start) and the chained tensor methods
 * layers needs. Not the `@tensorflow/tfjs` union package, which would pull webgl, converter and data into every app.
 * Internal: import `* as tf` from here.
 * @internal
 */
import '@tensorflow/tfjs-backend-cpu';
import { registerTensorMethods } from './registerTensorMethods.js';

registerTensorMethods();

export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
