/**
 * Real teaching and test recordings for the taught-gesture evaluation (docs/evaluation.md, "Teaching"), built from
 * the real data of ../shared/data (read by path, never copied):
 * - kairess (one person, three continuous takes: come, away, spin, 15 fps): each take is cut into 1.2 s segments;
 *   the first 55 % of each take teaches, the last 40 % tests (the 5 % between is dropped so no window spans both);
 * - seniormars (MIT; 38 real swipes, 33 still palms, 19 frames at an assumed 20 fps): each class's clips in file
 *   order, the first 60 % teach, the rest test.
 * Segments are joined into one recording per split, each a labelled span, in a fixed shuffled order. Between
 * segments, `join: 'still'` holds the hand still for 1 s (each segment moved so that its wrist starts where the last
 * one ended), `join: 'moving'` moves the hand in 1 s from where one segment ended to where the next begins (every
 * landmark interpolated: ordinary repositioning). `untaught` labels are performed but labelled `none` (must not fire).
 */
import type { PoseFrame } from '../src/types.js';
import type { LabelledRecording } from '../src/teach/teachTypes.js';
import { loadKairess } from '../src/data/loadKairess.js';
import { seniormarsClips } from './seniormarsClips.js';
import { createRng } from '../src/train/createRng.js';

/** One real performance: its frames (hands only, timestamps from 0) and label. */
export interface Segment {
  label: string;
  frames: PoseFrame[];
}

/** Teach and test segments of one data set. */
export interface TeachingSplit {
  name: string;
  fps: number;
  teach: Segment[];
  test: Segment[];
}

/** The kairess split: 1.2 s segments, teach on the first 55 % of each take, test on its last 40 %. */
export async function kairessSplit(dir: string): Promise<TeachingSplit> {
  const takes = await loadKairess(dir);
  const fps = 15;
  const len = Math.round(1.2 * fps);
  const teach: Segment[] = [];
  const test: Segment[] = [];
  for (const take of takes) {
    const n = take.frames.length;
    const cut = (from: number, to: number, into: Segment[]): void => {
      for (let s = from; s + len <= to; s += len) into.push({ label: take.label, frames: take.frames.slice(s, s + len) });
    };
    cut(0, Math.floor(n * 0.55), teach);
    cut(Math.ceil(n * 0.6), n, test);
  }
  return { name: 'kairess', fps, teach, test };
}

/** The seniormars split: per class, the first 60 % of the clips (file order) teach, the rest test. */
export async function seniormarsSplit(dir: string): Promise<TeachingSplit> {
  const clips = await seniormarsClips(dir, { leadMs: 0, trailMs: 0, labelBy: 'travel' }); // 4 swipe_left clips travel towards +x: labelled by their direction (docs/evaluation.md)
  const byLabel = new Map<string, Segment[]>();
  for (const c of clips) {
    const label = c.labels[0]?.label ?? 'palm';
    byLabel.set(label, [...(byLabel.get(label) ?? []), { label, frames: c.frames }]);
  }
  const teach: Segment[] = [];
  const test: Segment[] = [];
  for (const [, list] of byLabel) {
    const k = Math.round(list.length * 0.6);
    teach.push(...list.slice(0, k));
    test.push(...list.slice(k));
  }
  return { name: 'seniormars', fps: 20, teach, test };
}

/** Joins segments into one recording (see the module comment). `none` and untaught labels become `none` spans (palms: unlabelled). */
export function joinSegments(segments: readonly Segment[], fps: number, options: { join: 'still' | 'moving'; untaught?: readonly string[]; seed?: number; name: string }): LabelledRecording & { timestamps: number[] } {
  const rng = createRng(options.seed ?? 7);
  const order = segments.map((s) => ({ s, k: rng.next() })).sort((a, b) => a.k - b.k).map((x) => x.s);
  const dt = 1000 / fps;
  const gap = Math.round(fps * 1);
  const frames: PoseFrame[] = [];
  const labels: LabelledRecording['labels'][number][] = [];
  let last: PoseFrame | undefined;
  const push = (f: PoseFrame): void => {
    frames.push({ ...f, index: frames.length, timestamp: frames.length * dt });
  };
  for (let g = 0; g < Math.round(fps * 1.5); g++) push(order[0]!.frames[0]!); // a hand at rest before the first
  for (const seg of order) {
    let seq = seg.frames;
    const first = seq[0]!;
    if (last !== undefined) {
      const a = last.hands[0]!.landmarks;
      if (options.join === 'still') {
        const dx = a[0]!.x - first.hands[0]!.landmarks[0]!.x;
        const dy = a[0]!.y - first.hands[0]!.landmarks[0]!.y;
        seq = seq.map((f) => ({ ...f, hands: f.hands.map((h) => ({ ...h, landmarks: h.landmarks.map((p) => ({ x: p.x + dx, y: p.y + dy, z: p.z })) })) }));
        for (let g = 0; g < gap; g++) push(last);
      } else {
        const b = first.hands[0]!.landmarks;
        for (let g = 1; g <= gap; g++) {
          const u = g / (gap + 1);
          const e = u * u * (3 - 2 * u); // eased: the hand accelerates then slows
          push({ ...last, hands: [{ ...last.hands[0]!, landmarks: a.map((p, k) => ({ x: p.x + (b[k]!.x - p.x) * e, y: p.y + (b[k]!.y - p.y) * e, z: p.z + (b[k]!.z - p.z) * e })) }] });
        }
      }
    }
    const start = frames.length;
    for (const f of seq) push(f);
    const label = seg.label === 'palm' ? undefined : options.untaught?.includes(seg.label) ? 'none' : seg.label;
    if (label !== undefined) labels.push({ label, startFrame: start, endFrame: frames.length - 1 });
    last = frames[frames.length - 1];
  }
  for (let g = 0; g < gap; g++) push(last!);
  return { name: options.name, frames, labels, timestamps: frames.map((f) => f.timestamp) };
}
