import type { Category, Prediction } from '../types.js';
import {
  PREDICTION_HEADER,
  PREDICTIONS_READ,
  PREDICTIONS_WRITTEN,
  sharedResultsViews,
  type SharedResults,
  type SharedResultsViews,
} from './sharedResults.js';

/** The gesture worker's side of the shared prediction ring. @internal */
export interface SharedPredictionWriter {
  /**
   * Writes `prediction` into the ring; while the ring is full (the page has not read for `capacity` predictions)
   * it is kept back, in order, and written once there is room. Returns whether anything was written (ring the
   * doorbell then).
   */
  write(prediction: Prediction): boolean;
  /** Takes the predictions kept back: they go with the next message to the page, after what the ring holds. */
  takeKeptBack(): Prediction[];
}

/** @internal */
export function createSharedPredictionWriter(shared: SharedResults): SharedPredictionWriter {
  const views = sharedResultsViews(shared);
  const stride = PREDICTION_HEADER + shared.labels;
  let keptBack: Prediction[] = [];
  const put = (p: Prediction): boolean => {
    const written = Atomics.load(views.ints, PREDICTIONS_WRITTEN);
    if (written - Atomics.load(views.ints, PREDICTIONS_READ) >= shared.capacity) return false;
    if (p.categories.length !== shared.labels) {
      throw new Error(`shared prediction ring: a prediction with ${p.categories.length} scores, room for ${shared.labels}`);
    }
    let at = (written % shared.capacity) * stride;
    const out = views.predictions;
    out[at++] = p.windowEndTimestamp;
    out[at++] = p.windowEndIndex;
    out[at++] = p.startedAt;
    out[at++] = p.finishedAt;
    out[at++] = p.match?.startTimestamp ?? NaN;
    out[at++] = p.match?.endTimestamp ?? NaN;
    for (const c of p.categories) out[at++] = c.score;
    Atomics.store(views.ints, PREDICTIONS_WRITTEN, written + 1); // after the values: the reader sees them whole
    return true;
  };
  return {
    write(prediction) {
      let wrote = false;
      while (keptBack.length > 0 && put(keptBack[0]!)) {
        keptBack.shift();
        wrote = true;
      }
      if (keptBack.length === 0 && put(prediction)) return true;
      keptBack.push(prediction);
      return wrote;
    },
    takeKeptBack() {
      const taken = keptBack;
      keptBack = [];
      return taken;
    },
  };
}

/**
 * The page's side: every prediction written since the last read, oldest first, rebuilt as `Prediction`s with
 * `labels` (the best label is the first highest score, as the classifier made it). Marks them read.
 * @internal
 */
export function readSharedPredictions(views: SharedResultsViews, labels: readonly string[], capacity: number): Prediction[] {
  const read = Atomics.load(views.ints, PREDICTIONS_READ);
  const written = Atomics.load(views.ints, PREDICTIONS_WRITTEN);
  if (written === read) return [];
  const stride = PREDICTION_HEADER + labels.length;
  const data = views.predictions;
  const out: Prediction[] = [];
  for (let i = read; i < written; i++) {
    const at = (i % capacity) * stride;
    const categories: Category[] = new Array(labels.length);
    let best = 0;
    for (let k = 0; k < labels.length; k++) {
      categories[k] = { categoryName: labels[k]!, score: data[at + PREDICTION_HEADER + k]!, index: k };
      if (categories[k]!.score > categories[best]!.score) best = k;
    }
    const top = categories[best]!;
    const prediction: Prediction = {
      label: top.categoryName,
      score: top.score,
      categories,
      windowEndTimestamp: data[at]!,
      windowEndIndex: data[at + 1]!,
      startedAt: data[at + 2]!,
      finishedAt: data[at + 3]!,
    };
    if (!Number.isNaN(data[at + 4]!)) prediction.match = { startTimestamp: data[at + 4]!, endTimestamp: data[at + 5]! };
    out.push(prediction);
  }
  Atomics.store(views.ints, PREDICTIONS_READ, written);
  return out;
}
