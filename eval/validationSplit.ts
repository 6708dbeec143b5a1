/**
 * Splits training sources into a training part and a validation part, so that the `stableGestures` settings are
 * chosen on clips the model did NOT train on (scores on training clips are overconfident: almost every setting
 * looks perfect there, and the choice among ties is arbitrary). Sources with many clips give every 5th clip to
 * validation; sources of a few long takes give the last 20 % of each take's time (the training part ends there,
 * the validation part starts there, so no window of one holds a frame of the other).
 */
import type { FrameSpan } from '../src/train/trainTypes.js';
import type { RealClip, RealSource } from './realSources.js';

/** What {@link validationSplit} returns. */
export interface ValidationSplit {
  /** The sources with their validation clips (or take ends) removed. */
  train: RealSource[];
  /** The held-back clips and take ends. */
  validation: RealClip[];
}

/**
 * Deterministic split (no randomness): every `every`-th clip of a source with at least `every` clips, else the
 * last `fraction` of each clip by time.
 *
 * @example
 * ```ts
 * const { train, validation } = validationSplit(trainingSources);
 * ```
 */
export function validationSplit(sources: readonly RealSource[], options: { every?: number; fraction?: number } = {}): ValidationSplit {
  const every = options.every ?? 5;
  const fraction = options.fraction ?? 0.2;
  const train: RealSource[] = [];
  const validation: RealClip[] = [];
  for (const source of sources) {
    if (source.clips.length >= every) {
      validation.push(...source.clips.filter((_, i) => i % every === every - 1));
      train.push({ ...source, clips: source.clips.filter((_, i) => i % every !== every - 1) });
      continue;
    }
    const kept: RealClip[] = [];
    for (const clip of source.clips) {
      const [head, tail] = splitClip(clip, 1 - fraction);
      kept.push(head);
      validation.push(tail);
    }
    train.push({ ...source, clips: kept });
  }
  return { train, validation };
}

/** Cuts a clip at `at` (fraction of its duration): frames before go to the first part, the rest to the second. */
function splitClip(clip: RealClip, at: number): [RealClip, RealClip] {
  const t0 = clip.frames[0]?.timestamp ?? 0;
  const t1 = clip.frames.at(-1)?.timestamp ?? 0;
  const cut = t0 + (t1 - t0) * at;
  const head = clip.frames.filter((f) => f.timestamp < cut);
  const tail = clip.frames.filter((f) => f.timestamp >= cut);
  const part = (frames: typeof head, suffix: string): RealClip => {
    const first = frames[0]?.index ?? 0;
    const last = frames.at(-1)?.index ?? -1;
    const labels: FrameSpan[] = clip.labels
      .map((l) => ({ ...l, startFrame: Math.max(l.startFrame, first), endFrame: Math.min(l.endFrame, last) }))
      .filter((l) => l.startFrame <= l.endFrame);
    return { name: `${clip.name}${suffix}`, frames, labels, seconds: (clip.seconds * frames.length) / Math.max(1, clip.frames.length) };
  };
  return [part(head, ''), part(tail, '#validation')];
}
