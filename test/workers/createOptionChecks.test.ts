/**
 * Every worker factory checks its options before it starts anything: a wrong option throws an InvalidOptionError
 * naming the factory and the option, what it takes (with its unit and range) and what it got (a string quoted).
 */
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { createClassifierWorker } from '../../src/workers/createClassifierWorker.js';
import { createFunctionClassifierWorker } from '../../src/workers/createFunctionClassifierWorker.js';
import { createHandEstimatorWorker } from '../../src/workers/createHandEstimatorWorker.js';
import { createOptionChecks } from '../../src/workers/createOptionChecks.js';
import { spawnWorker } from '../../src/workers/spawnWorker.js';

function thrown(start: () => unknown): InvalidOptionError {
  try {
    start();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionError);
    return error as InvalidOptionError;
  }
  throw new Error('expected an InvalidOptionError, nothing was thrown');
}

describe('worker factories check their options before starting a worker', () => {
  it('createHandEstimatorWorker', () => {
    const numHands = thrown(() => createHandEstimatorWorker({ numHands: '2' as unknown as number }));
    expect(numHands.option).toBe('numHands');
    expect(numHands.message).toBe('createHandEstimatorWorker: option `numHands` must be a whole number of hands per frame >= 1, got "2" (a string)');
    expect(thrown(() => createHandEstimatorWorker({ numHands: 0 })).message).toMatch(/got 0$/);
    expect(thrown(() => createHandEstimatorWorker({ minTrackingConfidence: 2 })).message).toMatch(/`minTrackingConfidence` must be a score from 0 to 1, got 2/);
    expect(thrown(() => createHandEstimatorWorker({ model: 'heavy' as 'full' })).option).toBe('model');
    expect(thrown(() => createHandEstimatorWorker({ delegate: 'NPU' as 'CPU' })).option).toBe('delegate');
    expect(thrown(() => createHandEstimatorWorker({ modelAssetPath: '' })).option).toBe('modelAssetPath');
    expect(thrown(() => createHandEstimatorWorker({ timestampPolicy: 'skip' as 'bump' })).option).toBe('timestampPolicy');
    expect(thrown(() => createHandEstimatorWorker({ maxRestarts: -1 })).message).toMatch(/`maxRestarts` must be a whole number of restarts in a row >= 0/);
    expect(thrown(() => createHandEstimatorWorker({ callTimeoutMs: { detect: 0 } })).option).toBe('callTimeoutMs.detect');
  });

  it('createClassifierWorker and createFunctionClassifierWorker', () => {
    expect(thrown(() => createClassifierWorker({ windowSize: 2.5 })).message).toBe('createClassifierWorker: option `windowSize` must be a whole number of frames per window >= 1, got 2.5');
    expect(thrown(() => createClassifierWorker({ backend: 'webgl' as 'cpu' })).message).toMatch(/'auto', 'wasm' or 'cpu', got "webgl"/);
    expect(thrown(() => createClassifierWorker({ labels: 'a,b' as unknown as string[] })).option).toBe('labels');
    expect(thrown(() => createClassifierWorker({ timeoutMs: -1 })).option).toBe('timeoutMs');
    expect(thrown(() => createClassifierWorker({ model: 7 as unknown as string })).message).toMatch(/'default' or 'swipes', or a URL/);
    expect(thrown(() => createFunctionClassifierWorker({} as { module: string })).message).toMatch(/`module` must be the URL or path of your classifier module, got undefined/);
    expect(thrown(() => createFunctionClassifierWorker({ module: 'm.js', labels: [''] })).option).toBe('labels');
  });

  it('spawnWorker, and what is accepted', () => {
    expect(thrown(() => spawnWorker('x.js', { timeoutMs: Number.NaN })).message).toMatch(/^spawnWorker: option `timeoutMs` must be a timeout in milliseconds \(or false: none\) > 0 \(Infinity allowed\), got NaN$/);
    const check = createOptionChecks('f');
    expect(() => check.number('n', Infinity, 'a count', { min: 0, infinite: true })).not.toThrow();
    expect(() => check.number('n', undefined, 'a count', { min: 0 })).not.toThrow();
    expect(() => check.url('u', new URL('https://example.test/'))).not.toThrow();
    expect(() => check.url('w', () => undefined, [], true)).not.toThrow();
    expect(check.shown({})).toBe('Object object');
    expect(check.shown([1, 2])).toBe('an array of 2');
  });
});
