/**
 * How slow and how far away the swipe recogniser still works: recall over time-stretched and scaled copies of real
 * swipe clips (one labelled swipe each, e.g. the seniormars clips), replayed at a 30 fps camera rate.
 * - duration: each clip's labelled stroke stretched to last D seconds (the rest held still around it);
 * - palm size: the hand (and its path) scaled about the image centre so that its median palm length is P of the
 *   frame width, with 0.002 frame widths of seeded tracking jitter added per coordinate (a far hand is not tracked
 *   more precisely than a near one);
 * - travel: the hand's path (not its size) scaled so that the stroke travels T palm lengths along the swipe's axis
 *   (the extent of the palm centre over the labelled span, 2-D palm lengths: the recogniser's own measure).
 */
import { createRng } from '../src/train/createRng.js';
import { resampleTrack } from '../src/filters/resampleTrack.js';
import type { Hand, PoseFrame } from '../src/types.js';
import type { RealClip } from './realSources.js';
import { SWIPE_MATCH_MS, swipeEvents, withFrameSize } from './swipeRecogniserEval.js';
import { matchSwipeEvents } from './matchSwipeEvents.js';
import { SWIPE_LABELS } from './swipeEvents.js';

/** Recall at one setting of the curve. */
export interface CurvePoint {
  value: number;
  found: number;
  swipes: number;
}

/** The clip replayed at `fps` with its timestamps mapped by `time` and its landmarks by `move`. */
function replay(clip: RealClip, fps: number, time: (t: number) => number, move: (x: number, y: number, z: number) => [number, number, number]): RealClip {
  const src = withFrameSize(clip.frames).filter((f) => f.hands.length > 0);
  const stamps = src.map((f) => time(f.timestamp));
  const values = new Float64Array(src.length * 63);
  src.forEach((f, i) => f.hands[0]!.landmarks.forEach((l, j) => values.set(move(l.x, l.y, l.z), i * 63 + j * 3)));
  const end = stamps[stamps.length - 1]!;
  const instants = Array.from({ length: Math.floor((end * fps) / 1000) + 1 }, (_, k) => (k * 1000) / fps);
  const track = resampleTrack(stamps, values, 63, instants);
  const { width, height } = src[0]!;
  const frames: PoseFrame[] = instants.map((t, k) => {
    const landmarks = Array.from({ length: 21 }, (_, j) => ({ x: track[k * 63 + j * 3]!, y: track[k * 63 + j * 3 + 1]!, z: track[k * 63 + j * 3 + 2]! }));
    const hand: Hand = { handedness: 'Right', score: 1, landmarks };
    return { index: k, timestamp: t, hands: [hand], ...(width !== undefined ? { width, height } : {}) };
  });
  const at = (frame: number): number => {
    const t = time(clip.frames[frame]!.timestamp);
    return Math.min(frames.length - 1, Math.round((t * fps) / 1000));
  };
  const labels = clip.labels.map((l) => ({ ...l, startFrame: at(l.startFrame), endFrame: at(l.endFrame) }));
  return { name: clip.name, frames, labels, seconds: frames.length / fps };
}

async function found(clip: RealClip): Promise<number> {
  const timestamps = clip.frames.map((f) => f.timestamp);
  const labelled = clip.labels.filter((l) => (SWIPE_LABELS as readonly string[]).includes(l.label));
  return matchSwipeEvents(await swipeEvents(clip.frames), labelled, { labels: SWIPE_LABELS, timestamps, windowMs: SWIPE_MATCH_MS }).truePositives;
}

