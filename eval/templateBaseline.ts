/**
 * The template baseline of ../shared/docs/recognition-baselines.md, implemented plainly for comparison: per-frame
 * features (20 landmarks relative to the wrist over the palm length, the wrist's path from the segment's first frame
 * in palm lengths and its speed in palm lengths per second), a motion-energy segmenter (mean landmark speed, palm
 * lengths per second, lightly smoothed, above a threshold for at least 0.3 s, gaps under 0.2 s bridged), 1-NN DTW
 * of each segment against the teaching examples, and one rejection threshold on the DTW distance. The energy and the
 * rejection thresholds are fitted on the teaching recording (leave-one-out: a segment is not compared with the
 * examples it overlaps), by event-level F1. Nothing is chosen on the test recording.
 */
import type { PoseFrame } from '../src/types.js';
import type { LabelledRecording } from '../src/teach/teachTypes.js';
import { matchGestureEvents, type EventCounts, type GestureSpan } from '../src/teach/matchGestureEvents.js';

type Seq = { data: Float32Array; frames: number };
const D = 20 * 2 + 3;

function features(frames: readonly PoseFrame[], from: number, to: number): Seq {
  const n = to - from + 1;
  const data = new Float32Array(n * D);
  const lm = (i: number) => frames[i]!.hands[0]!.landmarks;
  const palms = [];
  for (let i = from; i <= to; i++) palms.push(Math.hypot(lm(i)[9]!.x - lm(i)[0]!.x, lm(i)[9]!.y - lm(i)[0]!.y));
  palms.sort((a, b) => a - b);
  const palm = Math.max(1e-6, palms[Math.floor(palms.length / 2)]!);
  const w0 = lm(from)[0]!;
  for (let i = from; i <= to; i++) {
    const o = (i - from) * D;
    const l = lm(i);
    for (let k = 1; k <= 20; k++) {
      data[o + (k - 1) * 2] = (l[k]!.x - l[0]!.x) / palm;
      data[o + (k - 1) * 2 + 1] = (l[k]!.y - l[0]!.y) / palm;
    }
    data[o + 40] = (l[0]!.x - w0.x) / palm;
    data[o + 41] = (l[0]!.y - w0.y) / palm;
    const p = lm(Math.max(from, i - 1))[0]!;
    const dt = Math.max(1e-3, (frames[i]!.timestamp - frames[Math.max(from, i - 1)]!.timestamp) / 1000);
    data[o + 42] = (0.2 * Math.hypot(l[0]!.x - p.x, l[0]!.y - p.y)) / palm / dt;
  }
  return { data, frames: n };
}

