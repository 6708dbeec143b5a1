import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPointHistoryTracks, type PointHistoryLabel } from '../../src/train/readPointHistoryTracks.js';
import { TrainingDataError } from '../../src/train/trainErrors.js';

const dataDir = resolve(process.env.POSESTREAM_DATA ?? '../shared/data');
const csv = resolve(dataDir, 'landmarks/kazuhito00-hand-gesture/point_history.csv');
const tmp = mkdtempSync(join(tmpdir(), 'posestream-point-history-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Path length and straightness (net / path) of a track. */
function shape(points: Float32Array): { net: number; path: number } {
  let path = 0;
  for (let k = 2; k < points.length; k += 2) path += Math.hypot((points[k] as number) - (points[k - 2] as number), (points[k + 1] as number) - (points[k - 1] as number));
  return { net: Math.hypot(points[points.length - 2] as number, points[points.length - 1] as number), path };
}
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;

describe('readPointHistoryTracks', () => {
  it('rebuilds the continuous fingertip tracks of the real Kazuhito00 point_history.csv', async () => {
    const tracks = await readPointHistoryTracks(csv);
    const lines = readFileSync(csv, 'utf8').trim().split(/\r?\n/).map((l) => l.split(',').map(Number));
    const by = (label: PointHistoryLabel) => tracks.filter((t) => t.label === label);
    // 5296 rows in about 200 recordings; every track at least one 16-point history long
    expect(tracks.length).toBeGreaterThan(150);
    expect(tracks.length).toBeLessThan(260);
    expect(tracks.every((t) => t.points.length >= 32 && t.points[0] === 0 && t.points[1] === 0)).toBe(true);
    for (const label of ['stop', 'clockwise', 'counter-clockwise', 'move'] as const) expect(by(label).length).toBeGreaterThan(20);
    // each track starts with its first row, and its next row is the same history one frame later
    for (const t of tracks.filter((x) => x.points.length >= 40)) {
      const first = lines[t.line - 1]!;
      const second = lines[t.line]!;
      for (let k = 0; k < 32; k++) expect(t.points[k]).toBeCloseTo(first[k + 1]!, 5);
      for (let k = 0; k < 16; k++) {
        expect((t.points[2 * k + 2] as number) - (t.points[2] as number)).toBeCloseTo(second[2 * k + 1]!, 2);
        expect((t.points[2 * k + 3] as number) - (t.points[3] as number)).toBeCloseTo(second[2 * k + 2]!, 2);
      }
    }
    // what the classes look like: 'move' strokes are straight (swipe-like), circles are not, stop barely moves
    const straightness = (label: PointHistoryLabel) => median(by(label).map((t) => shape(t.points)).map((s) => s.net / Math.max(s.path, 1e-9)));
    expect(straightness('move')).toBeGreaterThan(0.6);
    expect(straightness('clockwise')).toBeLessThan(0.2);
    expect(straightness('counter-clockwise')).toBeLessThan(0.2);
    expect(median(by('stop').map((t) => shape(t.points).path / (t.points.length / 2)))).toBeLessThan(0.003);
    // no frame-to-frame jump above 0.1 of the image survives
    for (const t of tracks) {
      for (let k = 2; k < t.points.length; k += 2) {
        expect(Math.hypot((t.points[k] as number) - (t.points[k - 2] as number), (t.points[k + 1] as number) - (t.points[k - 1] as number))).toBeLessThanOrEqual(0.1);
      }
    }
  });

  it('splits a track where the fingertip jumps and drops the pieces shorter than 16 points', async () => {
    // one recording of 30 frames moving right by 0.01 a frame, with a jump of 0.5 after frame 20
    const xs = Array.from({ length: 30 }, (_, f) => 0.01 * f + (f > 20 ? 0.5 : 0));
    const rows = Array.from({ length: 15 }, (_, r) => ['1', ...Array.from({ length: 16 }, (_, k) => `${(xs[r + k]! - xs[r]!).toFixed(6)},0`)].join(','));
    const path = join(tmp, 'jump.csv');
    writeFileSync(path, `${rows.join('\n')}\n`);
    const tracks = await readPointHistoryTracks(path);
    expect(tracks).toHaveLength(1);
    expect(tracks[0]!.label).toBe('clockwise');
    expect(tracks[0]!.points.length / 2).toBe(21);
    expect(tracks[0]!.points[40]).toBeCloseTo(0.2, 5);
  });

  it('names the file and line of a bad row', async () => {
    const path = join(tmp, 'bad.csv');
    writeFileSync(path, `0,${Array(32).fill(0).join(',')}\n7,${Array(32).fill(0).join(',')}\n`);
    const error = await readPointHistoryTracks(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingDataError);
    expect((error as TrainingDataError).message).toContain('bad.csv:2');
    await expect(readPointHistoryTracks(join(tmp, 'missing.csv'))).rejects.toThrow(/missing\.csv/);
  });
});
