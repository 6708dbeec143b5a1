/**
 * `npm run bench:browser` (bench/browser/run.ts): its flags, the figures it derives from page timings, and one
 * short real run in headless Chromium (8 frames per model, 2 s per display row, one 2 s longtasks row) checked
 * against the JSON contract. No speed assertions: the figures only have to be present, finite and consistent with
 * each other.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserBenchRecord, DisplayRecord, LongTaskRecord, RoundtripRecord } from '../../bench/browser/browserBenchTypes.js';
import { DISPLAY_ROWS, displayRecord } from '../../bench/browser/display.js';
import { longTaskRecord, longTaskRows, withKeptPct, type LongTaskSample } from '../../bench/browser/longTasks.js';
import { labelCounts, toMarkdown } from '../../bench/browser/report.js';
import { roundtripRecord, warmupFrames } from '../../bench/browser/roundtrip.js';
import { parseArgs } from '../../bench/browser/run.js';
import { BenchError } from '../../src/cli/bench.js';

const run = promisify(execFile);

const ROUNDTRIP_KEYS = [
  'width', 'height', 'frames', 'warmupFrames', 'handFrames', 'detectP50Ms', 'detectP95Ms', 'roundTripP50Ms',
  'roundTripP95Ms', 'overheadP50Ms', 'overheadP95Ms', 'roundTripRatio', 'estimatorFps', 'loadAvg1m',
] as const;
const DISPLAY_KEYS = [
  'classifierDelayMs', 'cameraIntervalMs', 'seconds', 'intervals', 'displayP50Ms', 'displayP95Ms', 'displayP99Ms',
  'displayMaxMs', 'missedCallbacks', 'estimatorFps', 'classifierFps', 'droppedWindows', 'loadAvg1m',
] as const;

describe('bench:browser flags', () => {
  it('parses the documented flags, with every scenario, both paths and 0/200/500 ms long tasks by default', () => {
    const a = parseArgs(['--json', '--frames', '30', '--seconds', '2.5', '--settle', '3', '--scenario', 'display', '--landmarker', 'lite']);
    expect(a).toMatchObject({ json: true, frames: 30, seconds: 2.5, settleS: 3, scenarios: ['display'], landmarker: 'lite' });
    expect(parseArgs([])).toMatchObject({
      json: false, frames: 120, seconds: 10, scenarios: ['roundtrip', 'display', 'longtasks'], landmarker: 'full',
      paths: ['workers', 'main-thread'], longTaskMs: [0, 200, 500],
    });
    expect(parseArgs([]).out).toMatch(/bench\/out\/browser\.jsonl$/);
    const b = parseArgs(['--scenario', 'longtasks', '--path', 'main-thread', '--long-task', '0', '--long-task', '250', '--long-task', '0']);
    expect(b).toMatchObject({ scenarios: ['longtasks'], paths: ['main-thread'], longTaskMs: [0, 250] });
  });
  it('rejects bad flags with a BenchError naming them', () => {
    expect(() => parseArgs(['--frames', '2.5'])).toThrow(BenchError);
    expect(() => parseArgs(['--frames', '2.5'])).toThrow(/--frames needs a positive integer, got 2.5/);
    expect(() => parseArgs(['--frames', '3'])).toThrow(/--frames must be 4 or more/);
    expect(() => parseArgs(['--seconds'])).toThrow(/--seconds needs a positive number, got nothing/);
    expect(() => parseArgs(['--scenario', 'stall'])).toThrow(/--scenario must be roundtrip, display, longtasks or teach, got stall/);
    expect(() => parseArgs(['--path', 'gpu'])).toThrow(/--path must be workers or main-thread, got gpu/);
    expect(() => parseArgs(['--long-task', '-10'])).toThrow(/--long-task needs ms in 0\.\.1000 in steps of 10 \(the demo's control\), got -10/);
    expect(() => parseArgs(['--long-task', '205'])).toThrow(/got 205/);
    expect(() => parseArgs(['--long-task', '2000'])).toThrow(/got 2000/);
    expect(() => parseArgs(['--long-task'])).toThrow(/got nothing/);
    expect(() => parseArgs(['--landmarker', 'heavy'])).toThrow(/--landmarker must be full or lite, got heavy/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument --fast/);
  });
});

describe('bench:browser figures', () => {
  it('roundtrip: leaves out the warm-up, takes nearest-rank percentiles, ratio of the p50s, fps from the mean trip', () => {
    expect([4, 8, 20, 120].map(warmupFrames)).toEqual([1, 2, 5, 5]);
    const timings = [
      { index: 0, detectMs: 500, roundTripMs: 900 }, // warm-up, left out
      { index: 1, detectMs: 10, roundTripMs: 11 },
      { index: 2, detectMs: 20, roundTripMs: 23 },
      { index: 3, detectMs: 30, roundTripMs: 36 },
      { index: 4, detectMs: 40, roundTripMs: 50 },
    ];
    const r = roundtripRecord('lite', { width: 640, height: 480, sourceFrames: 5, timings, hands: [1, 0, 1, 1, 1] }, 1, 1.5);
    expect(r).toEqual({
      scenario: 'roundtrip', row: 'lite', width: 640, height: 480, frames: 4, warmupFrames: 1, handFrames: 3,
      detectP50Ms: 20, detectP95Ms: 40, roundTripP50Ms: 23, roundTripP95Ms: 50, overheadP50Ms: 3, overheadP95Ms: 10,
      roundTripRatio: 1.15, estimatorFps: 33.33, loadAvg1m: 1.5,
    });
  });

  it('display: percentiles over every drained interval, fps from counter deltas over the page clock', () => {
    const base = { classifyMs: [], errors: [] };
    const samples = [
      { ...base, t: 1000, intervals: [999], poseFrames: 100, predictions: 7, missedCallbacks: 2, droppedWindows: 4 },
      { ...base, t: 3000, intervals: [33, 34, 50], classifyMs: [160, 170], poseFrames: 120, predictions: 9, missedCallbacks: 2, droppedWindows: 6 },
      { ...base, t: 5000, intervals: [33, 100], classifyMs: [155], poseFrames: 140, predictions: 10, missedCallbacks: 3, droppedWindows: 9 },
    ];
    const r = displayRecord({ policy: 'drop', delayMs: 150 }, 'full', samples, 0.25);
    expect(r).toEqual({
      scenario: 'display', row: 'drop-150', policy: 'drop', classifierDelayMs: 150, landmarker: 'full',
      cameraIntervalMs: 33.333, seconds: 4, intervals: 5, displayP50Ms: 34, displayP95Ms: 100, displayP99Ms: 100,
      displayMaxMs: 100, missedCallbacks: 1, estimatorFps: 10, classifierFps: 0.75, classifyP50Ms: 160,
      droppedWindows: 5, loadAvg1m: 0.25,
    });
    expect(() => displayRecord({ policy: 'drop', delayMs: 0 }, 'full', samples.slice(0, 1))).toThrow(BenchError);
  });

  it('longtasks: rows path-major; rates from counter deltas; start events only; latency lists of the measurement only', () => {
    expect(longTaskRows().map((r) => `${r.path}-${r.longTaskMs}`)).toEqual([
      'workers-0', 'workers-200', 'workers-500', 'main-thread-0', 'main-thread-200', 'main-thread-500',
    ]);
    expect(longTaskRows(['main-thread'], [500, 0])).toEqual([{ path: 'main-thread', longTaskMs: 500 }, { path: 'main-thread', longTaskMs: 0 }]);
    const pct = (p50: number, p95: number, count: number) => ({ p50, p95, p99: p95, max: p95, count });
    const snap = (estimator: number, mainThread: ReturnType<typeof pct> | null, droppedFrames = 0) => ({
      fps: { source: 30, estimator, window: estimator, classifier: 8, display: 0 }, mainThread, droppedFrames,
    });
    const base: Omit<LongTaskSample, 't' | 'poseFrames' | 'predictions' | 'longTaskEntries' | 'longTaskTotalMs' | 'busyLoops'> = {
      gestures: [], landmarkLatencyMs: [], gestureLatencyMs: [], snapshots: [], runOn: 'workers', errors: [],
    };
    const samples: LongTaskSample[] = [
      { ...base, t: 1000, poseFrames: 50, predictions: 10, longTaskEntries: 3, longTaskTotalMs: 900, busyLoops: 2,
        gestures: [{ label: 'before', phase: 'start' }], landmarkLatencyMs: [999], gestureLatencyMs: [999], clockFloorMs: [9], snapshots: [snap(99, pct(9, 9, 9), 100)] },
      { ...base, t: 3000, poseFrames: 90, predictions: 26, longTaskEntries: 5, longTaskTotalMs: 1900, busyLoops: 4,
        gestures: [{ label: 'swipe_right', phase: 'start' }, { label: 'swipe_right', phase: 'end' }, { label: 'swipe_left', phase: 'start' }],
        landmarkLatencyMs: [30, 40, 50], gestureLatencyMs: [300], clockFloorMs: [0, 0.005, 0], snapshots: [snap(24, pct(0.02, 0.05, 40), 110), snap(25, pct(5, 5, 0), 120)] },
      { ...base, t: 5000, poseFrames: 130, predictions: 42, longTaskEntries: 7, longTaskTotalMs: 2901.04, busyLoops: 6,
        gestures: [{ label: 'swipe_right', phase: 'start' }], landmarkLatencyMs: [60], gestureLatencyMs: [500, 400],
        clockFloorMs: [0.08, 0],
        snapshots: [snap(26, pct(0.03, 0.08, 40), 125), { ...snap(26, pct(0.01, 0.06, 40), 130), resultsVia: 'shared-memory' as const }] },
    ];
    const r = longTaskRecord({ path: 'workers', longTaskMs: 500 }, 'full', samples, 1.234);
    expect(r).toEqual({
      scenario: 'longtasks', row: 'workers-500', path: 'workers', runsOn: 'workers', resultsVia: 'shared-memory', longTaskMs: 500, landmarker: 'full',
      seconds: 4, estimatorFps: 25.25, posesToPageFps: 20, predictionsPerS: 8, estimatorKeptPct: null, predictionsKeptPct: null,
      gestures: 3, gestureLabels: ['swipe_right', 'swipe_left', 'swipe_right'],
      gestureLatencyP50Ms: 400, gestureLatencyP95Ms: 500, landmarkLatencyP50Ms: 40, landmarkLatencyP95Ms: 60,
      mainThreadP50Ms: 0.02, mainThreadP95Ms: 0.06, mainThreadWorstP95Ms: 0.08, clockFloorP50Ms: 0, clockFloorP95Ms: 0.08, droppedFramesPerS: 7.5, longTaskEntries: 4, longTaskTotalMs: 2001, busyLoops: 4, loadAvg1m: 1.23,
    });
    // Stats without mainThread (a build without it), or none at all: null, never a made-up 0.
    const older = longTaskRecord({ path: 'main-thread', longTaskMs: 0 }, 'lite', samples.map((s) => ({ ...s, snapshots: s.snapshots.map((x) => ({ ...x, mainThread: null })) })));
    expect(older).toMatchObject({ estimatorFps: 25.25, mainThreadP50Ms: null, mainThreadP95Ms: null, mainThreadWorstP95Ms: null });
    const bare = longTaskRecord({ path: 'main-thread', longTaskMs: 0 }, 'lite', samples.map((s) => ({ ...s, snapshots: [], gestureLatencyMs: [] })));
    expect(bare).toMatchObject({ resultsVia: null, estimatorFps: null, posesToPageFps: 20, mainThreadP50Ms: null, gestureLatencyP50Ms: null, gestureLatencyP95Ms: null, droppedFramesPerS: null });
    // A demo without the clock floor (older build): null, not 0.
    const noFloor = longTaskRecord({ path: 'workers', longTaskMs: 0 }, 'full', samples.map(({ clockFloorMs: _, ...s }) => s));
    expect(noFloor).toMatchObject({ clockFloorP50Ms: null, clockFloorP95Ms: null });
    expect(() => longTaskRecord({ path: 'workers', longTaskMs: 0 }, 'full', samples.slice(0, 1))).toThrow(BenchError);
  });

  it('longtasks: kept % against the same path\'s 0 ms row, null without it', () => {
    const rec = (path: 'workers' | 'main-thread', longTaskMs: number, estimatorFps: number | null, predictionsPerS: number): LongTaskRecord => ({
      scenario: 'longtasks', row: `${path}-${longTaskMs}`, path, runsOn: path, resultsVia: null, longTaskMs, landmarker: 'full', seconds: 10,
      estimatorFps, posesToPageFps: 12, predictionsPerS, estimatorKeptPct: null, predictionsKeptPct: null, gestures: 0, gestureLabels: [],
      gestureLatencyP50Ms: null, gestureLatencyP95Ms: null, landmarkLatencyP50Ms: null, landmarkLatencyP95Ms: null,
      mainThreadP50Ms: null, mainThreadP95Ms: null, mainThreadWorstP95Ms: null, clockFloorP50Ms: null, clockFloorP95Ms: null, droppedFramesPerS: null,
      longTaskEntries: 0, longTaskTotalMs: 0, busyLoops: 0, loadAvg1m: 1,
    });
    const kept = withKeptPct([rec('workers', 0, 13.6, 11.2), rec('workers', 500, 13.2, 10.64), rec('main-thread', 0, 13.6, 11.2), rec('main-thread', 500, 6.9, 5.9), rec('main-thread', 200, 0, 0)]);
    expect(kept.map((r) => [r.row, r.estimatorKeptPct, r.predictionsKeptPct])).toEqual([
      ['workers-0', 100, 100], ['workers-500', 97.1, 95], ['main-thread-0', 100, 100], ['main-thread-500', 50.7, 52.7], ['main-thread-200', 0, 0],
    ]);
    expect(withKeptPct([rec('workers', 500, 10, 5)])[0]).toMatchObject({ estimatorKeptPct: null, predictionsKeptPct: null });
    expect(withKeptPct([rec('workers', 0, 0, 0), rec('workers', 200, 10, 5)])[1]).toMatchObject({ estimatorKeptPct: null, predictionsKeptPct: null });
    expect(withKeptPct([rec('workers', 0, null, 4), rec('workers', 200, 10, 2)])[1]).toMatchObject({ estimatorKeptPct: null, predictionsKeptPct: 50 });

    const md = toMarkdown(kept.map((r) => (r.row === 'workers-500' ? { ...r, gestures: 3, gestureLabels: ['swipe_right', 'swipe_left', 'swipe_right'], mainThreadP95Ms: 0.0421 } : r)));
    expect(md).toContain('### longtasks');
    expect(md).toContain('| workers-500 | workers | – | 10.0 | 13.2 | 97 % | 12.0 | 10.64 | 95 % | 3 | swipe_right x2, swipe_left |');
    expect(md).toContain('### long tasks: workers / main-thread path');
    expect(md).toContain('| 0 ms every 1 s | 13.6 / 13.6 | 100 % / 100 % | 11.20 / 11.20 | 100 % / 100 % | 0 / 0 | – / – | – / – | – / – |');
    expect(md).toContain('| 500 ms every 1 s | 13.2 / 6.9 | 97 % / 51 % | 10.64 / 5.90 | 95 % / 53 % | 3: swipe_right x2, swipe_left / 0 | – / – | – / – | 0.042 / – |');
    expect(md).not.toContain('| 200 ms every 1 s'); // no workers row of that length: no pair
    // A path the build did not run as asked is marked.
    expect(toMarkdown([{ ...kept[0]!, runsOn: 'main-thread' }, kept[2]!])).toContain('| 0 ms every 1 s (workers ran on main-thread) |');
    expect(labelCounts([])).toBe('');
  });

  it('markdown: a table per scenario and the round-trip target per model', () => {
    const trip = (row: 'full' | 'lite', ratio: number | null): RoundtripRecord => ({
      scenario: 'roundtrip', row, width: 640, height: 480, frames: 4, warmupFrames: 1, handFrames: 4, detectP50Ms: 20,
      detectP95Ms: 30, roundTripP50Ms: 21, roundTripP95Ms: 31, overheadP50Ms: 1, overheadP95Ms: 1, roundTripRatio: ratio,
      estimatorFps: 40, loadAvg1m: 1,
    });
    const md = toMarkdown([trip('full', 1.05), trip('lite', 1.2)]);
    expect(md).toContain('### roundtrip');
    expect(md).not.toContain('### display');
    expect(md).not.toContain('### long');
    expect(md).toContain('| full | 640x480 | 4 | 4 | 20.0 | 30.0 | 21.0 | 31.0 |');
    expect(md).toContain('| full | 1.050x | yes |');
    expect(md).toContain('| lite | 1.200x | **no** |');
  });
});

describe('npm run bench:browser --json (short real run in headless Chromium)', () => {
  let dir: string;
  let out: string;
  let stdout: string;
  let records: BrowserBenchRecord[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'posestream-bench-browser-test-'));
    out = join(dir, 'browser.jsonl');
    const args = [
      '--import', 'tsx', 'bench/browser/run.ts', '--json', '--frames', '8', '--seconds', '2', '--settle', '3',
      '--path', 'main-thread', '--long-task', '200', '--out', out,
    ];
    ({ stdout } = await run(process.execPath, args, { cwd: process.cwd(), maxBuffer: 1 << 20 }));
    records = stdout.trim().split('\n').map((l) => JSON.parse(l) as BrowserBenchRecord);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one object per line, roundtrip full/lite, the six display rows, then the longtasks row, and writes the same to --out', () => {
    expect(records.map((r) => `${r.scenario}/${r.row}`)).toEqual([
      'roundtrip/full', 'roundtrip/lite',
      ...DISPLAY_ROWS.map((r) => `display/${r.policy}-${r.delayMs}`),
      'longtasks/main-thread-200',
    ]);
    expect(readFileSync(out, 'utf8')).toBe(stdout);
  });

  it('roundtrip rows: 640x480 real frames with a hand, finite camelCase figures that agree with each other', () => {
    for (const r of records.filter((x): x is RoundtripRecord => x.scenario === 'roundtrip')) {
      for (const k of ROUNDTRIP_KEYS) expect(Number.isFinite(r[k]), `${r.row}.${k} = ${r[k]}`).toBe(true);
      expect(r).toMatchObject({ width: 640, height: 480, frames: 6, warmupFrames: 2 });
      expect(r.handFrames).toBeGreaterThan(0);
      expect(r.detectP50Ms!).toBeGreaterThan(0);
      expect(r.detectP95Ms!).toBeGreaterThanOrEqual(r.detectP50Ms!);
      expect(r.roundTripP50Ms!).toBeGreaterThanOrEqual(r.detectP50Ms!); // the trip contains the detect
      expect(r.roundTripP95Ms!).toBeGreaterThanOrEqual(r.roundTripP50Ms!);
      expect(r.overheadP50Ms!).toBeGreaterThanOrEqual(0);
      expect(r.roundTripRatio!).toBeCloseTo(r.roundTripP50Ms! / r.detectP50Ms!, 2);
    }
  });

  it('display rows: policy and delay as named, frame-callback percentiles in order, fps counters', () => {
    for (const r of records.filter((x): x is DisplayRecord => x.scenario === 'display')) {
      for (const k of DISPLAY_KEYS) expect(Number.isFinite(r[k]), `${r.row}.${k} = ${r[k]}`).toBe(true);
      expect(r.row).toBe(`${r.policy}-${r.classifierDelayMs}`);
      expect(r.landmarker).toBe('full');
      expect(r.cameraIntervalMs).toBeCloseTo(1000 / 30, 2);
      expect(r.seconds).toBeGreaterThanOrEqual(2);
      expect(r.intervals).toBeGreaterThan(0);
      expect(r.displayP50Ms!).toBeGreaterThan(0);
      expect(r.displayP95Ms!).toBeGreaterThanOrEqual(r.displayP50Ms!);
      expect(r.displayP99Ms!).toBeGreaterThanOrEqual(r.displayP95Ms!);
      expect(r.displayMaxMs!).toBeGreaterThanOrEqual(r.displayP99Ms!);
      expect(r.estimatorFps).toBeGreaterThan(0);
      expect(r.classifierFps).toBeGreaterThanOrEqual(0);
      if (r.classifyP50Ms !== null) expect(r.classifyP50Ms).toBeGreaterThanOrEqual(r.classifierDelayMs);
    }
  });

  it('longtasks row: the demo ran on the main thread with its busy loop, figures finite and in order', () => {
    const r = records.find((x): x is LongTaskRecord => x.scenario === 'longtasks')!;
    expect(r).toMatchObject({ path: 'main-thread', runsOn: 'main-thread', longTaskMs: 200, landmarker: 'full', estimatorKeptPct: null });
    for (const k of ['seconds', 'estimatorFps', 'posesToPageFps', 'predictionsPerS', 'gestures', 'longTaskEntries', 'longTaskTotalMs', 'busyLoops', 'loadAvg1m'] as const) {
      expect(Number.isFinite(r[k]), `${k} = ${r[k]}`).toBe(true);
    }
    expect(r.seconds).toBeGreaterThanOrEqual(2);
    expect(r.estimatorFps!).toBeGreaterThan(0);
    expect(r.posesToPageFps).toBeGreaterThan(0);
    expect(r.gestureLabels).toHaveLength(r.gestures);
    // Settling waits two busy-loop periods, so the loop runs; each loop (200 ms) is a long task the browser reports.
    expect(r.landmarkLatencyP50Ms!).toBeGreaterThan(0);
    expect(r.landmarkLatencyP95Ms!).toBeGreaterThanOrEqual(r.landmarkLatencyP50Ms!);
    if (r.gestureLatencyP50Ms !== null) expect(r.gestureLatencyP95Ms!).toBeGreaterThanOrEqual(r.gestureLatencyP50Ms);
    if (r.mainThreadP50Ms !== null) expect(r.mainThreadP95Ms!).toBeGreaterThanOrEqual(r.mainThreadP50Ms);
    if (r.mainThreadP95Ms !== null) expect(r.mainThreadWorstP95Ms!).toBeGreaterThanOrEqual(r.mainThreadP95Ms);
    // (an entry is reported after its task: the loop just before the last drain may not be counted yet)
    expect(r.longTaskTotalMs).toBeGreaterThanOrEqual(200 * (r.busyLoops - 1));
  });

  it('recorded every request, all to 127.0.0.1', () => {
    const file = join(dir, 'browser.requests.txt');
    expect(existsSync(file)).toBe(true);
    const urls = readFileSync(file, 'utf8').trim().split('\n');
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.some((u) => u.includes('/models/hand_landmarker_full.task'))).toBe(true);
    for (const url of urls) {
      const { protocol, hostname } = new URL(url);
      if (protocol !== 'data:' && protocol !== 'blob:') expect(hostname, url).toBe('127.0.0.1');
    }
  });
});