function dtw(a: Seq, b: Seq): number {
  const m = b.frames;
  let prev = new Float64Array(m + 1).fill(Infinity);
  let cur = new Float64Array(m + 1);
  prev[0] = 0;
  for (let i = 1; i <= a.frames; i++) {
    cur.fill(Infinity);
    for (let j = 1; j <= m; j++) {
      let s = 0;
      for (let d = 0; d < D; d++) {
        const e = a.data[(i - 1) * D + d]! - b.data[(j - 1) * D + d]!;
        s += e * e;
      }
      cur[j] = Math.sqrt(s) + Math.min(prev[j - 1]!, prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]! / (a.frames + m);
}

function energy(frames: readonly PoseFrame[]): number[] {
  const out = frames.map((f, i) => {
    if (i === 0) return 0;
    const a = frames[i - 1]!.hands[0]!.landmarks;
    const b = f.hands[0]!.landmarks;
    const palm = Math.max(1e-6, Math.hypot(b[9]!.x - b[0]!.x, b[9]!.y - b[0]!.y));
    const dt = Math.max(1e-3, (f.timestamp - frames[i - 1]!.timestamp) / 1000);
    let s = 0;
    for (let k = 0; k < 21; k++) s += Math.hypot(b[k]!.x - a[k]!.x, b[k]!.y - a[k]!.y);
    return s / 21 / palm / dt;
  });
  return out.map((_, i) => (out[Math.max(0, i - 1)]! + out[i]! + out[Math.min(out.length - 1, i + 1)]!) / 3);
}

function segment(frames: readonly PoseFrame[], e: readonly number[], threshold: number, fps: number): Array<[number, number]> {
  const minLen = Math.round(0.3 * fps);
  const bridge = Math.round(0.2 * fps);
  const runs: Array<[number, number]> = [];
  let start = -1;
  let below = 0;
  for (let i = 0; i <= frames.length; i++) {
    const on = i < frames.length && e[i]! >= threshold;
    if (on) {
      if (start < 0) start = i;
      below = 0;
    } else if (start >= 0 && (++below > bridge || i === frames.length)) {
      const end = i - below;
      if (end - start + 1 >= minLen) runs.push([start, end]);
      start = -1;
      below = 0;
    }
  }
  return runs;
}

/** A baseline taught from one recording: it spots events in others. */
export interface TemplateBaseline {
  spot(rec: LabelledRecording): GestureSpan[];
  energyThreshold: number;
  rejectThreshold: number;
}

/** Teaches the baseline on `rec` (its labelled spans are the examples; `none` spans are not templates). */
export function teachTemplateBaseline(rec: LabelledRecording, fps: number): TemplateBaseline {
  const examples = rec.labels.filter((l) => l.label !== 'none').map((l) => ({ label: l.label, span: l, seq: features(rec.frames, l.startFrame, l.endFrame) }));
  const e = energy(rec.frames);
  const classify = (seq: Seq, exclude?: [number, number]): { label: string; d: number } => {
    let best = { label: 'none', d: Infinity };
    for (const ex of examples) {
      if (exclude && ex.span.startFrame <= exclude[1] && ex.span.endFrame >= exclude[0]) continue;
      const d = dtw(seq, ex.seq);
      if (d < best.d) best = { label: ex.label, d };
    }
    return best;
  };
  const timeOf = (f: number): number => rec.frames[f]!.timestamp;
  let best = { f1: -1, energy: 0, reject: 0 };
  const sorted = [...e].sort((a, b) => a - b);
  for (const q of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    const eThr = sorted[Math.floor(q * (sorted.length - 1))]!;
    const segs = segment(rec.frames, e, eThr, fps).map((s) => ({ s, c: classify(features(rec.frames, s[0], s[1]), s) }));
    const ds = segs.map((x) => x.c.d).filter(Number.isFinite).sort((a, b) => a - b);
    for (const tau of [...ds.map((d) => d * 1.0001), Infinity]) {
      const predicted = segs.filter((x) => x.c.d <= tau).map((x) => ({ label: x.c.label, startFrame: x.s[0], endFrame: x.s[1] }));
      const m = matchGestureEvents(predicted, rec.labels, timeOf, 0);
      const f1 = (2 * m.truePositives) / Math.max(1, 2 * m.truePositives + m.falsePositives + m.falseNegatives);
      if (f1 > best.f1) best = { f1, energy: eThr, reject: tau };
    }
  }
  return {
    energyThreshold: best.energy,
    rejectThreshold: best.reject,
    spot(test) {
      const et = energy(test.frames);
      return segment(test.frames, et, best.energy, fps)
        .map((s) => ({ s, c: classify(features(test.frames, s[0], s[1])) }))
        .filter((x) => x.c.d <= best.reject)
        .map((x) => ({ label: x.c.label, startFrame: x.s[0], endFrame: x.s[1] }));
    },
  };
}

/** Event counts of predicted spans on a labelled recording (windowMs: how far back an event's evidence reaches). */
export function scoreEvents(predicted: readonly GestureSpan[], rec: LabelledRecording, windowMs: number): EventCounts {
  return matchGestureEvents(predicted, rec.labels, (f) => rec.frames[Math.max(0, Math.min(rec.frames.length - 1, f))]!.timestamp, windowMs);
}
