import { Readable } from 'node:stream';
import { from, lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fromRecording } from '../../src/streams/fromRecording.js';
import { fromPoseFrames } from '../../src/streams/fromPoseFrames.js';
import { readRecording } from '../../src/recording/readRecording.js';
import { openRecordingLines } from '../../src/recording/openRecordingLines.js';
import { RecordingError } from '../../src/recording/RecordingError.js';
import { formatFrameLine } from '../../src/recording/formatRecordingLine.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { slidingWindow } from '../../src/operators/slidingWindow.js';
import { syntheticPoseStream } from '../../src/testing/syntheticPoseStream.js';
import type { PoseFrame } from '../../src/types.js';

const HEADER = '{"format":"posestream/v1","fps":30}';
const frames = syntheticPoseStream({ frames: 300, fps: 30, motion: 'swipe-right' });
const lines = [HEADER, ...frames.map(formatFrameLine)];

async function collectLines(chunks: Iterable<string | Uint8Array>, maxLineBytes?: number): Promise<string[] | RecordingError> {
  const { lines: out } = openRecordingLines(Readable.from(chunks), { sourceName: 'big.ndjson', ...(maxLineBytes === undefined ? {} : { maxLineBytes }) });
  const got: string[] = [];
  try {
    for await (const line of out as AsyncIterable<string>) got.push(line);
  } catch (error) {
    return error as RecordingError;
  }
  return got;
}

