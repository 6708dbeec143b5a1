import type { FrameSpan, LabelledSequence } from './trainTypes.js';

/** Where one window sits in its sequence; `minStart..maxEnd` is the contiguous block it may stretch over. */
export interface WindowRef {
  /** The sequence the window is cut from. */
  sequence: LabelledSequence;
  /** Index of the window's last frame. */
  end: number;
  /** The window's class. */
  label: string;
  /** First frame of the time block the window belongs to (speed changes stay inside it). */
  minStart: number;
  /** Last frame of that time block. */
  maxEnd: number;
}

/** Options of {@link cutWindows}. */
export interface CutWindowsOptions {
  /** Frames per window (N). @default 30 */
  size?: number;
  /** Frames between consecutive window ends. @default 1 */
  stride?: number;
  /**
   * A span shorter than the window labels it when at least this fraction of the span lies inside the window
   * (a swipe is "in" the window when the window holds its motion). @default 0.8
   */
  minCoverage?: number;
  /** Label for windows that touch no span; `undefined` skips them. @default undefined */
  unlabelled?: string;
  /** Frame ranges (inclusive) windows must lie entirely inside. @default [[0, length - 1]] */
  ranges?: ReadonlyArray<readonly [number, number]>;
}

/**
 * Cuts a labelled sequence into window positions and labels (no copying of frames).
 *
 * A window gets a span's label when the span covers the whole window, or when a span shorter than the window
 * lies inside it by at least `minCoverage`. Windows that touch a span without either are ambiguous and skipped;
 * windows that touch none get `unlabelled` (or are skipped).
 *
 * @example
 * ```ts
 * import { cutWindows } from 'posestream/train';
 * const refs = cutWindows(sequence, { size: 30, stride: 2 });
 * ```
 */
export function cutWindows(sequence: LabelledSequence, options: CutWindowsOptions = {}): WindowRef[] {
  const size = options.size ?? 30;
  const stride = options.stride ?? 1;
  const minCoverage = options.minCoverage ?? 0.8;
  const ranges = options.ranges ?? [[0, sequence.length - 1] as const];
  const refs: WindowRef[] = [];
  for (const [from, to] of ranges) {
    for (let end = from + size - 1; end <= to; end += stride) {
      const label = windowLabel(sequence.labels, end - size + 1, end, size, minCoverage, options.unlabelled);
      if (label !== undefined) refs.push({ sequence, end, label, minStart: from, maxEnd: to });
    }
  }
  return refs;
}

function windowLabel(
  spans: readonly FrameSpan[],
  start: number,
  end: number,
  size: number,
  minCoverage: number,
  unlabelled: string | undefined,
): string | undefined {
  let best: string | undefined;
  let bestOverlap = 0;
  let touched = false;
  for (const span of spans) {
    const overlap = Math.min(end, span.endFrame) - Math.max(start, span.startFrame) + 1;
    if (overlap <= 0) continue;
    touched = true;
    const spanLength = span.endFrame - span.startFrame + 1;
    const qualifies = overlap === size || (spanLength < size && overlap >= minCoverage * spanLength);
    if (qualifies && overlap > bestOverlap) {
      best = span.label;
      bestOverlap = overlap;
    }
  }
  return touched ? best : unlabelled;
}

/**
 * Copies one window out of its sequence, optionally time-stretched: `speed` > 1 plays the gesture faster (the
 * window covers more source frames), linear interpolation between frames. The stretch is clamped so the window
 * stays inside its time block.
 *
 * @example
 * ```ts
 * import { cutWindows, extractWindow } from 'posestream/train';
 * const raw = extractWindow(cutWindows(sequence)[0]!, 30, 1.2);
 * ```
 */
export function extractWindow(ref: WindowRef, size: number, speed = 1): Float32Array {
  const stride = 63;
  const maxSpan = ref.end - ref.minStart;
  const step = size > 1 ? Math.min(speed, maxSpan / (size - 1)) : 1;
  const out = new Float32Array(size * stride);
  const src = ref.sequence.frames;
  for (let i = 0; i < size; i++) {
    const t = ref.end - (size - 1 - i) * step;
    const a = Math.floor(t);
    const w = t - a;
    const b = Math.min(a + 1, ref.end);
    const oa = a * stride;
    const ob = b * stride;
    for (let k = 0; k < stride; k++) {
      out[i * stride + k] = (src[oa + k] as number) * (1 - w) + (src[ob + k] as number) * w;
    }
  }
  return out;
}
