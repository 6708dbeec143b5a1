import type { PoseFrame } from '../types.js';

/** What a window needs, for {@link FrameTally.explain}. */
export interface WindowNeeds {
  /** Frames per window. */
  frames: number;
  /** The time a window covers, ms (0: no resampling). */
  durationMs: number;
  /** The longest gap without a hand a window bridges, ms. */
  maxGapMs: number;
}

/** Counts the frames of a replay, to say why it gave no window. */
export interface FrameTally {
  /** Counts one frame. */
  see(frame: PoseFrame): void;
  /** Why frames like those seen give no window of `needs`, in words. */
  explain(needs: WindowNeeds): string;
}

/**
 * Creates a tally of the frames a replay emitted (how many, how many with a hand, the time their hands span), for
 * `posestream classify` to say why a recording gave no window instead of exiting without a word.
 *
 * @example
 * ```ts
 * const tally = createFrameTally();
 * frames.forEach(tally.see);
 * tally.explain({ frames: 30, durationMs: 966.7, maxGapMs: 500 }); // 'the recording has no frames'
 * ```
 * @internal
 */
export function createFrameTally(): FrameTally {
  let frames = 0;
  let withHand = 0;
  let firstT: number | undefined;
  let lastT: number | undefined;
  return {
    see(frame) {
      frames++;
      if (frame.hands.length === 0) return;
      withHand++;
      firstT ??= frame.timestamp;
      lastT = frame.timestamp;
    },
    explain({ frames: size, durationMs, maxGapMs }) {
      if (frames === 0) return 'the recording has no frames';
      if (withHand === 0 || firstT === undefined || lastT === undefined) return `none of its ${frames} frames has a hand`;
      const hands = `${withHand} of its ${frames} frames have a hand`;
      if (durationMs > 0) {
        const span = +(lastT - firstT).toFixed(3);
        if (span < durationMs) return `${hands}, spanning ${span} ms, less than the ${+durationMs.toFixed(3)} ms a window covers (--window-ms)`;
        return `${hands}, but no run of them covers ${+durationMs.toFixed(3)} ms (--window-ms) without a gap of over ${maxGapMs} ms`;
      }
      if (withHand < size) return `${hands}, fewer than the ${size} a window holds (--window)`;
      return `${hands}, but no ${size} of them (--window) come without a gap of over ${maxGapMs} ms`;
    },
  };
}
