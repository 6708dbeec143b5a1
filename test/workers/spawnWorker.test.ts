import { transfer } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnWorker } from '../../src/workers/spawnWorker.js';
import { WorkerError } from '../../src/workers/workerErrors.js';
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
