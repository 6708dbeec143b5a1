/**
 * Registers TensorFlow.js's chained tensor methods (`t.flatten()`, `t.add(b)`, ...) on the Tensor class.
 *
 * tfjs-layers calls them (the GRU's orthogonal initialiser calls `flatten()`), and only the `@tensorflow/tfjs`
 * union package registers them: tfjs-core's own registration file is an ES module with directory imports that
 * Node cannot load. Each method forwards to the tfjs-core op of the same name, with the tensor first, as tfjs-core's
 * `public/chained_ops` files do. Idempotent; a method already present is kept.
 * @internal
 */
import * as core from '@tensorflow/tfjs-core';

/** Ops called as `op(this, ...args)`. */
const FORWARDED = (
  'abs acos acosh add all any argMax argMin asin asinh atan atan2 atanh avgPool batchToSpaceND batchNorm broadcastTo ' +
  'cast ceil clipByValue conv1d conv2dTranspose conv2d cos cosh cumprod cumsum depthToSpace depthwiseConv2d ' +
  'dilation2d divNoNan div dot elu equal erf euclideanNorm exp expandDims expm1 fft floor floorDiv gather ' +
  'greaterEqual greater ifft irfft isFinite isInf isNaN leakyRelu lessEqual less localResponseNormalization ' +
  'logSigmoid logSoftmax logSumExp log log1p logicalAnd logicalNot logicalOr logicalXor matMul maxPool max maximum ' +
  'mean min minimum mirrorPad mod mul neg norm notEqual oneHot onesLike pad pool pow prelu prod reciprocal relu relu6 ' +
  'reshape reverse rfft round rsqrt selu separableConv2d sigmoid sign sin sinh ' +
  'slice softmax softplus spaceToBatchND split sqrt square squaredDifference squeeze step stridedSlice sub sum tan ' +
  'tanh tile topk transpose unique unsortedSegmentSum unstack zerosLike'
).split(' ');

type AnyFn = (...args: unknown[]) => unknown;
type Self = core.Tensor & { throwIfDisposed(): void };

/** Registers the methods once. @internal */
export function registerTensorMethods(): void {
  const proto = core.Tensor.prototype as unknown as Record<string, AnyFn | undefined>;
  const ops = core as unknown as Record<string, AnyFn | undefined>;
  const define = (name: string, body: (self: Self, ...args: unknown[]) => unknown): void => {
    if (typeof proto[name] === 'function') return;
    proto[name] = function (this: Self, ...args: unknown[]) {
      this.throwIfDisposed();
      return body(this, ...args);
    };
  };
  for (const name of FORWARDED) {
    const op = ops[name];
    if (typeof op === 'function') define(name, (self, ...args) => op(self, ...args));
  }
  define('flatten', (self) => core.reshape(self, [self.size]));
  define('resizeBilinear', (self, ...args) => (core.image.resizeBilinear as AnyFn)(self, ...args));
  define('resizeNearestNeighbor', (self, ...args) => (core.image.resizeNearestNeighbor as AnyFn)(self, ...args));
  define('asScalar', (self) => core.reshape(self, []));
  for (const rank of [1, 2, 3, 4, 5]) {
    define(`as${rank}D`, (self, ...shape) => core.reshape(self, rank === 1 ? [self.size] : (shape as number[])));
  }
  define('asType', (self, dtype) => core.cast(self, dtype as core.DataType));
  define('toFloat', (self) => core.cast(self, 'float32'));
  define('toInt', (self) => core.cast(self, 'int32'));
  define('toBool', (self) => core.cast(self, 'bool'));
  define('reshapeAs', (self, x) => core.reshape(self, (x as core.Tensor).shape));
  define('where', (self, condition, x) => core.where(condition as core.Tensor, self, x as core.Tensor));
  const others = (x: unknown): core.Tensor[] => (x instanceof core.Tensor ? [x] : (x as core.Tensor[]));
  define('concat', (self, x, axis) => core.concat([self, ...others(x)], axis as number | undefined));
  define('stack', (self, x, axis) => core.stack([self, ...others(x)], axis as number | undefined));
}
