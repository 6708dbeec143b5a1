/**
 * createHandGesturePipeline on the workers path in Debian's Chromium (built package) with `{ stream }` sources that
 * are not a camera: `canvas.captureStream()`, a `MediaStreamTrackGenerator` and the remote track of a WebRTC loopback,
 * each playing a real swipe video. Their tracks have no frame counters (`track.stats === null`): the pipeline runs
 * (pose frames with hands, predictions), says what it cannot count (`stats$.warnings`), and leaves the caller's track
 * running after dispose().
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipelineSession, type PipelineSession } from './pipelineSession.js';
import type { StreamKind, StreamReport } from './streamSources.js';

let session: PipelineSession;

beforeAll(async () => {
  session = await startPipelineSession();
}, 180_000);

afterAll(async () => {
  await session?.close();
});

function runStream(kind: StreamKind, ms: number): Promise<StreamReport> {
  return session.page.evaluate(
    ([k, m]) => (window as unknown as { pipelinePage: { runStreamSource(k: StreamKind, m: number): Promise<StreamReport> } }).pipelinePage.runStreamSource(k, m),
    [kind, ms] as const,
  );
}

describe('createHandGesturePipeline (built package, Chromium): { stream } sources that are not a camera, on workers', () => {
  for (const kind of ['canvas', 'generator', 'webrtc'] as const) {
    it(`${kind}: runs, says that its track has no frame counters, and leaves the caller's track running`, { timeout: 120_000 }, async () => {
      const r = await runStream(kind, 6_000);
      console.info(`${kind}: track.stats ${r.trackStats}; ${r.poses} poses (${r.handFrames} with a hand), ${r.predictions} predictions; statuses ${r.statuses.join(',')}; errors ${JSON.stringify(r.errors)}; warnings ${JSON.stringify(r.warnings)}`);
      expect(r.trackStats).toBe('null'); // what made the starvation check throw a TypeError 3 ms after ready
      expect(r.runsOn).toBe('workers');
      expect(r.errors).toEqual([]);
      expect(r.readyError).toBeNull();
      expect(r.statuses.slice(0, 2)).toEqual(['starting', 'running']);
      expect(r.poses).toBeGreaterThan(10);
      expect(r.handFrames).toBeGreaterThan(0);
      expect(r.predictions).toBeGreaterThan(0);
      expect(r.warnings.some((w) => /no frame counters/.test(w))).toBe(true);
      expect(r.droppedFrames).toBe(0); // not counted, rather than guessed
      expect(r.liveWorkers).toBe(0);
      expect(r.sourceTrackLive).toBe(true); // the caller's
      expect(r.statuses.at(-1)).toBe('disposed');
    });
  }
});