/** Recall with every clip's stroke stretched to each duration (seconds). */
export async function durationCurve(clips: readonly RealClip[], seconds: readonly number[]): Promise<CurvePoint[]> {
  const out: CurvePoint[] = [];
  for (const value of seconds) {
    let hits = 0;
    let swipes = 0;
    for (const clip of clips) {
      const l = clip.labels[0];
      if (l === undefined) continue;
      const t0 = clip.frames[l.startFrame]!.timestamp;
      const t1 = clip.frames[l.endFrame]!.timestamp;
      const k = (value * 1000) / (t1 - t0);
      // Before the stroke and after it the clip keeps its own pace; the stroke itself is stretched by k.
      const time = (t: number): number => (t <= t0 ? t : t <= t1 ? t0 + (t - t0) * k : t0 + (t1 - t0) * k + (t - t1));
      swipes += 1;
      hits += await found(replay(clip, 30, time, (x, y, z) => [x, y, z]));
    }
    out.push({ value, found: hits, swipes });
  }
  return out;
}

/** Recall with every clip's hand scaled to each palm size (fraction of the frame width). */
export async function palmSizeCurve(clips: readonly RealClip[], palms: readonly number[], seed = 1): Promise<CurvePoint[]> {
  const out: CurvePoint[] = [];
  for (const value of palms) {
    const rng = createRng(seed);
    const jitter = (): number => (rng.next() - 0.5) * 2 * 0.002 * Math.sqrt(3); // 0.002 standard deviation
    let hits = 0;
    let swipes = 0;
    for (const clip of clips) {
      if (clip.labels.length === 0) continue;
      const sized = withFrameSize(clip.frames);
      const aspect = sized[0]!.width! / sized[0]!.height!;
      const palm = median(sized.flatMap((f) => f.hands.slice(0, 1).map((h) => Math.hypot(h.landmarks[9]!.x - h.landmarks[0]!.x, (h.landmarks[9]!.y - h.landmarks[0]!.y) / aspect))));
      const s = value / palm;
      swipes += 1;
      hits += await found(replay(clip, 30, (t) => t, (x, y, z) => [0.5 + (x - 0.5) * s + jitter(), 0.5 + (y - 0.5) * s + jitter() * aspect, z * s]));
    }
    out.push({ value, found: hits, swipes });
  }
  return out;
}

/** Recall with every clip's path scaled so its stroke travels each distance (palm lengths). */
export async function travelCurve(clips: readonly RealClip[], travels: readonly number[]): Promise<CurvePoint[]> {
  const out: CurvePoint[] = [];
  for (const value of travels) {
    let hits = 0;
    let swipes = 0;
    for (const clip of clips) {
      const l = clip.labels[0];
      if (l === undefined) continue;
      const sized = withFrameSize(clip.frames);
      const aspect = sized[0]!.width! / sized[0]!.height!;
      const centre = (f: PoseFrame): [number, number] => {
        const h = f.hands[0]!;
        return [[0, 5, 9, 13, 17].reduce((s, j) => s + h.landmarks[j]!.x, 0) / 5, [0, 5, 9, 13, 17].reduce((s, j) => s + h.landmarks[j]!.y, 0) / 5];
      };
      const [x0, y0] = centre(sized[l.startFrame]!);
      const palm = median(sized.map((f) => Math.hypot(f.hands[0]!.landmarks[9]!.x - f.hands[0]!.landmarks[0]!.x, (f.hands[0]!.landmarks[9]!.y - f.hands[0]!.landmarks[0]!.y) / aspect)));
      // Travel as the recogniser measures it: the extent along the swipe's axis over the labelled span.
      const along = sized.slice(l.startFrame, l.endFrame + 1).map((f) => (l.label === 'swipe_left' || l.label === 'swipe_right' ? centre(f)[0] : centre(f)[1] / aspect));
      const travel = (Math.max(...along) - Math.min(...along)) / palm;
      const k = value / travel;
      const moved = sized.map((f) => {
        const [cx, cy] = centre(f);
        const dx = (k - 1) * (cx - x0);
        const dy = (k - 1) * (cy - y0);
        return { ...f, hands: [{ ...f.hands[0]!, landmarks: f.hands[0]!.landmarks.map((p) => ({ x: p.x + dx, y: p.y + dy, z: p.z })) }] };
      });
      swipes += 1;
      hits += await found({ ...clip, frames: moved });
    }
    out.push({ value, found: hits, swipes });
  }
  return out;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}
