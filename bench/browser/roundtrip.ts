/**
 * The `roundtrip` scenario: in headless Chromium, real 640x480 video frames go back to back through the hand
 * estimator worker (full, then lite); per frame, the time `detectForVideo` took inside the worker vs the main
 * thread's round trip (transfer + messaging + result). Figures leave out the first `warmupFrames`.
 */
import { loadavg } from 'node:os';
import type { BrowserContext } from 'playwright-core';
import { startPageServer } from '../../src/browser/startPageServer.js';
import { BenchError } from '../benchError.js';
import { pctFigures, round } from '../measure.js';
import type { LandmarkerVariant, RoundtripRecord } from './browserBenchTypes.js';
import { PROJECT_ROOT } from './media.js';
import type { RoundtripRun } from './roundtripPage.js';

/** Warm-up frames left out of the figures: min(5, frames / 4). */
export function warmupFrames(frames: number): number {
  return Math.min(5, Math.floor(frames / 4));
}

/** Turns one page run into its record (pure; exported for the tests). */
export function roundtripRecord(model: LandmarkerVariant, runResult: RoundtripRun, warmup: number, load = loadavg()[0] ?? 0): RoundtripRecord {
  const timings = runResult.timings.slice(warmup);
  const hands = runResult.hands.slice(warmup);
  const detect = timings.map((t) => t.detectMs);
  const trip = timings.map((t) => t.roundTripMs);
  const d = pctFigures('detect', detect);
  const r = pctFigures('roundTrip', trip);
  const o = pctFigures('overhead', timings.map((t) => t.roundTripMs - t.detectMs));
  const meanTrip = trip.reduce((s, v) => s + v, 0) / (trip.length || 1);
  const dp50 = d['detectP50Ms'] ?? null;
  const rp50 = r['roundTripP50Ms'] ?? null;
  return {
    scenario: 'roundtrip',
    row: model,
    width: runResult.width,
    height: runResult.height,
    frames: timings.length,
    warmupFrames: warmup,
    handFrames: hands.filter((n) => n > 0).length,
    detectP50Ms: dp50,
    detectP95Ms: d['detectP95Ms'] ?? null,
    roundTripP50Ms: rp50,
    roundTripP95Ms: r['roundTripP95Ms'] ?? null,
    overheadP50Ms: o['overheadP50Ms'] ?? null,
    overheadP95Ms: o['overheadP95Ms'] ?? null,
    roundTripRatio: dp50 !== null && rp50 !== null && dp50 > 0 ? round(rp50 / dp50) : null,
    estimatorFps: trip.length > 0 && meanTrip > 0 ? round(1000 / meanTrip, 2) : null,
    loadAvg1m: round(load, 2),
  };
}

/** Runs the scenario for both models in one page of `context`; `log` narrates. */
export async function runRoundtrip(
  context: BrowserContext,
  options: { mp4: string; frames: number; log: (m: string) => void },
): Promise<RoundtripRecord[]> {
  const server = await startPageServer({ root: PROJECT_ROOT, mounts: { '/bench-media/frames.mp4': options.mp4 } });
  const page = await context.newPage();
  try {
    await page.goto(`${server.origin}/bench/browser/roundtrip.html`);
    await page.waitForFunction(() => document.title === 'roundtrip ready', null, { timeout: 60_000 });
    const warmup = warmupFrames(options.frames);
    const records: RoundtripRecord[] = [];
    for (const model of ['full', 'lite'] as const) {
      options.log(`roundtrip ${model}: ${options.frames} frames (${warmup} warm-up) at 640x480`);
      let result: RoundtripRun;
      try {
        result = await page.evaluate(
          ([url, m, n]) =>
            (window as unknown as { posestreamRoundtrip: (u: string, m: LandmarkerVariant, n: number) => Promise<RoundtripRun> }).posestreamRoundtrip(url, m, n),
          ['/bench-media/frames.mp4', model, options.frames] as const,
        );
      } catch (error) {
        throw new BenchError(`bench:browser: roundtrip ${model} failed in the page: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (result.timings.length !== options.frames) {
        throw new BenchError(`bench:browser: roundtrip ${model}: ${result.timings.length} timings for ${options.frames} frames`);
      }
      records.push(roundtripRecord(model, result, warmup));
    }
    return records;
  } finally {
    await page.close();
    await server.close();
  }
}
