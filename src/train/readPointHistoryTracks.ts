import { readFile } from 'node:fs/promises';
import { TrainingDataError } from './trainErrors.js';

/** The four classes of Kazuhito00 `point_history.csv` (row label 0-3), in file order. */
export type PointHistoryLabel = 'stop' | 'clockwise' | 'counter-clockwise' | 'move';

/** One continuous fingertip track: image-normalised (x / width, y / height) positions relative to its first point. */
export interface PointHistoryTrack {
  label: PointHistoryLabel;
  /** x0, y0, x1, y1, ... (the first point is 0, 0). */
  points: Float32Array;
  /** 1-based line of the CSV row whose 16 points are the track's first 16. */
  line: number;
}

/** Options of {@link readPointHistoryTracks}. */
export interface PointHistoryOptions {
  /** Largest fingertip step between two frames (image fraction) kept inside one track. @default 0.1 */
  maxStep?: number;
}

const LABELS: readonly PointHistoryLabel[] = ['stop', 'clockwise', 'counter-clockwise', 'move'];
const HISTORY = 16;

/**
 * Reads Kazuhito00 `point_history.csv` (label, then 16 x (dx, dy) of the index fingertip relative to the row's first
 * point, divided by the image width / height) back into the continuous tracks it was cut from: consecutive rows of one
 * recording are the same 16-point history shifted by one frame, so a run of n such rows is one track of n + 15
 * points. A track is split where the fingertip jumps more than `maxStep` of the image between two frames (the
 * recording app stores a (0, 0) point when the hand is not pointing) and dropped when shorter than 16 points.
 * Throws {@link TrainingDataError} naming the file and line when a row is not a label 0-3 and 32 finite numbers.
 *
 * Internal: one of the repository's dataset recipes (scripts/ and eval/ import it; no public entry exports it).
 *
 * @example
 * ```ts
 * import { readPointHistoryTracks } from '../src/train/readPointHistoryTracks.js'; // eval/swipeRecipe.ts
 * const tracks = await readPointHistoryTracks('../shared/data/landmarks/kazuhito00-hand-gesture/point_history.csv');
 * const circles = tracks.filter((t) => t.label === 'clockwise');
 * ```
 * @internal
 */
export async function readPointHistoryTracks(path: string, options: PointHistoryOptions = {}): Promise<PointHistoryTrack[]> {
  const maxStep = options.maxStep ?? 0.1;
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw new TrainingDataError('no-data', path, `cannot read point history file (${String(cause)})`);
  });
  const rows: Array<{ label: number; p: number[]; line: number }> = [];
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = raw.trim();
    if (line === '') return;
    const values = line.split(',').map(Number);
    const label = values[0] as number;
    if (values.length !== 1 + 2 * HISTORY || values.some((v) => !Number.isFinite(v)) || !LABELS[label]) {
      throw new TrainingDataError('bad-windows', `${path}:${n + 1}`, `expected a label 0-3 and ${2 * HISTORY} numbers, got ${values.length} fields`);
    }
    rows.push({ label, p: values.slice(1), line: n + 1 });
  });
  if (rows.length === 0) throw new TrainingDataError('no-data', path, 'no point history rows in the file');
  const tracks: PointHistoryTrack[] = [];
  let current: { label: number; xy: number[]; line: number } | undefined;
  const flush = (): void => {
    if (current) tracks.push(...splitAtJumps(current, maxStep));
    current = undefined;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1];
    if (current && prev && prev.label === row.label && isShiftedByOne(prev.p, row.p)) {
      // the new row's last point, relative to its own first point = the track's point 15 frames back
      const at = current.xy.length - 2 * (HISTORY - 1);
      current.xy.push((current.xy[at] as number) + (row.p[2 * HISTORY - 2] as number), (current.xy[at + 1] as number) + (row.p[2 * HISTORY - 1] as number));
      continue;
    }
    flush();
    current = { label: row.label, xy: [...row.p], line: row.line };
  }
  flush();
  return tracks;
}

/** Whether row `b` is row `a` one frame later (same points, re-anchored), within the CSV's rounding. */
function isShiftedByOne(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < HISTORY - 1; k++) {
    const dx = (a[2 * k + 2] as number) - (a[2] as number) - (b[2 * k] as number);
    const dy = (a[2 * k + 3] as number) - (a[3] as number) - (b[2 * k + 1] as number);
    if (Math.abs(dx) > 2e-3 || Math.abs(dy) > 3e-3) return false;
  }
  return true;
}

function splitAtJumps(track: { label: number; xy: number[]; line: number }, maxStep: number): PointHistoryTrack[] {
  const out: PointHistoryTrack[] = [];
  const n = track.xy.length / 2;
  let from = 0;
  for (let i = 1; i <= n; i++) {
    const jump = i < n && Math.hypot((track.xy[2 * i] as number) - (track.xy[2 * i - 2] as number), (track.xy[2 * i + 1] as number) - (track.xy[2 * i - 1] as number)) > maxStep;
    if (i === n || jump) {
      if (i - from >= HISTORY) {
        const x0 = track.xy[2 * from] as number;
        const y0 = track.xy[2 * from + 1] as number;
        const points = new Float32Array(2 * (i - from));
        for (let k = from; k < i; k++) {
          points[2 * (k - from)] = (track.xy[2 * k] as number) - x0;
          points[2 * (k - from) + 1] = (track.xy[2 * k + 1] as number) - y0;
        }
        out.push({ label: LABELS[track.label]!, points, line: track.line + from });
      }
      from = i;
    }
  }
  return out;
}
