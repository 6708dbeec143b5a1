import { palmTrack, type PalmTrack } from './palmTrack.js';
import { resolveSwipeOptions, type ResolvedSwipeOptions } from './resolveSwipeOptions.js';
import { SWIPE_LABELS, type SwipeLabel, type SwipeOptions, type SwipeStroke, type SwipeVerdict, type WindowContext } from './swipeTypes.js';

type Direction = Exclude<SwipeLabel, 'none'>;
type Stroke = SwipeStroke;

/** Unit vectors of the four swipes in image coordinates (y grows downwards). */
const AXES: ReadonlyArray<readonly [Direction, number, number]> = [
  ['swipe_left', -1, 0],
  ['swipe_right', 1, 0],
  ['swipe_up', 0, -1],
  ['swipe_down', 0, 1],
];
/** Palm lengths of tracking noise: positions this close to an extreme count as the extreme. */
const NOISE = 0.08;
/** Share of a stroke's travel that, covered within 100 ms, makes it a tracking jump rather than a hand. */
const JUMP_SHARE = 0.85;

function isResolved(options: SwipeOptions): options is ResolvedSwipeOptions {
  return 'resolved' in options;
}

/**
 * Decides whether a window shows a swipe that has just ended, by the swipe's physical definition
 * ({@link SwipeOptions}): no training data, nobody's hands in particular.
 *
 * For each of the four directions the palm centre's progress along it (in palm lengths: the window's median 2-D palm
 * length) is read; the stroke ends where the progress first comes within tracking noise of its maximum and starts
 * where it last left its minimum before that. The stroke is reported when it stopped between `settleMs` and
 * `settleMs + reportMs` before the window's end and passes every check: travel, drift across the axis, path
 * straightness, duration, change of hand size, an open hand, the hand seen before the stroke began, not the return
 * of an opposite stroke, not a backswing. Of several, the longest travel wins. Cost: O(n) per direction.
 *
 * @param packed The window, `n` x 21 x 3 (`PoseWindow.pack()`), its instants evenly spaced over `context.spanMs`.
 * @example
 * ```ts
 * import { recogniseSwipe, windowContext } from 'posestream';
 * const verdict = recogniseSwipe(window.pack(), window.size, windowContext(window));
 * if (verdict.label !== 'none') console.log(verdict.label, verdict.stroke?.travel);
 * ```
 */
export function recogniseSwipe(packed: ArrayLike<number>, n: number, context: WindowContext, options: SwipeOptions = {}): SwipeVerdict {
  // posestream's own callers pass options resolved once (a ResolvedSwipeOptions), not re-checked per window.
  const o = isResolved(options) ? options : resolveSwipeOptions(options);
  const scores = new Float32Array(SWIPE_LABELS.length);
  scores[SWIPE_LABELS.length - 1] = 1;
  if (n < 3) return { label: 'none', scores, strokes: [] };
  const dt = context.spanMs / (n - 1);
  const held = Math.max(0, Math.ceil(n - 1 - context.coveredMs / dt - 1e-6));
  if (n - held < 3) return { label: 'none', scores, strokes: [] };
  const track = palmTrack(packed, n, context.aspect > 0 ? context.aspect : 1);
  const palm = median(track.flat, held, n);
  if (!(palm > 0)) return { label: 'none', scores, strokes: [] };
  const strokes: Stroke[] = [];
  const progress = new Float64Array(n); // each direction's progress, reused
  let best: Stroke | undefined;
  let reported: Stroke | undefined;
  for (const [label, ux, uy] of AXES) {
    const stroke = strokeAlong(track, held, n, dt, palm, label, ux, uy, o, context, progress);
    if (stroke === undefined) continue;
    strokes.push(stroke);
    if (best === undefined || stroke.travel > best.travel) best = stroke;
    if (stroke.rejected === undefined && (reported === undefined || stroke.travel > reported.travel)) reported = stroke;
  }
  if (reported === undefined) return best ? { label: 'none', scores, stroke: best, strokes } : { label: 'none', scores, strokes };
  scores[SWIPE_LABELS.length - 1] = 0;
  scores[SWIPE_LABELS.indexOf(reported.label)] = 1;
  return { label: reported.label, scores, stroke: reported, strokes };
}

