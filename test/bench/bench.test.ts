import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchRecord } from '../../bench/benchTypes.js';
import { checkTargets, toMarkdown } from '../../bench/report.js';
import { parseArgs } from '../../bench/run.js';
import { BenchError } from '../../src/cli/bench.js';

const run = promisify(execFile);

const STALL_KEYS = [
  'cores', 'sourceIntervalMs', 'windowSize', 'estimatorMs', 'classifierMs',
  'displayP50Ms', 'displayP95Ms', 'displayP99Ms', 'displayMaxMs', 'framesPerSec', 'windowsPerSec', 'classifierBusy',
  'stalenessStartP50Ms', 'stalenessStartP95Ms', 'captureToStartP50Ms', 'captureToStartP95Ms',
  'captureToResultP50Ms', 'captureToResultP95Ms', 'landmarkAgeP50Ms', 'landmarkAgeP95Ms', 'landmarkAgeMaxMs',
  'droppedFrames', 'droppedWindows', 'heapGrowthBytes', 'peakRssBytes',
];

describe('bench flags', () => {
  it('parses the documented flags', () => {
    const a = parseArgs(['--duration', '3', '--scenario', 'chain', '--scenario', 'soak', '--json', '--no-pin']);
    expect(a).toMatchObject({ durationS: 3, scenarios: ['chain', 'soak'], json: true, pin: false });
    expect(parseArgs([]).scenarios).toEqual(['stall', 'chain', 'soak', 'classifiers']);
  });
  it('rejects bad flags with a BenchError naming them', () => {
    expect(() => parseArgs(['--duration', '-1'])).toThrow(BenchError);
    expect(() => parseArgs(['--scenario', 'fast'])).toThrow(/--scenario must be stall, chain, soak or classifiers, got fast/);
    expect(() => parseArgs(['--frobnicate'])).toThrow(/unknown argument --frobnicate/);
  });
});

describe('npm run bench --json (short run, real workers)', () => {
  let dir: string;
  let stdout: string;
  let records: BenchRecord[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'posestream-bench-'));
    const out = join(dir, 'latest.jsonl');
    const args = ['--import', 'tsx', 'bench/run.ts', '--json', '--no-pin', '--duration', '2.5', '--chain-ms', '150', '--soak-minutes', '1', '--out', out];
    ({ stdout } = await run(process.execPath, args, { cwd: process.cwd(), maxBuffer: 1 << 20 }));
    records = stdout.trim().split('\n').map((l) => JSON.parse(l) as BenchRecord);
    expect(readFileSync(out, 'utf8')).toBe(stdout);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one object per line with scenario and row, every scenario present', () => {
    expect(records.map((r) => `${r.scenario}/${r.row}`)).toEqual([
      'stall/idle', 'stall/option1', 'stall/naive', 'stall/drop', 'stall/latest',
      'chain/latest', 'chain/bufferCount', 'chain/latest', 'chain/bufferCount',
      'soak/latest', 'soak/drop', 'soak/naive',
      'classifiers/swipes', 'classifiers/learned',
    ]);
  });

  it('times both packaged gesture models in the same run: the swipe recogniser beside the learned model', () => {
    const [swipes, learned] = ['swipes', 'learned'].map((row) => records.find((r) => r.scenario === 'classifiers' && r.row === row)!);
    expect(swipes).toMatchObject({ backend: 'rules', windowFrames: 61, windows: 400 });
    expect(learned).toMatchObject({ windowFrames: 30, windows: 400, serviceUs: null });
    for (const r of [swipes, learned]) expect(r?.roundTripP50Ms).toBeGreaterThan(0);
    expect(swipes!.serviceUs).toBeGreaterThan(0);
  });

  it('stall rows carry every contract figure: a finite number, or null only when its set is empty', () => {
    // Which count a figure is taken over: in a 2.5 s run on a loaded machine a row may not finish a window.
    const countOf = (k: string): string | undefined =>
      /^(classifierMs|captureToResult)/.test(k) ? 'windowsClassified'
        : /^(stalenessStart|captureToStart)/.test(k) ? 'windowsStarted'
          : /^(estimatorMs|landmarkAge)/.test(k) ? 'estimatedFrames'
            : undefined;
    for (const r of records.filter((x) => x.scenario === 'stall' && x.row !== 'idle')) {
      expect(Number.isFinite(r.displayP99OverIdleMs), `${r.row}.displayP99OverIdleMs`).toBe(true);
      for (const k of STALL_KEYS) {
        const count = countOf(k);
        const ok = Number.isFinite(r[k]) || (r[k] === null && count !== undefined && r[count] === 0);
        expect(ok, `${r.row}.${k} = ${String(r[k])} (${count ?? 'always measured'} = ${String(count && r[count])})`).toBe(true);
      }
      expect(r.estimatedFrames as number).toBeGreaterThan(0);
      expect(r.sourceIntervalMs).toBeCloseTo(1000 / 30, 2);
      expect(r.windowSize).toBe(30);
      expect(r.classifierBusy as number).toBeGreaterThanOrEqual(0);
      expect(r.classifierBusy as number).toBeLessThanOrEqual(1);
    }
  });

  it('stall has an idle row first (the display tick alone): the display floor of this same run, no pipeline figures', () => {
    const stall = records.filter((x) => x.scenario === 'stall');
    const idle = stall[0]!;
    expect(idle.row).toBe('idle');
    for (const k of ['displayP50Ms', 'displayP95Ms', 'displayP99Ms', 'displayMaxMs']) expect(Number.isFinite(idle[k]), k).toBe(true);
    expect([idle.estimatedFrames, idle.windowsClassified, idle.sourceFrames]).toEqual([0, 0, 0]);
    expect([idle.estimatorMs, idle.captureToResultP95Ms, idle.landmarkAgeP95Ms]).toEqual([null, null, null]);
    for (const r of stall.slice(1)) {
      expect(r.displayP99OverIdleMs).toBeCloseTo((r.displayP99Ms as number) - (idle.displayP99Ms as number), 2);
    }
  });

  it('chain rows time both sizes with positive frame rates', () => {
    const chain = records.filter((x) => x.scenario === 'chain');
    expect(chain.map((r) => r.windowSize)).toEqual([30, 30, 120, 120]);
    for (const r of chain) expect(r.framesPerSec as number).toBeGreaterThan(0);
    for (const r of chain.filter((x) => x.row === 'bufferCount')) expect(r.vsBufferCount).toBe(1);
  });

  it('soak runs a minute of virtual time exactly: 240 frames/s, 2 windows/s, finite heap growth', () => {
    for (const r of records.filter((x) => x.scenario === 'soak')) {
      expect(r.virtualSeconds).toBe(60);
      expect(r.framesPerSec).toBe(240);
      // One 500 ms classification at a time, back to back once the first window is full.
      expect(r.windowsPerSec as number).toBeCloseTo(2, 1);
      expect(Number.isFinite(r.heapGrowthBytes)).toBe(true);
    }
  });

  it('renders the markdown tables and the done-when checks from the same records', () => {
    const md = toMarkdown(records);
    for (const h of ['### stall', '### chain', '### soak', '### classifiers', '### done-when checks']) expect(md).toContain(h);
    expect(md).toContain('| option1 |');
    expect(checkTargets(records).map((c) => c.check)).toContain('(d) classifier busy >= 99%');
  });
});
