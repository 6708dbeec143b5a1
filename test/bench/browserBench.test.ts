/**
 * `npm run bench:browser` (bench/browser/run.ts): its flags, the figures it derives from page timings, and one
 * short real run in headless Chromium (8 frames per model, 1 s per display row) checked against the JSON contract.
 * No speed assertions: the figures only have to be present, finite and consistent with each other.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserBenchRecord, DisplayRecord, RoundtripRecord } from '../../bench/browser/browserBenchTypes.js';
import { DISPLAY_ROWS, displayRecord } from '../../bench/browser/display.js';
import { toMarkdown } from '../../bench/browser/report.js';
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
  it('parses the documented flags, with both scenarios by default', () => {
    const a = parseArgs(['--json', '--frames', '30', '--seconds', '2.5', '--settle', '3', '--scenario', 'display', '--landmarker', 'lite']);
    expect(a).toMatchObject({ json: true, frames: 30, seconds: 2.5, settleS: 3, scenarios: ['display'], landmarker: 'lite' });
    expect(parseArgs([])).toMatchObject({ json: false, frames: 120, seconds: 10, scenarios: ['roundtrip', 'display'], landmarker: 'full' });
    expect(parseArgs([]).out).toMatch(/bench\/out\/browser\.jsonl$/);
  });
  it('rejects bad flags with a BenchError naming them', () => {
    expect(() => parseArgs(['--frames', '2.5'])).toThrow(BenchError);
    expect(() => parseArgs(['--frames', '2.5'])).toThrow(/--frames needs a positive integer, got 2.5/);
    expect(() => parseArgs(['--frames', '3'])).toThrow(/--frames must be 4 or more/);
    expect(() => parseArgs(['--seconds'])).toThrow(/--seconds needs a positive number, got nothing/);
    expect(() => parseArgs(['--scenario', 'stall'])).toThrow(/--scenario must be roundtrip or display, got stall/);
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

  it('markdown: a table per scenario and the round-trip target per model', () => {
    const trip = (row: 'full' | 'lite', ratio: number | null): RoundtripRecord => ({
      scenario: 'roundtrip', row, width: 640, height: 480, frames: 4, warmupFrames: 1, handFrames: 4, detectP50Ms: 20,
      detectP95Ms: 30, roundTripP50Ms: 21, roundTripP95Ms: 31, overheadP50Ms: 1, overheadP95Ms: 1, roundTripRatio: ratio,
      estimatorFps: 40, loadAvg1m: 1,
    });
    const md = toMarkdown([trip('full', 1.05), trip('lite', 1.2)]);
    expect(md).toContain('### roundtrip');
    expect(md).not.toContain('### display');
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
    const args = ['--import', 'tsx', 'bench/browser/run.ts', '--json', '--frames', '8', '--seconds', '1', '--settle', '3', '--out', out];
    ({ stdout } = await run(process.execPath, args, { cwd: process.cwd(), maxBuffer: 1 << 20 }));
    records = stdout.trim().split('\n').map((l) => JSON.parse(l) as BrowserBenchRecord);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one object per line, roundtrip full/lite then the six display rows, and writes the same to --out', () => {
    expect(records.map((r) => `${r.scenario}/${r.row}`)).toEqual([
      'roundtrip/full', 'roundtrip/lite',
      ...DISPLAY_ROWS.map((r) => `display/${r.policy}-${r.delayMs}`),
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
      expect(r.seconds).toBeGreaterThanOrEqual(1);
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
