/**
 * Seeded fuzz of the recording reader over a real take (kairess 'spin', ../shared/data, written as posestream/v1 at
 * test time): 2000 mutations of one line each (cut, garbage, out-of-range or non-finite numbers, missing fields, order,
 * clock jumps, labels, blank lines, single characters), read as text, as a chunked stream, in skip mode and on the
 * recording clock (virtual time). Every run ends (text: synchronously), every error is a RecordingError, and the
 * frames before the mutated line are exactly the clean recording's.
 */
import { Readable } from 'node:stream';
import { lastValueFrom, tap, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromRecording } from '../../src/streams/fromRecording.js';
import { readRecording } from '../../src/recording/readRecording.js';
import { RecordingError } from '../../src/recording/RecordingError.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { loadKairess } from '../../src/data/loadKairess.js';
import { createRng } from '../../src/train/createRng.js';
import type { PoseFrame } from '../../src/types.js';
import { mutateRecording } from './recordingMutations.js';

const MUTATIONS = 2000;
const FRAMES = 150;
let lines: string[];
let clean: PoseFrame[];

beforeAll(async () => {
  const spin = (await loadKairess('../shared/data/landmarks/kairess-gesture-recognition')).find((t) => t.label === 'spin')!;
  const labels = [{ label: 'spin', startFrame: 0, endFrame: 99 }, { label: 'none', startFrame: 100, endFrame: FRAMES - 1 }];
  const text = serializeRecording({ header: { format: 'posestream/v1', fps: 15, source: 'kairess/spin' }, frames: spin.frames.slice(0, FRAMES), labels });
  lines = text.trim().split('\n');
  clean = (await readRecording(text)).frames;
});

/** What one read gave: the frames, the error, and whether it ended before the call returned. */
interface Outcome {
  frames: PoseFrame[];
  error: unknown;
  settled: boolean;
  /** Longest wait between two frames, virtual ms (recorded timing; t near 1e12 ms rounds by ~1e-5 ms). */
  longestWait?: number;
}

function readSync(text: string): Outcome {
  const out: Outcome = { frames: [], error: undefined, settled: false };
  fromRecording(text).subscribe({ next: (f) => out.frames.push(f), error: (e: unknown) => ((out.error = e), (out.settled = true)), complete: () => (out.settled = true) });
  return out;
}

async function readStream(text: string, seed: number): Promise<Outcome> {
  const rng = createRng(seed);
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = rng.int(1, 4096);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  const out: Outcome = { frames: [], error: undefined, settled: true };
  await lastValueFrom(fromRecording(Readable.from(chunks), { sourceName: '<string>' }).pipe(tap((f) => out.frames.push(f)), toArray())).catch((e: unknown) => {
    out.error = e;
  });
  return out;
}

function readRecorded(text: string): Outcome {
  const out: Outcome = { frames: [], error: undefined, settled: false, longestWait: 0 };
  const scheduler = new TestScheduler(() => undefined);
  scheduler.run(() => {
    let last: number | undefined;
    fromRecording(text, { timing: 'recorded', scheduler }).subscribe({
      next: (f) => {
        out.longestWait = Math.max(out.longestWait!, last === undefined ? 0 : scheduler.now() - last);
        last = scheduler.now();
        out.frames.push(f);
      },
      error: (e: unknown) => ((out.error = e), (out.settled = true)),
      complete: () => (out.settled = true),
    });
  });
  return out;
}

describe('recording reader fuzz (seeded, real data)', () => {
  it(`${MUTATIONS} mutations: 0 crashes, 0 hangs, 0 untyped errors, frames before the bad line equal the clean ones`, async () => {
    const rng = createRng(20240611);
    const counts = { mutations: 0, typedErrors: 0, clean: 0, crashes: 0, hangs: 0, untyped: 0, streamRuns: 0, skipRuns: 0, recordedRuns: 0 };
    const problems: string[] = [];
    const strip = (frames: PoseFrame[]) => frames.map(({ capturedAt: _c, ...f }) => f);
    for (let i = 0; i < MUTATIONS; i++) {
      const m = mutateRecording(lines, rng, { frameLines: FRAMES });
      const text = `${m.lines.join('\n')}\n`;
      const at = `#${i} ${m.name} at line ${m.k + 1}`;
      counts.mutations++;
      let sync: Outcome;
      try {
        sync = readSync(text);
      } catch (error) {
        counts.crashes++;
        problems.push(`${at}: threw ${String(error)}`);
        continue;
      }
      if (!sync.settled) counts.hangs++;
      if (sync.error === undefined) counts.clean++;
      else if (sync.error instanceof RecordingError) counts.typedErrors++;
      else {
        counts.untyped++;
        problems.push(`${at}: untyped ${String(sync.error)}`);
      }
      // Lines 1..k-1 are frames 0..k-2 of the clean recording, untouched: all of them come out, unchanged.
      const before = Math.max(0, m.k - 1);
      if (sync.frames.length < before || JSON.stringify(sync.frames.slice(0, before)) !== JSON.stringify(clean.slice(0, before))) {
        problems.push(`${at}: ${sync.frames.length} frames, the first ${before} not the clean ones`);
      }
      if (m.bad && (sync.error as RecordingError | undefined)?.line !== m.k + 1) problems.push(`${at}: error ${String(sync.error)} is not at line ${m.k + 1}`);
      if (i % 4 === 0) {
        counts.streamRuns++;
        const stream = await readStream(text, i);
        const same = JSON.stringify(stream.frames) === JSON.stringify(sync.frames) && String(stream.error) === String(sync.error);
        if (!same) problems.push(`${at}: a chunked stream gave ${stream.frames.length} frames and ${String(stream.error)}, text ${sync.frames.length} and ${String(sync.error)}`);
        counts.skipRuns++;
        const skipped = await readRecording(text, { onInvalid: 'skip' }).then(() => undefined, (e: unknown) => e);
        if (skipped !== undefined && !(skipped instanceof RecordingError)) problems.push(`${at}: skip mode: untyped ${String(skipped)}`);
      }
      if (i % 10 === 0) {
        counts.recordedRuns++;
        const recorded = readRecorded(text);
        if (!recorded.settled) counts.hangs++;
        if (recorded.longestWait! > 10_000.001) problems.push(`${at}: the replay waited ${recorded.longestWait} ms between two frames`);
        if (JSON.stringify(strip(recorded.frames)) !== JSON.stringify(sync.frames) || String(recorded.error) !== String(sync.error)) {
          problems.push(`${at}: the recorded-clock replay differs from the asap one`);
        }
      }
    }
    console.info(`recording fuzz: ${JSON.stringify(counts)}`);
    expect(problems.slice(0, 10)).toEqual([]);
    expect([counts.crashes, counts.hangs, counts.untyped]).toEqual([0, 0, 0]);
    expect(counts.typedErrors).toBeGreaterThan(MUTATIONS / 2); // most mutations break the line: the fuzz reaches the checks
    expect(counts.clean).toBeGreaterThan(0);
  });
});
