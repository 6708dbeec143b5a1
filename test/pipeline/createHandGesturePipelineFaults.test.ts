/**
 * createHandGesturePipeline in Debian's Chromium on the built package, with workers that fail
 * (test/pipeline/faultyWorker.js: the packaged workers, with a real crash, a silent exit, a hang or a starved frame
 * stream on request). The fault matrix: {classifier, hand-landmarker} x {crash, exit, hang} x {workers, main thread}
 * x {gesture held, no gesture}, all in one browser session (one page, one pipeline per case, in sequence). Each case
 * asserts the gesture contract (a held gesture ends within a bounded time of the fault, cut short with reason
 * 'restart' unless its predictions ended it first; gesture$ is null again; no stray event), the restart and what it
 * cost in stats$, the pipeline carrying on, and nothing left after dispose() (which ends a gesture still held with
 * reason 'disposed'). Then the faults outside the matrix: a starved estimator stream (found after 15 s), a stream that
 * breaks for good (reason 'error') and dispose() while a gesture is held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultCase, FaultReport } from './faultCase.js';
import { startPipelineSession, type PipelineSession } from './pipelineSession.js';

let session: PipelineSession;
const reports: FaultReport[] = [];

beforeAll(async () => {
  session = await startPipelineSession();
}, 180_000);

afterAll(async () => {
  for (const r of reports) {
    const c = r.faultCase;
    console.info(
      `${c.runOn.padEnd(11)} ${c.worker.padEnd(15)} ${c.fault.padEnd(6)} ${c.held ? 'held' : 'none'}: ` +
        `held ${r.heldAtFault ?? '-'}, end after ${r.endAfterMs?.toFixed(0) ?? '-'} ms (${r.endReason ?? 'no reason'}), restart seen after ${r.restartSeenAfterMs?.toFixed(0) ?? '-'} ms, ` +
        `first prediction after ${r.firstPredictionAfterMs?.toFixed(0) ?? '-'} ms, longest gap ${r.longestGapMs.toFixed(0)} ms, lost windows ${r.stats?.lostWindows} frames ${r.stats?.lostFrames}, ` +
        `dropped frames ${r.stats?.droppedFrames} windows ${r.stats?.droppedWindows}; lastError ${r.stats?.lastError}`,
    );
  }
  await session?.close();
});

function runCase(c: FaultCase): Promise<FaultReport> {
  return session.page.evaluate((x) => (window as unknown as { pipelinePage: { runFaultCase(c: FaultCase): Promise<FaultReport> } }).pipelinePage.runFaultCase(x), c);
}

/**
 * How long after the fault a held gesture must have ended: a hang or a silent exit is found in ~3 s; a starved
 * stream after 15 s of no pose frame while the camera delivers (17-20.5 s seen on this 2-core machine under a full
 * test run), and then the end comes with the restart (asserted in its test).
 */
const END_WITHIN_MS: Record<FaultCase['fault'], number> = { crash: 1000, exit: 6000, hang: 6000, starve: 30_000, break: 1000, dispose: 100 };

function expectContract(r: FaultReport): void {
  const c = r.faultCase;
  expect(r.injected).toBe(true);
  expect(r.errors).toEqual([]);
  expect(r.contractBroken).toBeNull();
  if (c.held) {
    expect(r.heldAtFault).not.toBeNull();
    expect(r.endAfterMs).not.toBeNull();
    expect(r.endAfterMs!).toBeLessThan(END_WITHIN_MS[c.fault]);
    expect(r.gestureAfterEnd).toBeNull();
    // Cut short by the restart, unless the predictions still in flight ended it first (then before the restart).
    if (r.endReason === null) expect(r.endAfterMs!).toBeLessThanOrEqual(r.restartSeenAfterMs ?? Infinity);
    else expect(r.endReason).toBe('restart');
  } else {
    expect(r.gestures).toEqual([]); // no start, and no stray end either
  }
  expect(r.restartSeenAfterMs).not.toBeNull();
  expect(r.stats!.restarts).toBeGreaterThanOrEqual(1);
  // What the fault cost is counted, and the latest message says it: a hung or exited worker had a value in flight
  // (and on the workers path the classifier worker's unread pose frames are lost with it).
  if (c.fault === 'exit' || c.fault === 'hang') {
    if (c.worker === 'classifier') expect(r.stats!.lostWindows).toBeGreaterThanOrEqual(1);
    else expect(r.stats!.lostFrames).toBeGreaterThanOrEqual(1);
    expect(r.stats!.lastError).toMatch(c.runOn === 'workers' ? /^lost (\d+ windows?|the frame)/ : /alive\(\) did not answer within 2000 ms \(restarted; this call is lost\)/);
  }
  expect(r.predictionsAfterRestart).toBeGreaterThanOrEqual(3); // and it carries on
  expectReleased(r);
}

