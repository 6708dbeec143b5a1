import { transfer } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnWorker } from '../../src/workers/spawnWorker.js';
import { Worker as NodeWorker } from 'node:worker_threads';
import { WorkerError, WorkerTimeoutError } from '../../src/workers/workerErrors.js';
import type { WorkerRestartEvent } from '../../src/workers/workerTypes.js';
import type { EchoApi } from '../fixtures/workers/echoWorker.js';

const echoEntry = new URL('../fixtures/workers/echoWorker.ts', import.meta.url);
const handles: { terminate(): Promise<void> }[] = [];
function track<H extends { terminate(): Promise<void> }>(h: H): H {
  handles.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.terminate()));
});

describe('spawnWorker', () => {
  it('round-trips calls through a real worker thread running a .ts entry', async () => {
    const w = track(spawnWorker<EchoApi>(echoEntry));
    expect(w.name).toBe('echoWorker');
    expect(await w.api.add(2, 3)).toBe(5);
    expect(await w.api.calls()).toBe(1);
    await expect(w.api.fail('bad input')).rejects.toThrow('bad input');
    expect(w.state).toBe('running');
  });

  it('starts a .js entry directly', async () => {
    const w = track(spawnWorker<{ greet(n: string): string }>(new URL('../fixtures/workers/plainWorker.mjs', import.meta.url)));
    expect(await w.api.greet('hand')).toBe('hello hand');
  });

  it('transfers typed arrays instead of copying them', async () => {
    const w = track(spawnWorker<EchoApi>(echoEntry));
    const data = new Float32Array([1, 2, 3, 4]);
    const { out, receivedBytes } = await w.api.double(transfer(data, [data.buffer]));
    expect(data.byteLength).toBe(0);
    expect(receivedBytes).toBe(16);
    expect(Array.from(out)).toEqual([2, 4, 6, 8]);
  });

  it('rejects every pending call and later calls when the worker exits mid-call', async () => {
    const errors: WorkerError[] = [];
    const w = track(spawnWorker<EchoApi>(echoEntry, { name: 'exiter', onError: (e) => errors.push(e) }));
    const pending = w.api.hang();
    const exiting = w.api.exitSoon(3);
    const both = await Promise.allSettled([pending, exiting]);
    for (const r of both) {
      expect(r.status).toBe('rejected');
      const err = (r as PromiseRejectedResult).reason as WorkerError;
      expect(err).toBeInstanceOf(WorkerError);
      expect(err.message).toContain('"exiter"');
      expect(err.message).toContain('echoWorker.ts');
      expect(err.message).toContain('exited with code 3');
    }
    expect(w.state).toBe('dead');
    expect(errors).toHaveLength(1);
    await expect(w.api.add(1, 1)).rejects.toBeInstanceOf(WorkerError);
  });

  it('rejects pending calls when the worker throws an uncaught error', async () => {
    const w = track(spawnWorker<EchoApi>(echoEntry));
    const err = await w.api.crashSoon('boom in worker').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerError);
    expect((err as WorkerError).message).toContain('boom in worker');
  });

  it('rejects calls to a worker that throws while loading, naming it', async () => {
    const w = track(spawnWorker<EchoApi>(new URL('../fixtures/workers/throwsAtLoad.ts', import.meta.url)));
    const err = await w.api.add(1, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerError);
    expect((err as WorkerError).entry).toContain('throwsAtLoad.ts');
    expect((err as WorkerError).message).toContain('fixture worker refuses to load');
  });

  it('rejects calls to a missing worker file, naming the file', async () => {
    for (const file of ['../fixtures/workers/doesNotExist.ts', '../fixtures/workers/doesNotExist.mjs']) {
      const w = track(spawnWorker<EchoApi>(new URL(file, import.meta.url)));
      const err = await w.api.add(1, 2).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkerError);
      expect((err as WorkerError).message).toContain(file.slice(2));
      expect(w.state).toBe('dead');
    }
  });

  it('restart: true respawns the worker and later calls go to the new one', async () => {
    const restarts: WorkerRestartEvent[] = [];
    const w = track(spawnWorker<EchoApi>(echoEntry, { restart: true, onRestart: (e) => restarts.push(e) }));
    expect(await w.api.add(1, 1)).toBe(2);
    expect(await w.api.calls()).toBe(1);
    await expect(w.api.exitSoon(1)).rejects.toBeInstanceOf(WorkerError);
    expect(restarts).toHaveLength(1);
    expect(restarts[0]?.cause.message).toContain('exited with code 1');
    expect(w.generation).toBe(1);
    expect(await w.api.add(2, 2)).toBe(4);
    expect(await w.api.calls()).toBe(1);
    expect(w.state).toBe('running');
  });

  it('gives up after maxRestarts when the worker keeps failing to load', async () => {
    const restarts: WorkerRestartEvent[] = [];
    let gaveUp!: (e: WorkerError) => void;
    const finalError = new Promise<WorkerError>((resolve) => (gaveUp = resolve));
    const w = track(
      spawnWorker<EchoApi>(new URL('../fixtures/workers/throwsAtLoad.ts', import.meta.url), {
        restart: true,
        maxRestarts: 2,
        onRestart: (e) => restarts.push(e),
        onError: gaveUp,
      }),
    );
    await expect(w.api.add(1, 1)).rejects.toBeInstanceOf(WorkerError);
    expect((await finalError).message).toContain('fixture worker refuses to load');
    expect(restarts.map((r) => r.restarts)).toEqual([1, 2]);
    expect(w.state).toBe('dead');
  });

  it('terminate() rejects pending calls and later calls', async () => {
    const w = track(spawnWorker<EchoApi>(echoEntry));
    expect(await w.api.add(1, 1)).toBe(2);
    const pending = w.api.hang();
    await w.terminate();
    await expect(pending).rejects.toThrow(/was terminated/);
    await expect(w.api.add(1, 1)).rejects.toBeInstanceOf(WorkerError);
    expect(w.state).toBe('terminated');
  });
});