/** The stroke along one direction, with the first check it fails (undefined: no movement along it at all). */
function strokeAlong(
  t: PalmTrack, held: number, n: number, dt: number, palm: number, label: Direction, ux: number, uy: number, o: ResolvedSwipeOptions,
  context: WindowContext,
  progress: Float64Array,
): Stroke | undefined {
  const p = progress;
  for (let i = held; i < n; i++) p[i] = ((t.x[i] as number) * ux + (t.y[i] as number) * uy) / palm;
  // The stroke's stop: the furthest point of the part of the window in which a stop is still reported.
  const recent = Math.max(held, n - 1 - Math.ceil((o.settleMs + o.reportMs) / dt));
  let top = -Infinity;
  for (let i = recent; i < n; i++) top = Math.max(top, p[i] as number);
  let end = recent;
  while ((p[end] as number) < top - NOISE) end++;
  if (end === recent && recent > held && (p[recent - 1] as number) >= top - NOISE) return undefined; // stopped earlier
  // Its start: the lowest point since the hand was last further along (an earlier stroke) and within maxDurationMs.
  let higher = end - 1;
  while (higher >= held && (p[higher] as number) <= top + NOISE) higher--;
  const longest = end - Math.round(o.maxDurationMs / dt);
  const lo = Math.max(held, higher + 1, longest);
  let bottom = Infinity;
  for (let i = lo; i <= end; i++) bottom = Math.min(bottom, p[i] as number);
  const travel = top - bottom;
  if (!(travel > NOISE)) return undefined;
  // The stroke's 10 % and 90 % points: a hand drifting before or creeping after does not stretch it.
  const tol = Math.max(NOISE, 0.1 * travel);
  let b = end;
  while (b > lo && (p[b - 1] as number) >= top - tol) b--;
  let a = b;
  while (a > lo && (p[a] as number) > bottom + tol) a--;
  const dx = ((t.x[b] as number) - (t.x[a] as number)) / palm;
  const dy = ((t.y[b] as number) - (t.y[a] as number)) / palm;
  const cross = Math.abs(dx * uy - dy * ux);
  const ageMs = (n - 1 - end) * dt;
  const durationMs = (b - a) * dt;
  const stroke: Stroke = { label, travel, cross, durationMs, ageMs };
  const reject = (why: string): Stroke => ({ ...stroke, rejected: why });
  if (travel < o.minTravel) return reject('short');
  if (ageMs < o.settleMs) return reject('not settled');
  if (cross > o.maxCrossRatio * travel) return reject('off axis');
  if (durationMs < o.minDurationMs) return reject('jump');
  // A tracking switch to another hand: (nearly) all of the travel within 100 ms, whatever the frame rate.
  const k = Math.max(1, Math.round(100 / dt));
  for (let i = Math.max(held, a - 1); i + k <= Math.min(n - 1, b + 1); i++) {
    const step = (((t.rawX[i + k] as number) - (t.rawX[i] as number)) * ux + ((t.rawY[i + k] as number) - (t.rawY[i] as number)) * uy) / palm;
    if (step >= JUMP_SHARE * travel) return reject('jump');
  }
  // Still moving this way maxDurationMs before the stop, or at the start of a window the hand covers: too slow.
  const cut = lo === longest && lo > held ? (p[lo - 1] as number) < (p[lo] as number) - NOISE / 4 : lo === 0 && (p[0] as number) < (p[1] as number) - NOISE / 4;
  if (cut) return reject('too slow');
  if (a * dt - (context.spanMs - context.coveredMs) < o.minLeadMs) return reject('entering');
  let path = 0;
  for (let i = a + 1; i <= b; i++) path += Math.hypot((t.x[i] as number) - (t.x[i - 1] as number), (t.y[i] as number) - (t.y[i - 1] as number));
  if (path / palm > o.maxPathRatio * Math.hypot(dx, dy)) return reject('not straight');
  const s0 = mean(t.size, a, Math.min(a + 3, b + 1));
  const s1 = mean(t.size, Math.max(b - 2, a), b + 1);
  if (Math.max(s0, s1) > o.maxScaleChange * Math.min(s0, s1)) return reject('depth');
  let open = 0;
  for (let i = a; i <= b; i++) if ((t.open[i] as number) >= o.minOpenFingers) open++;
  if (open < o.minOpenFraction * (b - a + 1)) return reject('closed hand');
  let after = Infinity;
  for (let i = end; i < n; i++) after = Math.min(after, p[i] as number);
  if (top - after >= o.backswingRatio * travel) return reject('backswing');
  let r = a;
  while (r > held && (p[r - 1] as number) <= bottom + tol) r--;
  if ((a - r) * dt < o.returnGapMs) {
    let before = -Infinity;
    for (let i = Math.max(held, r - Math.round(o.maxDurationMs / dt)); i <= r; i++) before = Math.max(before, p[i] as number);
    if (before - bottom >= o.returnRatio * travel) return reject('return stroke');
  }
  return stroke;
}

function median(v: Float64Array, from: number, to: number): number {
  const s = v.slice(from, to).sort(); // a typed array sorts numerically
  return s.length === 0 ? NaN : ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
}

function mean(v: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i] as number;
  return s / Math.max(1, to - from);
}
