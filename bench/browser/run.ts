/**
 * `npm run bench:browser`: the browser benchmark, in headless Chromium on 127.0.0.1 only.
 *
 * - `roundtrip`: real 640x480 video frames through the hand estimator worker (full and lite): in-worker detect
 *   time vs the main thread's round trip, p50/p95, their ratio (target <= 1.1x) and the estimator's fps.
 * - `display`: the demo on the fake camera with 0 / 150 / 500 ms classifier delay under both policies: the shown
 *   video's frame callback intervals p50/p95/p99/max and the estimator/classifier fps.
 * - `longtasks`: the demo on the fake camera playing a real swipe video, on each pipeline path (workers,
 *   main-thread) with a 0 / 200 / 500 ms busy loop on the main thread every second: pose frames and predictions
 *   per second (and kept % of the path's 0 ms row), gesture events, capture→gesture and landmarks→drawing latency,
 *   the pipeline's main-thread ms per frame, long-task entries.
 * - `teach` (only when asked for): the demo on the swipe video, untouched and while its Teach panel trains in its
 *   worker (synthetic examples, 5 gestures + none x 5, 14 + none x 3): estimator fps and % kept, long tasks, training
 *   wall times.
 *
 * Prints JSON lines (`--json`) or markdown tables, and writes the records to bench/out/browser.jsonl (and every
 * URL the browser requested to bench/out/browser.requests.txt). Fails when any request left 127.0.0.1.
 *
 * Flags: --json, --frames N (frames per model, default 120), --seconds S (per display row, default 10),
 * --settle S (display: at most S s after a control change for two predictions under the new settings, default 10),
 * --scenario roundtrip|display|longtasks|teach (repeatable, default the first three), --landmarker full|lite (demo rows, default
 * full), --path workers|main-thread (longtasks, repeatable, default both), --long-task MS (longtasks, repeatable,
 * 0..1000 in steps of 10, default 0, 200, 500), --out FILE (default bench/out/browser.jsonl).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../../src/browser/launchChromium.js';
import { BenchError } from '../benchError.js';
import type { BrowserBenchRecord, BrowserScenario, LandmarkerVariant, PipelinePath } from './browserBenchTypes.js';
import { runDisplay } from './display.js';
import { LONGTASK_MS, LONGTASK_PATHS, longTaskRows, runLongTasks } from './longTasks.js';
import { BENCH_VIDEO, prepareMedia, SWIPE_VIDEO, type BenchMedia } from './media.js';
import { toJsonLines, toMarkdown } from './report.js';
import { runRoundtrip } from './roundtrip.js';
import { runTeach } from './teachBench.js';

/** Parsed command line of the browser benchmark. */
export interface BrowserBenchArgs {
  json: boolean;
  frames: number;
  seconds: number;
  settleS: number;
  scenarios: BrowserScenario[];
  landmarker: LandmarkerVariant;
  /** longtasks: the paths and busy-loop lengths (ms every second) measured. */
  paths: PipelinePath[];
  longTaskMs: number[];
  out: string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FLAGS =
  '--json, --frames N, --seconds S, --settle S, --scenario roundtrip|display|longtasks|teach, --landmarker full|lite, --path workers|main-thread, --long-task MS, --out FILE';
const SCENARIOS: readonly BrowserScenario[] = ['roundtrip', 'display', 'longtasks', 'teach'];
/** Run when no --scenario is given. */
const DEFAULT_SCENARIOS: readonly BrowserScenario[] = ['roundtrip', 'display', 'longtasks'];

/** Parses the flags; throws a BenchError naming the bad flag. */
export function parseArgs(argv: readonly string[]): BrowserBenchArgs {
  const args: BrowserBenchArgs = {
    json: false,
    frames: 120,
    seconds: 10,
    settleS: 10,
    scenarios: [],
    landmarker: 'full',
    paths: [],
    longTaskMs: [],
    out: resolve(ROOT, 'bench/out/browser.jsonl'),
  };
  const positive = (name: string, v: string | undefined, integer: boolean): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
      throw new BenchError(`bench:browser: ${name} needs a positive ${integer ? 'integer' : 'number'}, got ${v ?? 'nothing'}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--frames') args.frames = positive(a, argv[++i], true);
    else if (a === '--seconds') args.seconds = positive(a, argv[++i], false);
    else if (a === '--settle') args.settleS = positive(a, argv[++i], false);
    else if (a === '--scenario') {
      const s = SCENARIOS.find((x) => x === argv[i + 1]);
      if (s === undefined) throw new BenchError(`bench:browser: --scenario must be roundtrip, display, longtasks or teach, got ${argv[i + 1] ?? 'nothing'}`);
      i++;
      if (!args.scenarios.includes(s)) args.scenarios.push(s);
    } else if (a === '--path') {
      const p = argv[++i];
      if (p !== 'workers' && p !== 'main-thread') throw new BenchError(`bench:browser: --path must be workers or main-thread, got ${p ?? 'nothing'}`);
      if (!args.paths.includes(p)) args.paths.push(p);
    } else if (a === '--long-task') {
      const v = argv[++i];
      const n = Number(v);
      if (v === undefined || v.trim() === '' || !Number.isInteger(n) || n < 0 || n > 1000 || n % 10 !== 0) {
        throw new BenchError(`bench:browser: --long-task needs ms in 0..1000 in steps of 10 (the demo's control), got ${v ?? 'nothing'}`);
      }
      if (!args.longTaskMs.includes(n)) args.longTaskMs.push(n);
    } else if (a === '--landmarker') {
      const m = argv[++i];
      if (m !== 'full' && m !== 'lite') throw new BenchError(`bench:browser: --landmarker must be full or lite, got ${m ?? 'nothing'}`);
      args.landmarker = m;
    } else if (a === '--out') {
      const v = argv[++i];
      if (v === undefined || v === '') throw new BenchError('bench:browser: --out needs a file path');
      args.out = resolve(v);
    } else throw new BenchError(`bench:browser: unknown argument ${a} (flags: ${FLAGS})`);
  }
  if (args.frames < 4) throw new BenchError(`bench:browser: --frames must be 4 or more (one is a warm-up), got ${args.frames}`);
  if (args.scenarios.length === 0) args.scenarios = [...DEFAULT_SCENARIOS];
  if (args.paths.length === 0) args.paths = [...LONGTASK_PATHS];
  if (args.longTaskMs.length === 0) args.longTaskMs = [...LONGTASK_MS];
  return args;
}