describe('spawnWorker: timeouts', () => {
  it('a call that never answers rejects with a WorkerTimeoutError naming worker, call and timeout; the worker is dead', async () => {
    const errors: WorkerError[] = [];
    const w = track(spawnWorker<EchoApi>(echoEntry, { name: 'hanger', callTimeoutMs: { spin: 300 }, onError: (e) => errors.push(e) }));
    expect(await w.api.add(1, 2)).toBe(3);
    const other = w.api.hang().catch((e: unknown) => e);
    const err = await w.api.spin().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerTimeoutError);
    const timeout = err as WorkerTimeoutError;
    expect(timeout).toMatchObject({ workerName: 'hanger', call: 'spin', timeoutMs: 300, recovered: false, code: 'worker-timeout' });
    expect(timeout.message).toContain('"hanger"');
    expect(timeout.message).toContain('echoWorker.ts');
    expect(timeout.message).toContain('spin() within 300 ms');
    // The hang() call was pending on the same worker (its own 30 s default timeout far away): it is stopped with it.
    const otherErr = await other;
    expect(otherErr).toBeInstanceOf(WorkerError);
    expect(w.state).toBe('dead');
    expect(errors).toEqual([timeout]);
    await expect(w.api.add(1, 1)).rejects.toBe(timeout);
  });

  it('callTimeoutMs overrides timeoutMs per call; false turns it off', async () => {
    const w = track(spawnWorker<EchoApi>(echoEntry, { timeoutMs: 200, callTimeoutMs: { slow: 20_000, add: 20_000 } }));
    expect(await w.api.add(1, 1)).toBe(2); // worker up
    expect(await w.api.slow(400)).toBe(400);
    await expect(w.api.hang()).rejects.toBeInstanceOf(WorkerTimeoutError);
    const w2 = track(spawnWorker<EchoApi>(echoEntry, { timeoutMs: false }));
    expect(await w2.api.slow(200)).toBe(200);
  });

  it('with restart, a timed-out worker is replaced: the call rejects recovered, later calls work, stats count it', async () => {
    const restarts: WorkerRestartEvent[] = [];
    const w = track(spawnWorker<EchoApi>(echoEntry, { callTimeoutMs: { spin: 300 }, restart: true, onRestart: (e) => restarts.push(e) }));
    expect(await w.api.add(1, 1)).toBe(2);
    const err = await w.api.spin().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerTimeoutError);
    expect((err as WorkerError).recovered).toBe(true);
    expect((err as WorkerError).message).toContain('restarted; this call is lost');
    expect(await w.api.add(2, 2)).toBe(4);
    expect(await w.api.calls()).toBe(1); // a fresh worker
    expect(restarts).toHaveLength(1);
    expect(restarts[0]).toMatchObject({ restarts: 1, lost: 1, generation: 1 });
    expect(restarts[0]!.cause).toBe(err);
    expect([w.restarts, w.lost, w.state]).toEqual([1, 1, 'running']);
  });
});

