/**
 * createHandGesturePipeline in Debian's Chromium on the built package, with workers that fail: a crashed classifier
 * or estimator worker (its 'error' event), an estimator worker that really hangs (test/pipeline/hangableWorker.js:
 * the packaged worker plus a busy loop on request) and one whose frame stream starves (the same worker, its reads
 * left waiting on request). Each fault is found, the worker restarted, and the stream
 * carries on. Each run gets a browser of its own (fresh renderer, profile and caches): in this stop's clean-clone
 * CI runs, runs late in a shared browser twice saw a new estimator worker not load its model (after a restart, and
 * once at all), which never happened in a fresh one; the cause is not known.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from './pipelinePage.js';
import { expectReleased, runPipeline, startPipelineSession, type PipelineSession, type RunArgs } from './pipelineSession.js';

let session: PipelineSession | undefined;

/** Runs one pipeline in a fresh browser session. */
async function runFresh(...args: RunArgs): Promise<RunReport> {
  session = await startPipelineSession();
  return runPipeline(session.page, ...args);
}

afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('createHandGesturePipeline (built package, Chromium): crashed and hung workers', () => {
  for (const worker of ['classifier', 'hand-landmarker'] as const) {
    it(`on the workers path, a crashed ${worker} worker is restarted and the stream carries on`, { timeout: 180_000 }, async () => {
      // Until more than 5 predictions came after the crash (a new worker loads its model first: slow on a loaded machine).
      const r = await runFresh({ runOn: 'workers' }, 60_000, 'recovered', undefined, undefined, { afterPredictions: 3, worker });
      console.info(`${worker} crashed after 3 predictions: ${r.predictionsAfterCrash} predictions in the ${r.recoveredAfterMs?.toFixed(0)} ms after, ${r.restarts} restarts (seen ${r.restartSeenAfterMs?.toFixed(0)} ms after, first pose frame after it at ${r.firstPoseAfterRestartMs?.toFixed(0)} ms); errors ${JSON.stringify(r.errors)}`);
      expect(r.errors).toEqual([]);
      expect(r.restarts).toBeGreaterThanOrEqual(1);
      expect(r.predictionsAfterCrash).toBeGreaterThan(5); // at most ~2 were in flight at the crash: the rest came after the restart
      expectReleased(r);
    });
  }

  it('on the workers path, a hung estimator worker (it stops answering) is found and restarted', { timeout: 240_000 }, async () => {
    // Found after 3 s without a pose frame plus 10 s for alive(); the restarted worker then loads its model. One CI
    // run under load saw that load not finish (one model load logged, not two): the 60 s init timeout restarts it
    // again, so the run allows for that (150 s) and ends as soon as the stream carries on.
    const r = await runFresh( { runOn: 'workers' }, 150_000, 'recovered', undefined, undefined, undefined, { afterPredictions: 3 });
    console.info(`hand-landmarker hung after 3 predictions: ${r.predictionsAfterCrash} predictions in the ${r.recoveredAfterMs?.toFixed(0)} ms after, ${r.restarts} restarts (seen ${r.restartSeenAfterMs?.toFixed(0)} ms after the hang, first pose frame after it at ${r.firstPoseAfterRestartMs?.toFixed(0)} ms); errors ${JSON.stringify(r.errors)}; statuses ${r.statuses.join(",")}; stats ${JSON.stringify(r.stats)}; poses ${r.poses}`);
    expect(r.errors).toEqual([]);
    expect(r.restarts).toBeGreaterThanOrEqual(1);
    expect(r.predictionsAfterCrash).toBeGreaterThan(5); // at most ~2 were in flight when it hung: the rest came after the restart
    // The camera's frames that the hung estimator never read (13 s until the restart, a 15 fps camera) are drops,
    // counted from the track's delivered frames (the processor drops them where no operator sees them).
    expect((r.stats as { droppedFrames: number }).droppedFrames).toBeGreaterThan(45);
    expectReleased(r);
  });

  it('on the workers path, an estimator that answers but gets no camera frame (a starved stream) is restarted', { timeout: 180_000 }, async () => {
    // The worker stays alive (alive() answers) while the stream it reads brings nothing: found after 15 s without a
    // pose frame while the camera delivered frames; the new stream (same worker, no model load) is served.
    const r = await runFresh({ runOn: 'workers' }, 90_000, 'recovered', undefined, undefined, undefined, { afterPredictions: 3, starve: true });
    console.info(`hand-landmarker starved after 3 predictions: ${r.predictionsAfterCrash} predictions in the ${r.recoveredAfterMs?.toFixed(0)} ms after, ${r.restarts} restarts (seen ${r.restartSeenAfterMs?.toFixed(0)} ms after, first pose frame after it at ${r.firstPoseAfterRestartMs?.toFixed(0)} ms); errors ${JSON.stringify(r.errors)}; stats ${JSON.stringify(r.stats)}`);
    expect(r.errors).toEqual([]);
    expect(r.restarts).toBeGreaterThanOrEqual(1);
    expect((r.stats as { lastError?: string }).lastError).toMatch(/no pose frame came from the estimator worker/);
    expect(r.restartSeenAfterMs).toBeGreaterThanOrEqual(15_000); // not before the quiet time
    expect(r.predictionsAfterCrash).toBeGreaterThan(5);
    expectReleased(r);
  });
});
