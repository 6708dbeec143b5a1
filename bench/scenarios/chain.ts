/**
 * Scenario `chain`: the operator chain alone, with instant stages, at window sizes 30 and 120. Row `latest` is
 * posestream's slidingWindow(N) + classifyLatest; row `bufferCount` is bufferCount(N, 1) + exhaustMap. The
 * instant classifier reads the window's newest frame index (what a real one receives, minus the work), so
 * neither row is asked for more than the window object itself.
 */
import { availableParallelism } from 'node:os';
import { bufferCount, exhaustMap, from, of, type Observable } from 'rxjs';
import type { PoseFrame, PoseWindow } from '../../src/types.js';
import type { BenchRecord } from '../benchTypes.js';
import type { Operators } from '../compiled.js';
import { loadTakeHands } from '../data.js';
import { BenchError } from '../benchError.js';
import { round } from '../measure.js';

/** Window sizes the chain is timed at. */
export const CHAIN_SIZES = [30, 120] as const;
const FRAMES_PER_PASS = 20_000;

function makeFrames(): PoseFrame[] {
  const hands = loadTakeHands();
  const frames: PoseFrame[] = [];
  for (let i = 0; i < FRAMES_PER_PASS; i++) {
    const hand = hands[i % hands.length]!;
    frames.push({ index: i, timestamp: i * (1000 / 30), capturedAt: i * (1000 / 30), hands: [hand] });
  }
  return frames;
}

function chainOf(row: 'latest' | 'bufferCount', size: number, frames: readonly PoseFrame[], ops: Operators): Observable<number> {
  return row === 'latest'
    ? from(frames).pipe(
        ops.slidingWindow(size),
        ops.classifyLatest((w: PoseWindow) => of(w.endIndex)),
      )
    : from(frames).pipe(
        bufferCount(size, 1),
        exhaustMap((w) => of(w[w.length - 1]!.index)),
      );
}

/** Pushes passes of frames through the chain until `budgetMs` has passed; returns frames/s and results seen. */
function time(row: 'latest' | 'bufferCount', size: number, frames: readonly PoseFrame[], budgetMs: number, ops: Operators) {
  let results = 0;
  let lastIndex = -1;
  const run = (): void => {
    chainOf(row, size, frames, ops).subscribe((i) => {
      results++;
      lastIndex = i;
    });
  };
  run(); // warm-up pass (JIT), not counted
  results = 0;
  let passes = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs || passes < 1) {
    run();
    passes++;
  }
  const ms = performance.now() - t0;
  // bufferCount(N, 1) also flushes its N - 1 partial buffers when the source completes; slidingWindow does not.
  const expected = passes * (row === 'bufferCount' ? frames.length : frames.length - size + 1);
  if (results !== expected || lastIndex !== frames.length - 1) {
    throw new BenchError(`chain ${row} N=${size}: ${results} results (last index ${lastIndex}), expected ${expected}`);
  }
  return { framesPerSec: (passes * frames.length) / (ms / 1000), windowsPerSec: results / (ms / 1000), passes };
}

/** Times both rows at each size for about `budgetMs` each. */
export function runChain(ops: Operators, budgetMs = 1500): BenchRecord[] {
  const frames = makeFrames();
  const out: BenchRecord[] = [];
  for (const size of CHAIN_SIZES) {
    const latest = time('latest', size, frames, budgetMs, ops);
    const buffer = time('bufferCount', size, frames, budgetMs, ops);
    for (const [row, r] of [['latest', latest], ['bufferCount', buffer]] as const) {
      out.push({
        scenario: 'chain',
        row,
        cores: availableParallelism(),
        windowSize: size,
        framesPerSec: Math.round(r.framesPerSec),
        windowsPerSec: Math.round(r.windowsPerSec),
        framesTimed: r.passes * frames.length,
        vsBufferCount: round(r.framesPerSec / buffer.framesPerSec, 2),
      });
    }
  }
  return out;
}
