/**
 * The shared prediction ring: predictions come back as the classifier made them (best label = first highest
 * score), in order; a full ring keeps the newest back, in order, and nothing is lost.
 */
import { describe, expect, it } from 'vitest';
import { createSharedPredictionWriter, readSharedPredictions } from '../../src/workers/sharedPredictionRing.js';
import { createSharedResults, sharedResultsViews } from '../../src/workers/sharedResults.js';
import type { Prediction } from '../../src/types.js';

const LABELS = ['none', 'swipe_left', 'swipe_right'] as const;

/** A prediction shaped as `toClassifyFn` builds it. */
function prediction(i: number, scores: readonly number[]): Prediction {
  const categories = scores.map((score, index) => ({ categoryName: LABELS[index]!, score, index }));
  const best = categories.reduce((b, c) => (c.score > b.score ? c : b));
  return { label: best.categoryName, score: best.score, categories, windowEndTimestamp: 1000 + i * 33.3, windowEndIndex: i, startedAt: 2000 + i, finishedAt: 2007.5 + i };
}

describe('the shared prediction ring', () => {
  it('reads back every prediction written, in order, value for value, each once', () => {
    const shared = createSharedResults({ maxHands: 1, labels: LABELS.length, capacity: 8 });
    const views = sharedResultsViews(shared);
    const writer = createSharedPredictionWriter(shared);
    const written = [prediction(0, [0.2, 0.5, 0.3]), prediction(1, [0.4, 0.2, 0.4]), prediction(2, [0.1, 0.1, 0.8])];
    written[2]!.match = { startTimestamp: 920.5, endTimestamp: 1050.25 }; // where a taught model found it
    for (const p of written) expect(writer.write(p)).toBe(true);
    const read = readSharedPredictions(views, LABELS, shared.capacity);
    expect(read).toEqual(written);
    expect(read[1]!.label).toBe('none'); // a tie goes to the first label, as the classifier decides it
    expect(readSharedPredictions(views, LABELS, shared.capacity)).toEqual([]);
    // Round the ring several times.
    const more = Array.from({ length: 20 }, (_, i) => prediction(3 + i, [0.1, 0.3, 0.6]));
    const out: Prediction[] = [];
    for (const p of more) {
      writer.write(p);
      if (p.windowEndIndex % 3 === 0) out.push(...readSharedPredictions(views, LABELS, shared.capacity));
    }
    out.push(...readSharedPredictions(views, LABELS, shared.capacity));
    expect(out).toEqual(more);
  });

  it('keeps predictions back while the ring is full and writes them first when there is room: none lost, none reordered', () => {
    const shared = createSharedResults({ maxHands: 1, labels: LABELS.length, capacity: 4 });
    const views = sharedResultsViews(shared);
    const writer = createSharedPredictionWriter(shared);
    const all = Array.from({ length: 12 }, (_, i) => prediction(i, [0.5, 0.25, 0.25]));
    const results = all.slice(0, 7).map((p) => writer.write(p));
    expect(results).toEqual([true, true, true, true, false, false, false]); // the page read nothing: 3 kept back
    const first = readSharedPredictions(views, LABELS, shared.capacity);
    expect(first).toEqual(all.slice(0, 4));
    expect(writer.write(all[7]!)).toBe(true); // 4, 5, 6 go in first, then 7
    expect(readSharedPredictions(views, LABELS, shared.capacity)).toEqual(all.slice(4, 8));
    for (const p of all.slice(8)) writer.write(p); // fills the ring again
    expect(writer.write(prediction(12, [1, 0, 0]))).toBe(false);
    const ring = readSharedPredictions(views, LABELS, shared.capacity);
    const keptBack = writer.takeKeptBack(); // what goes with the next message, after the ring's
    expect([...ring, ...keptBack]).toEqual([...all.slice(8), prediction(12, [1, 0, 0])]);
    expect(writer.takeKeptBack()).toEqual([]);
  });

  it('refuses a prediction whose scores do not fit its entries', () => {
    const writer = createSharedPredictionWriter(createSharedResults({ maxHands: 1, labels: 2 }));
    expect(() => writer.write(prediction(0, [0.2, 0.5, 0.3]))).toThrow(/3 scores, room for 2/);
  });
});