/** dispose() ends what is held (reason 'disposed'), and nothing is left. */
function expectReleased(r: FaultReport): void {
  if (r.gestureAtDispose !== null) expect(r.gestures.at(-1)).toMatchObject({ phase: 'end', label: r.gestureAtDispose, reason: 'disposed' });
  expect(r.liveTracks).toBe(0);
  expect(r.liveWorkers).toBe(0);
  expect(r.finalStatus).toBe('disposed');
}

// POSESTREAM_FAULT_CASES=workers:classifier:hang:held,... runs only those matrix cases (while working on one).
const only = process.env.POSESTREAM_FAULT_CASES?.split(',');

describe('createHandGesturePipeline (built package, Chromium): the fault matrix', () => {
  for (const runOn of ['workers', 'main-thread'] as const) {
    for (const worker of ['classifier', 'hand-landmarker'] as const) {
      for (const fault of ['crash', 'exit', 'hang'] as const) {
        for (const held of [true, false]) {
          const name = `${runOn}:${worker}:${fault}:${held ? 'held' : 'none'}`;
          const run = only === undefined || only.includes(name) ? it : it.skip;
          run(`${name}: ${held ? 'the held gesture ends' : 'no stray gesture event'}, the worker restarts and the pipeline carries on`, { timeout: 120_000 }, async () => {
            const r = await runCase({ runOn, worker, fault, held, timeoutMs: 45_000 });
            reports.push(r);
            expectContract(r);
          });
        }
      }
    }
  }

  it('workers: a starved estimator stream (the worker answers, no frame comes) ends the held gesture once found and is started over', { timeout: 120_000 }, async () => {
    const r = await runCase({ runOn: 'workers', worker: 'hand-landmarker', fault: 'starve', held: true, timeoutMs: 60_000 });
    reports.push(r);
    expectContract(r);
    expect(r.restartSeenAfterMs!).toBeGreaterThanOrEqual(15_000); // not before the quiet time
    expect(Math.abs(r.endAfterMs! - r.restartSeenAfterMs!)).toBeLessThan(1000); // the end comes with the restart
    expect(r.stats!.lastError).toMatch(/no pose frame came from the estimator worker/);
  });

  it("workers: a stream that breaks for good (not recovered) ends the held gesture with reason 'error' before errors$ and status 'error'", { timeout: 120_000 }, async () => {
    const r = await runCase({ runOn: 'workers', worker: 'hand-landmarker', fault: 'break', held: true, timeoutMs: 30_000 });
    reports.push(r);
    expect(r.injected).toBe(true);
    expect(r.contractBroken).toBeNull();
    expect(r.endReason).toBe('error');
    expect(r.endAfterMs!).toBeLessThan(END_WITHIN_MS.break);
    expect(r.gestureAfterEnd).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/injected: the frame stream broke/);
    expect(r.statuses).toContain('error');
    expect(r.liveTracks).toBe(0);
    expect(r.liveWorkers).toBe(0);
  });

  for (const runOn of ['workers', 'main-thread'] as const) {
    it(`${runOn}: dispose() while a gesture is held ends it at once with reason 'disposed'`, { timeout: 120_000 }, async () => {
      const r = await runCase({ runOn, worker: 'classifier', fault: 'dispose', held: true, timeoutMs: 1_000 });
      reports.push(r);
      expect(r.injected).toBe(true);
      expect(r.errors).toEqual([]);
      expect(r.contractBroken).toBeNull();
      expect(r.endReason).toBe('disposed');
      expect(r.endAfterMs!).toBeLessThan(END_WITHIN_MS.dispose);
      expect(r.gestures).toHaveLength(2); // the start and its end, nothing after
      expect(r.liveTracks).toBe(0);
      expect(r.liveWorkers).toBe(0);
      expect(r.finalStatus).toBe('disposed');
    });
  }
});