describe('spawnWorker: restart carries on', () => {
  it('calls lost to a crash reject with recovered: true; without restart recovered is false', async () => {
    const w = track(spawnWorker<EchoApi>(echoEntry, { restart: true }));
    const [a, b] = await Promise.all([w.api.hang().catch((e: unknown) => e), w.api.exitSoon(1).catch((e: unknown) => e)]);
    for (const e of [a, b]) {
      expect(e).toBeInstanceOf(WorkerError);
      expect((e as WorkerError).recovered).toBe(true);
    }
    expect([w.restarts, w.lost]).toEqual([1, 2]);
    const plain = track(spawnWorker<EchoApi>(echoEntry));
    const e = await plain.api.exitSoon(1).catch((x: unknown) => x);
    expect((e as WorkerError).recovered).toBe(false);
  });

  it('the last crash before giving up is not recovered', async () => {
    const w = track(spawnWorker<EchoApi>(echoEntry, { restart: true, maxRestarts: 1 }));
    expect((await w.api.exitSoon(1).catch((e: unknown) => e) as WorkerError).recovered).toBe(true);
    expect((await w.api.exitSoon(1).catch((e: unknown) => e) as WorkerError).recovered).toBe(false);
    expect(w.state).toBe('dead');
  });

  it('names what the worker runs and the option that set it', async () => {
    const w = track(spawnWorker<EchoApi>(echoEntry, { source: '/apps/myClassifier.js', setBy: 'the "worker" option' }));
    const err = (await w.api.exitSoon(2).catch((e: unknown) => e)) as WorkerError;
    expect(err.source).toBe('/apps/myClassifier.js');
    expect(err.message).toMatch(/echoWorker\.ts, set by the "worker" option\) running \/apps\/myClassifier\.js exited with code 2/);
  });
});

describe('spawnWorker: a function making the worker', () => {
  it('calls the function for each start (restart included)', async () => {
    let made = 0;
    const make = () => {
      made += 1;
      return new NodeWorker(new URL('../fixtures/workers/plainWorker.mjs', import.meta.url));
    };
    const w = track(spawnWorker<{ greet(n: string): string }>(make, { name: 'greeter', restart: true }));
    expect(w.entry).toBe('a Worker made by a function');
    expect(await w.api.greet('a')).toBe('hello a');
    expect(made).toBe(1);
  });

  it('a function that throws gives a WorkerError naming the worker, not a synchronous throw', async () => {
    const w = track(spawnWorker<EchoApi>(() => { throw new Error('no such worker'); }, { name: 'broken', entryName: 'my factory' }));
    const err = (await w.api.add(1, 1).catch((e: unknown) => e)) as WorkerError;
    expect(err).toBeInstanceOf(WorkerError);
    expect(err.message).toContain('worker "broken" (my factory) could not be started: no such worker');
  });
});
