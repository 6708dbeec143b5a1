import { DEFAULT_MODEL_SETTINGS } from '../defaultModelSettings.js';
import { slidingWindow } from '../operators/slidingWindow.js';
import { from } from 'rxjs';
import type { MissingHandPolicy } from '../operators/operatorTypes.js';
import type { ResampleSpec } from '../filters/createPoseWindow.js';
import type { PoseFrame } from '../types.js';
import type { FrameSpan, LabelledWindow } from './trainTypes.js';

/** Options of {@link poseFrameWindows}. */
export interface PoseFrameWindowsOptions {
  /** The model's window: N frames resampled over `durationMs`, exactly as `slidingWindow({ resample })` serves it. */
  window: Pick<ResampleSpec, 'frames' | 'durationMs'>;
  /** What the live pipeline does with frames without a hand. @default 'skip' */
  onMissingHand?: MissingHandPolicy;
  /**
   * The longest missing-hand gap the live pipeline bridges (`slidingWindow`'s `maxGapMs`), in the clip's own time:
   * a time-stretched clip plays slower, its estimator does not lose the hand for longer. @default DEFAULT_MODEL_SETTINGS.maxGapMs (500)
   */
  maxGapMs?: number;
  /** Plays the clip this many times slower (timestamps x timeScale): time-stretch augmentation. @default 1 */
  timeScale?: number;
  /** Keep every `stride`-th window. @default 1 */
  stride?: number;
  /**
   * A span labels a window when at least this fraction of the span's duration lies inside the window (or the
   * span covers the whole window). @default 0.8
   */
  minCoverage?: number;
  /** Label of windows that overlap no span; `undefined` skips them. @default 'none' */
  unlabelled?: string | undefined;
  /** Name written into each window's `source`. @default '' */
  source?: string;
}

/**
 * Cuts labelled training/evaluation windows out of a recorded (or synthesised) frame stream by running the very
 * `slidingWindow` operator the live pipeline runs (resampled by timestamp, the same missing-hand policy), so the
 * model is trained on exactly what it will be served. Label spans are frame indices (`PoseFrame.index`,
 * inclusive); a window gets a span's label when the span's time lies inside the window by at least
 * `minCoverage` of its duration, or when the span covers the whole window. Windows touching a span without that
 * are ambiguous and dropped; windows touching none get `unlabelled`.
 *
 * @example
 * ```ts
 * import { poseFrameWindows } from 'posestream/train';
 * const windows = poseFrameWindows(recording.frames, recording.labels, { window: { frames: 30, durationMs: 2000 } });
 * ```
 */
export function poseFrameWindows(frames: readonly PoseFrame[], spans: readonly FrameSpan[], options: PoseFrameWindowsOptions): LabelledWindow[] {
  const scale = options.timeScale ?? 1;
  const stride = Math.max(1, Math.floor(options.stride ?? 1));
  const minCoverage = options.minCoverage ?? 0.8;
  const unlabelled = 'unlabelled' in options ? options.unlabelled : 'none';
  const t0 = frames[0]?.timestamp ?? 0;
  const scaled = scale === 1 ? frames : frames.map((f) => ({ ...f, timestamp: t0 + (f.timestamp - t0) * scale }));
  const timeOf = new Map<number, number>(scaled.map((f) => [f.index, f.timestamp]));
  const timed = spans.map((s) => ({ label: s.label, start: timeOf.get(s.startFrame) ?? Number.NaN, end: timeOf.get(s.endFrame) ?? Number.NaN }));
  const out: LabelledWindow[] = [];
  let n = 0;
  const duration = options.window.durationMs;
  from(scaled)
    .pipe(slidingWindow(options.window.frames, { resample: options.window, onMissingHand: options.onMissingHand ?? 'skip', maxGapMs: (options.maxGapMs ?? DEFAULT_MODEL_SETTINGS.maxGapMs) * scale }))
    .subscribe((w) => {
      if (n++ % stride !== 0) return;
      const end = w.endTimestamp;
      const start = end - duration;
      let label: string | undefined;
      let best = 0;
      let touched = false;
      for (const span of timed) {
        const overlap = Math.min(end, span.end) - Math.max(start, span.start);
        if (!(overlap >= 0) || (overlap === 0 && span.end > span.start)) continue;
        touched = true;
        const length = span.end - span.start;
        const covers = span.start <= start && span.end >= end;
        if ((covers || (length <= duration && overlap >= minCoverage * length)) && overlap >= best) {
          label = span.label;
          best = overlap;
        }
      }
      const final = touched ? label : unlabelled;
      if (final !== undefined) out.push({ window: w.pack(), label: final, source: options.source ?? '', endFrame: w.endIndex });
    });
  return out;
}
