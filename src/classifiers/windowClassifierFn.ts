import type { Category, PoseWindow, Prediction, WindowClassifier } from '../types.js';
import { windowContext } from './windowContext.js';
import { ClassifierOutputError } from '../workers/workerErrors.js';

/** The timestamps of a window's frames `start` and `end` (frame indices; undefined when either is out of the window). */
function matchTimestamps(window: PoseWindow, start: number, end: number): Prediction['match'] {
  const n = window.size;
  if (!(start >= 0 && end >= start && end < n)) return undefined;
  const at = (i: number): number => window.frames[Math.round(i)]?.timestamp ?? window.endTimestamp - ((n - 1 - i) * window.span) / Math.max(1, n - 1);
  return { startTimestamp: at(start), endTimestamp: at(end) };
}

/** Options of {@link toClassifyFn}. */
export interface ClassifyFnOptions {
  /**
   * Clock for `startedAt` / `finishedAt`, ms.
   * @default () => performance.now()
   */
  now?: () => number;
  /**
   * Names the classifier (model URL/path) in errors.
   * @default 'classifier'
   */
  name?: string;
}

/**
 * Turns a {@link WindowClassifier} into the `(window) => Promise<Prediction>` function `classifyLatest` calls.
 *
 * Packs the window only when called (`window.pack()`, so dropped windows never pay for it), checks the scores
 * (one finite number per label, else a `ClassifierOutputError` naming the classifier and the window's last
 * frame), and builds the {@link Prediction}: categories in label order, the best label and score, the
 * window's end timestamp/index, when classification started and finished on `now()`, and, from a classifier that
 * `reportsMatch`, where in the window it found the label (`match`, as the frames' timestamps).
 *
 * @example
 * ```ts
 * import { classifyLatest, slidingWindow, toClassifyFn } from 'posestream';
 * const classify = toClassifyFn(myClassifier, { name: 'my-model' });
 * const predictions$ = poses$.pipe(slidingWindow(30), classifyLatest(classify));
 * ```
 */
export function toClassifyFn(
  classifier: WindowClassifier,
  options: ClassifyFnOptions = {},
): (window: PoseWindow) => Promise<Prediction> {
  const now = options.now ?? (() => performance.now());
  const name = options.name ?? 'classifier';
  return async (window) => {
    const startedAt = now();
    const scores = await classifier.classify(window.pack(), [window.size, 21, 3], windowContext(window));
    const finishedAt = now();
    const labels = classifier.labels;
    const extra = classifier.reportsMatch === true ? 2 : 0;
    if (labels.length === 0 || scores.length !== labels.length + extra) {
      throw new ClassifierOutputError(
        name,
        `${name} returned ${scores.length} ${extra > 0 ? 'values' : 'scores'} for ${labels.length} labels${extra > 0 ? ' and a match (2 frame indices)' : ''} (window ending at frame ${window.endIndex})`,
      );
    }
    const categories: Category[] = [];
    let best = 0;
    for (let i = 0; i < labels.length; i++) {
      const score = scores[i]!;
      if (!Number.isFinite(score)) {
        throw new ClassifierOutputError(
          name,
          `${name} returned a non-finite score (${score}) for "${labels[i]}" (window ending at frame ${window.endIndex})`,
        );
      }
      categories.push({ categoryName: labels[i]!, score, index: i });
      if (score > categories[best]!.score) best = i;
    }
    const top = categories[best]!;
    const prediction: Prediction = {
      label: top.categoryName,
      score: top.score,
      categories,
      windowEndTimestamp: window.endTimestamp,
      windowEndIndex: window.endIndex,
      startedAt,
      finishedAt,
    };
    const match = extra > 0 ? matchTimestamps(window, scores[labels.length]!, scores[labels.length + 1]!) : undefined;
    if (match !== undefined) prediction.match = match;
    return prediction;
  };
}
