import { afterEach, describe, expect, it } from 'vitest';
import { createFunctionClassifierWorker } from '../../src/workers/createFunctionClassifierWorker.js';
import type { ClassifierWorker } from '../../src/workers/classifierClient.js';
import { ClassifierError, ModelLoadError, WorkerError, WorkerTimeoutError } from '../../src/workers/workerErrors.js';
import type { PoseWindow } from '../../src/types.js';

const workers: ClassifierWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.dispose()));
});

function windowOf(size: number, fill: (frame: number, landmark: number) => [number, number, number]): PoseWindow & { packs: number } {
  const frames = Array.from({ length: size }, (_, i) => ({
    index: 100 + i,
    timestamp: 1000 + i * 33,
    hands: [{ handedness: 'Right' as const, score: 1, landmarks: Array.from({ length: 21 }, (_, j) => { const [x, y, z] = fill(i, j); return { x, y, z }; }) }],
  }));
  const w = {
    size, frames, hands: frames.map((f) => f.hands[0]!), startTimestamp: 1000, endTimestamp: 1000 + (size - 1) * 33,
    span: (size - 1) * 33, endIndex: 100 + size - 1, capturedAt: 1000 + (size - 1) * 33, emittedAt: 0, packs: 0,
    pack() {
      w.packs += 1;
      return Float32Array.from(frames.flatMap((f) => f.hands[0]!.landmarks.flatMap((l) => [l.x, l.y, l.z])));
    },
  };
  return w;
}

describe('createFunctionClassifierWorker', () => {
  it('round-trips a window through a user module in a worker and builds the Prediction', async () => {
    let t = 0;
    const c = createFunctionClassifierWorker({ module: new URL('../fixtures/workers/meanClassifier.ts', import.meta.url), now: () => (t += 10) });
    workers.push(c);
    const info = await c.ready;
    expect(info.labels).toEqual(['x', 'y', 'z']);
    expect(info.backend).toBe('function');
    const w = windowOf(4, (i, j) => [0.1 * i, 0.5, j === 0 ? 2 : 0]);
    const p = await c.classifyWindow(w);
    expect(w.packs).toBe(1);
    expect(p.categories.map((x) => x.categoryName)).toEqual(['x', 'y', 'z']);
    expect(p.categories[0]!.score).toBeCloseTo(0.15, 5);
    expect(p.categories[1]!.score).toBeCloseTo(0.5, 5);
    expect(p.categories[2]!.score).toBeCloseTo(2 / 21, 5);
    expect(p.label).toBe('y');
    expect(p.score).toBeCloseTo(0.5, 5);
    expect(p.windowEndIndex).toBe(103);
    expect(p.windowEndTimestamp).toBe(1099);
    expect([p.startedAt, p.finishedAt]).toEqual([10, 20]);
  });

  it('transfers the packed window to the worker', async () => {
    const c = createFunctionClassifierWorker({ module: new URL('../fixtures/workers/meanClassifier.ts', import.meta.url) });
    workers.push(c);
    const data = new Float32Array(2 * 63).fill(1);
    const scores = await c.classify(data, [2, 21, 3]);
    expect(data.byteLength).toBe(0);
    expect(Array.from(scores)).toEqual([1, 1, 1]);
  });

  it('rejects with a ModelLoadError naming a module without a default export', async () => {
    const c = createFunctionClassifierWorker({ module: new URL('../fixtures/workers/noDefaultClassifier.ts', import.meta.url) });
    workers.push(c);
    const err = await c.ready.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as Error).message).toContain('noDefaultClassifier.ts');
    await expect(c.classify(new Float32Array(63), [1, 21, 3])).rejects.toBeInstanceOf(ModelLoadError);
  });

  it('rejects with a ModelLoadError naming a missing module', async () => {
    const c = createFunctionClassifierWorker({ module: new URL('../fixtures/workers/missingClassifier.ts', import.meta.url) });
    workers.push(c);
    const err = await c.ready.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as Error).message).toContain('missingClassifier.ts');
  });
});

describe('createFunctionClassifierWorker: faults', () => {
  const faulty = new URL('../fixtures/workers/faultyClassifier.ts', import.meta.url);
  const windowStarting = (first: number) => {
    const data = new Float32Array(2 * 63).fill(0.5);
    data[0] = first;
    return data;
  };

  it("an exception in the user's function rejects with a ClassifierError naming the module, shape and its stack", async () => {
    const c = createFunctionClassifierWorker({ module: faulty });
    workers.push(c);
    const err = await c.classify(windowStarting(-3), [2, 21, 3]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClassifierError);
    expect((err as ClassifierError).source).toBe(faulty.href);
    expect((err as Error).message).toContain('faultyClassifier.ts threw on a window of shape [2, 21, 3]: RangeError: window has a bad value');
    expect((err as Error).stack).toContain('explode');
    expect(Array.from(await c.classify(windowStarting(0.5), [2, 21, 3]))).toEqual([0.5, 0.5, 0.5]); // the worker lives on
  });

  it("a dying worker names the user's module, not only the generic entry", async () => {
    const c = createFunctionClassifierWorker({ module: faulty });
    workers.push(c);
    await c.ready;
    const err = await c.classify(windowStarting(-1), [2, 21, 3]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerError);
    expect((err as WorkerError).source).toBe(faulty.href);
    expect((err as Error).message).toContain(`running ${faulty.href} exited with code 1`);
  });

  it('a call that never answers ends in a WorkerTimeoutError within its timeout', async () => {
    const c = createFunctionClassifierWorker({ module: faulty, timeoutMs: 500 });
    workers.push(c);
    await c.ready;
    const t0 = performance.now();
    const err = await c.classify(windowStarting(-2), [2, 21, 3]).catch((e: unknown) => e);
    console.info(`never-answering classify: WorkerTimeoutError after ${Math.round(performance.now() - t0)} ms (timeoutMs 500)`);
    expect(err).toBeInstanceOf(WorkerTimeoutError);
    expect(err).toMatchObject({ workerName: 'function-classifier', call: 'classify', timeoutMs: 500, recovered: false });
    expect((err as Error).message).toContain('faultyClassifier.ts');
  });

  it('with restart, a stuck worker is replaced and reloaded: only the stuck call is lost', async () => {
    const c = createFunctionClassifierWorker({ module: faulty, timeoutMs: 500, restart: true });
    workers.push(c);
    await c.ready;
    const err = await c.classify(windowStarting(-4), [2, 21, 3]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerTimeoutError);
    expect((err as WorkerError).recovered).toBe(true);
    expect(Array.from(await c.classify(windowStarting(0.5), [2, 21, 3]))).toEqual([0.5, 0.5, 0.5]);
    expect([c.worker.restarts, c.worker.lost, c.worker.generation]).toEqual([1, 1, 1]);
  });
});

describe('createFunctionClassifierWorker: ready across restarts', () => {
  it('a load lost to a crash is retried on the restarted worker; ready rejects only when restarts run out', async () => {
    const module = new URL('../fixtures/workers/exitsAtImportClassifier.ts', import.meta.url);
    const c = createFunctionClassifierWorker({ module, restart: true, maxRestarts: 2 });
    workers.push(c);
    const err = await c.ready.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerError);
    expect(err).toMatchObject({ recovered: false, source: module.href });
    expect((err as Error).message).toContain('exited with code 3');
    expect(c.worker.restarts).toBe(2);
  });
});
