/**
 * Records one example from the pipeline's `poses$`: a countdown (the user gets ready), then a fixed length or until
 * stopped. Only the frames after the countdown are kept; the trainer holds the first one for a window's length
 * before it, so the example needs no lead-in of its own.
 */
import { merge, Subject, takeUntil, timer, toArray, skipUntil, type Observable } from 'rxjs';
import type { PoseFrame } from 'posestream';

/** How one example is taken. */
export interface RecordingPlan {
  /** Time to get ready before recording starts, ms. */
  countdownMs: number;
  /** Length of the recording, ms; 0 = until `stop()`. */
  lengthMs: number;
}

/** What the recorder reports while it runs (for the panel's "3… 2… 1…" and "recording 0.8 s"). */
export interface RecordingTick {
  phase: 'countdown' | 'recording';
  /** ms left of the countdown, or ms recorded so far. */
  ms: number;
}

/** A running take: `frames` resolves with the recorded frames (possibly none); `stop()` ends it early. */
export interface Take {
  readonly frames: Promise<PoseFrame[]>;
  stop(): void;
}

/** Starts a take on `poses$`; `onTick` hears the countdown and the recording time about ten times a second. */
export function recordExample(poses$: Observable<PoseFrame>, plan: RecordingPlan, onTick: (tick: RecordingTick) => void): Take {
  const stopped = new Subject<void>();
  const started = performance.now();
  const goAt = started + plan.countdownMs;
  const ticker = setInterval(() => {
    const now = performance.now();
    onTick(now < goAt ? { phase: 'countdown', ms: goAt - now } : { phase: 'recording', ms: now - goAt });
  }, 100);
  onTick({ phase: plan.countdownMs > 0 ? 'countdown' : 'recording', ms: plan.countdownMs });
  const ends: Observable<unknown>[] = [stopped];
  if (plan.lengthMs > 0) ends.push(timer(plan.countdownMs + plan.lengthMs));
  const frames = new Promise<PoseFrame[]>((resolve, reject) => {
    poses$.pipe(skipUntil(timer(plan.countdownMs)), takeUntil(merge(...ends)), toArray()).subscribe({
      next: (taken) => resolve(trimToHand(taken)),
      error: reject,
      complete: () => resolve([]), // the pipeline ended before anything was taken
    });
  }).finally(() => clearInterval(ticker));
  return {
    frames,
    stop() {
      stopped.next();
      stopped.complete();
    },
  };
}

/**
 * `frames` from the first to the last one with a hand (the trainer holds an example's first frame before it as a
 * hand at rest: a frame without the hand there would leave the example's windows too little of the hand).
 */
export function trimToHand(frames: readonly PoseFrame[]): PoseFrame[] {
  const first = frames.findIndex((f) => f.hands.length > 0);
  if (first < 0) return [...frames];
  let last = frames.length - 1;
  while (frames[last]!.hands.length === 0) last--;
  return frames.slice(first, last + 1);
}

/** Frames of `frames` with at least one hand. */
export const handFrameCount = (frames: readonly PoseFrame[]): number => frames.filter((f) => f.hands.length > 0).length;