describe('recording faults', () => {
  it('stops parsing text at take(n) after slidingWindow: nothing past the frames the window needs is read', async () => {
    // Every line after frame 40 is bad; in skip mode each bad line read would be reported to onSkip.
    const text = [...lines.slice(0, 42), ...Array.from({ length: 200 }, () => '{oops')].join('\n');
    const skipped: number[] = [];
    const windows = await lastValueFrom(
      fromRecording(text, { onInvalid: 'skip', onSkip: (e) => skipped.push(e.line ?? -1) }).pipe(slidingWindow(30), take(1), toArray()),
    );
    expect(windows.map((w) => w.endIndex)).toEqual([29]);
    expect(skipped).toEqual([]); // was 200: all lines were parsed after take(1) had completed
  });

  it('an infinite synchronous generator through slidingWindow(30) + take(1) returns', () => {
    let pulled = 0;
    function* endless(): Generator<PoseFrame> {
      for (let i = 0; ; i++) {
        pulled++;
        yield { ...(frames[i % frames.length] as PoseFrame), index: i, timestamp: i * 33 };
      }
    }
    const out: number[] = [];
    fromPoseFrames(endless()).pipe(slidingWindow(30), take(1)).subscribe((w) => out.push(w.endIndex));
    expect(out).toEqual([29]);
    expect(pulled).toBe(30);
  });

  it("skip mode: one well-formed but corrupt frame (index 1000000 or t 9e9) is skipped, not every good frame after it", async () => {
    for (const corrupt of [{ frame: 1000000 }, { t: 9e9 }]) {
      const text = lines.map((l, i) => (i === 101 ? JSON.stringify({ ...JSON.parse(l), ...corrupt }) : l)).join('\n');
      const skipped: RecordingError[] = [];
      const result = await readRecording(text, { onInvalid: 'skip', onSkip: (e) => skipped.push(e) });
      // Was 101 frames: frame 100 was kept and every later good line skipped as out of order.
      expect(result.frames).toHaveLength(299);
      expect(result.frames.map((f) => f.index)).toEqual(frames.map((f) => f.index).filter((i) => i !== 100));
      expect(skipped.map((e) => [e.kind, e.line])).toEqual([['out-of-order', 102]]);
    }
    // A corrupt first frame, and a corrupt last frame, too.
    const first = lines.map((l, i) => (i === 1 ? JSON.stringify({ ...JSON.parse(l), frame: 999999 }) : l)).join('\n');
    expect((await readRecording(first, { onInvalid: 'skip' })).frames.map((f) => f.index).slice(0, 2)).toEqual([1, 2]);
    const last = lines.map((l, i) => (i === 300 ? JSON.stringify({ ...JSON.parse(l), frame: 5 }) : l)).join('\n');
    expect((await readRecording(last, { onInvalid: 'skip' })).frames).toHaveLength(299);
    // In error mode the first line out of order is still an error naming it.
    await expect(readRecording(lines.map((l, i) => (i === 101 ? l.replace('"t":', '"t":9e9,"x":') : l)).join('\n'))).rejects.toThrow(/<string>:103: frame 101: t [\d.]+ before t 9000000000 of frame 100/);
  });

  it('accepts frames with equal t (the format says "never decreasing") through a resampling window', async () => {
    const text = lines.slice(0, 40).map((l, i) => (i === 10 ? JSON.stringify({ ...JSON.parse(l), t: JSON.parse(lines[9]!).t }) : l)).join('\n');
    const windows = await lastValueFrom(fromRecording(text).pipe(slidingWindow(10, { resample: { frames: 10, durationMs: 300 } }), toArray()));
    expect(windows.length).toBeGreaterThan(20);
    expect(windows.every((w) => w.pack().every(Number.isFinite))).toBe(true);
  });

  it('rejects a line longer than maxLineBytes with a typed error naming source and line, without reading all of it', async () => {
    const big = '{"frame":0,"t":0,"hands":[' + ' '.repeat(5 << 20) + ']}';
    let handed = 0;
    function* chunks(): Generator<string> {
      for (const piece of [HEADER + '\n', lines[1] + '\n']) yield piece;
      for (let i = 0; i < big.length; i += 65536) {
        handed += 65536;
        yield big.slice(i, i + 65536);
      }
    }
    const error = await collectLines(chunks());
    expect(error).toBeInstanceOf(RecordingError);
    expect((error as RecordingError).kind).toBe('line-too-long');
    expect((error as Error).message).toBe('big.ndjson:3: line longer than maxLineBytes (1048576 bytes)');
    expect(handed).toBeLessThanOrEqual((1 << 20) + 2 * 65536); // stopped at the limit, not at the end of the 5 MB line
    // The same line in text: same error and line.
    await expect(readRecording([HEADER, lines[1], big].join('\n'))).rejects.toThrow('<string>:3: line longer than maxLineBytes (1048576 bytes)');
    // Multi-byte characters count as UTF-8 bytes in text too.
    const wide = `{"frame":0,"t":0,"hands":[],"note":"${'✋'.repeat(400)}"}`; // 1200 bytes, 411 UTF-16 units
    await expect(readRecording([HEADER, wide].join('\n'), { maxLineBytes: 1000 })).rejects.toThrow('<string>:2: line longer than maxLineBytes (1000 bytes)');
  });

  it('with maxLineBytes: Infinity, splits a long line from many small chunks correctly (multi-byte characters across chunks)', async () => {
    const line = `{"note":"${'é✋'.repeat(100_000)}"}`;
    const bytes = Buffer.from(`${HEADER}\r\n${line}\n${lines[1]}`);
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 1009) pieces.push(bytes.subarray(i, i + 1009));
    expect(await collectLines(pieces, Infinity)).toEqual([HEADER, line, lines[1]]);
  });

  it('reads an http(s) URL given as a string as a URL, not as a path', () => {
    const { source, lines: out } = openRecordingLines('http://127.0.0.1:9/take.ndjson');
    expect(source).toBe('http://127.0.0.1:9/take.ndjson');
    expect(Symbol.asyncIterator in (out as object)).toBe(true);
  });

  it("stamps capturedAt on the monitor's default clock (performance.now()), not the epoch", async () => {
    const before = performance.now();
    const text = serializeRecording({ header: { format: 'posestream/v1', fps: 30 }, frames: frames.slice(0, 3) });
    const out = await lastValueFrom(fromRecording(text, { timing: 'recorded' }).pipe(toArray()));
    const after = performance.now();
    for (const f of out) {
      expect(f.capturedAt!).toBeGreaterThanOrEqual(before);
      expect(f.capturedAt!).toBeLessThanOrEqual(after); // was Date.now(): ~1.8e12
    }
    const ticks = [100, 200, 300];
    const own = await lastValueFrom(from(fromRecording(text, { timing: 'recorded', now: () => ticks.shift()! })).pipe(toArray()));
    expect(own.map((f) => f.capturedAt)).toEqual([100, 200, 300]);
  });
});
