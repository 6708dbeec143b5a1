import type { Hand, PoseFrame, PoseWindow } from '../types.js';
import { packWindow, VALUES_PER_FRAME } from './packWindow.js';
import { resampleWindow } from './resampleWindow.js';
import type { RingSnapshot } from './ringBuffer.js';

/** One frame of a window with the hand that was selected from it. */
export interface WindowEntry {
  frame: PoseFrame;
  hand: Hand;
}

/** Resample a window to `frames` instants over the last `durationMs` (see `resampleWindow`). */
export interface ResampleSpec {
  /** Instants per window, evenly spaced over `durationMs` (the window's `size`). */
  frames: number;
  /** The span the instants cover, ms, ending at the newest frame. */
  durationMs: number;
  /** The least span real frames must cover (the instants before the first frame hold it). @default durationMs */
  minDurationMs?: number;
}

class LazyPoseWindow implements PoseWindow {
  readonly size: number;
  readonly startTimestamp: number;
  readonly endTimestamp: number;
  readonly span: number;
  readonly coveredMs: number;
  readonly endIndex: number;
  readonly capturedAt: number;
  readonly emittedAt: number;
  #entries: RingSnapshot<WindowEntry>;
  #resample: ResampleSpec | undefined;
  #frames: PoseFrame[] | undefined;
  #hands: Hand[] | undefined;
  #packed: Float32Array | undefined;

  constructor(entries: RingSnapshot<WindowEntry>, emittedAt: number, resample: ResampleSpec | undefined) {
    const newest = entries.at(entries.length - 1).frame;
    this.#entries = entries;
    this.#resample = resample;
    this.size = resample ? resample.frames : entries.length;
    this.endTimestamp = newest.timestamp;
    this.startTimestamp = resample ? newest.timestamp - resample.durationMs : entries.at(0).frame.timestamp;
    this.span = this.endTimestamp - this.startTimestamp;
    this.coveredMs = Math.min(this.span, newest.timestamp - entries.at(0).frame.timestamp);
    this.endIndex = newest.index;
    this.capturedAt = newest.capturedAt ?? newest.timestamp;
    this.emittedAt = emittedAt;
  }

  get frames(): readonly PoseFrame[] {
    if (!this.#frames) this.#build();
    return this.#frames as PoseFrame[];
  }

  get hands(): readonly Hand[] {
    if (!this.#hands) this.#build();
    return this.#hands as Hand[];
  }

  pack(): Float32Array {
    // A transferred (detached) buffer reads as length 0: build it again.
    if (this.#packed?.length !== this.size * VALUES_PER_FRAME) this.#packed = packWindow(this.hands);
    return this.#packed;
  }

  #build(): void {
    const entries = this.#entries.toArray();
    const resample = this.#resample;
    if (!resample) {
      this.#frames = entries.map((e) => e.frame);
      this.#hands = entries.map((e) => e.hand);
      return;
    }
    const r = resampleWindow(
      entries.map((e) => e.frame.timestamp),
      entries.map((e) => e.hand),
      resample.frames,
      resample.durationMs,
      resample.minDurationMs ?? resample.durationMs,
    );
    this.#hands = r.hands;
    this.#frames = r.hands.map((hand, k) => {
      const source = (entries[r.sourcePositions[k] as number] as WindowEntry).frame;
      const frame: PoseFrame = { ...source, timestamp: r.timestamps[k] as number, hands: [hand] };
      return frame;
    });
  }
}

/**
 * Makes the {@link PoseWindow} `slidingWindow` emits from a snapshot of its entries, in O(1).
 *
 * `emittedAt` is when the window left the sliding window (monitor clock). `frames`, `hands` and `pack()` are built
 * on first access and cached, so a window that is dropped downstream costs nothing more. With `resample`, the window reports `resample.frames` instants evenly spaced over the last
 * `durationMs` (see `resampleWindow`): each of its `frames` is a copy of the newest source frame at or before that
 * instant with the instant as `timestamp` and the interpolated hand as its only hand; `span` is `durationMs`.
 * `pack()` returns the cached array, rebuilt if it was transferred away. The window is a class instance: `frames`,
 * `hands` and `pack` live on its prototype, so an object spread of it does not carry them.
 *
 * @internal
 */
export function createPoseWindow(entries: RingSnapshot<WindowEntry>, emittedAt: number, resample?: ResampleSpec): PoseWindow {
  return new LazyPoseWindow(entries, emittedAt, resample);
}
