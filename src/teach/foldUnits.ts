import type { TeachingSession } from './collectSessions.js';

/**
 * Cuts each session into units (a labelled span with the frames halfway to its neighbours; a session without spans
 * in chunks of `chunkFrames`) and deals them into `folds` folds in contiguous blocks per class: each gesture's units
 * in time order, the first `1/folds` of them to fold 0, the next to fold 1, and so on (stratified; the unlabelled
 * ones likewise). Blocks rather than turns, so that performances next to each other in time (a gesture repeated
 * back to back, as in live use) are held out together and the held-out stretches look like a live session: dealt in
 * turns, neighbours always fell into different folds and the folds never saw two repeats in a row merge into one
 * event. Returns, per session, each frame's fold. @internal
 */
export function foldUnits(sessions: readonly TeachingSession[], folds: number, chunkFrames: number): Int32Array[] {
  const totals = new Map<string, number>();
  const add = (key: string): void => void totals.set(key, (totals.get(key) ?? 0) + 1);
  for (const s of sessions) {
    if (s.spans.length === 0) for (let from = 0; from < s.frames.length; from += chunkFrames) add('\u0000unlabelled');
    for (const span of s.spans) add(span.label);
  }
  const next = new Map<string, number>();
  const deal = (key: string): number => {
    const k = next.get(key) ?? 0;
    next.set(key, k + 1);
    return Math.min(folds - 1, Math.floor((k * folds) / (totals.get(key) ?? 1)));
  };
  return sessions.map((s) => {
    const fold = new Int32Array(s.frames.length);
    const spans = [...s.spans].sort((a, b) => a.start - b.start);
    if (spans.length === 0) {
      for (let from = 0; from < s.frames.length; from += chunkFrames) fold.fill(deal('\u0000unlabelled'), from, from + chunkFrames);
      return fold;
    }
    let from = 0;
    spans.forEach((span, i) => {
      const after = spans[i + 1];
      const to = after === undefined ? s.frames.length : Math.max(span.end + 1, Math.floor((span.end + after.start) / 2) + 1);
      fold.fill(deal(span.label), from, to);
      from = to;
    });
    return fold;
  });
}
