import type { TeachingSession } from './collectSessions.js';

/**
 * Cuts each session into units (a labelled span with the frames halfway to its neighbours; a session without spans
 * in chunks of `chunkFrames`) and deals them into `folds` folds: each gesture's units in turn in time order
 * (stratified), the unlabelled ones in turn. Returns, per session, each frame's fold. @internal
 */
export function foldUnits(sessions: readonly TeachingSession[], folds: number, chunkFrames: number): Int32Array[] {
  const next = new Map<string, number>();
  const deal = (key: string): number => {
    const k = next.get(key) ?? 0;
    next.set(key, k + 1);
    return k % folds;
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