/** Runs the benchmark; returns the exit code. Records go to stdout (`--json`) and to `args.out`. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const log = (m: string): void => void process.stderr.write(`bench:browser: ${m}\n`);
  log(`load average ${loadavg().map((v) => v.toFixed(2)).join(' ')} (1/5/15 min)`);
  const records: BrowserBenchRecord[] = [];
  const emit = (rs: BrowserBenchRecord[]): void => {
    records.push(...rs);
    if (args.json) process.stdout.write(toJsonLines(rs));
  };
  // One Chromium per fake-camera video (the switch is per browser): the hand clip for roundtrip/display, the swipe
  // clip for longtasks.
  const requests: string[] = [];
  const foreign: string[] = [];
  const withCamera = async (video: string, run: (context: BrowserContext, media: BenchMedia) => Promise<void>): Promise<void> => {
    const media = await prepareMedia(video);
    const browser = await launchChromium({
      args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${media.y4m}`],
    }).catch((error: unknown) => {
      media.close();
      throw error;
    });
    try {
      await run(browser.context, media);
    } finally {
      await browser.close();
      media.close();
      requests.push(...browser.requests);
      foreign.push(...browser.foreignRequests);
    }
  };
  try {
    const hand = args.scenarios.filter((s) => s === 'roundtrip' || s === 'display');
    if (hand.length > 0) {
      await withCamera(BENCH_VIDEO, async (context, media) => {
        for (const scenario of hand) {
          if (scenario === 'roundtrip') emit(await runRoundtrip(context, { mp4: media.mp4, frames: args.frames, log }));
          else emit(await runDisplay(context, { seconds: args.seconds, settleS: args.settleS, landmarker: args.landmarker, log }));
        }
      });
    }
    if (args.scenarios.includes('longtasks')) {
      await withCamera(SWIPE_VIDEO, async (context) => {
        const rows = longTaskRows(args.paths, args.longTaskMs);
        emit(await runLongTasks(context, { seconds: args.seconds, settleS: args.settleS, landmarker: args.landmarker, rows, log }));
      });
    }
    if (args.scenarios.includes('teach')) {
      await withCamera(SWIPE_VIDEO, async (context) => emit(await runTeach(context, { seconds: args.seconds, landmarker: args.landmarker, log })));
    }
  } finally {
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out.replace(/\.jsonl$/, '') + '.requests.txt', requests.map((u) => `${u}\n`).join(''));
  }
  log(`${requests.length} requests, ${foreign.length} to hosts other than 127.0.0.1`);
  if (foreign.length > 0) {
    throw new BenchError(`bench:browser: requests left 127.0.0.1: ${foreign.slice(0, 5).join(', ')}`);
  }
  writeFileSync(args.out, toJsonLines(records));
  if (!args.json) process.stdout.write(toMarkdown(records));
  log(`load average ${loadavg().map((v) => v.toFixed(2)).join(' ')} (1/5/15 min); wrote ${args.out}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof BenchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
