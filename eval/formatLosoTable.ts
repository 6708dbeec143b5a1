/** Plain-text (Markdown) rendering of a leave-one-source-out table (`npm run eval`, docs/evaluation.md). */
import { sumSourceScores } from './sumSourceScores.js';
import type { HeldOutResult } from './leaveOneSourceOut.js';

/**
 * A Markdown table, one row per held-out source plus a total, then each fold's misses, false swipes and the
 * window-level confusion counts.
 *
 * @example
 * ```ts
 * process.stdout.write(formatLosoTable(results));
 * ```
 */
export function formatLosoTable(results: readonly HeldOutResult[]): string {
  const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
  const perMin = (n: number, s: number): string => (s > 0 ? `${((n * 60) / s).toFixed(2)} (${n} in ${(s / 60).toFixed(1)} min)` : '-');
  let text = '| held-out source | swipes | TP | FP | FN | precision | recall | false swipes / min of non-swipe video | other events | tracker chosen on training sources |\n|---|---|---|---|---|---|---|---|---|---|\n';
  for (const r of results) {
    const s = r.score;
    const p = r.swipes + s.falsePositives === 0 ? '-' : pct(s.precision);
    const rc = r.swipes === 0 ? '-' : pct(s.recall);
    const t = r.tracker;
    text += `| ${r.source} | ${r.swipes} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${p} | ${rc} | ${perMin(s.falseSwipesOnNonSwipe, s.nonSwipeSeconds)} | ${s.otherEvents} | ${t.threshold} / ${t.minConsecutive} / ${t.cooldownMs} ms |\n`;
  }
  const t = sumSourceScores(results.map((r) => r.score));
  text += `| **all** | ${t.truePositives + t.falseNegatives} | ${t.truePositives} | ${t.falsePositives} | ${t.falseNegatives} | ${pct(t.precision)} | ${pct(t.recall)} | ${perMin(t.falseSwipesOnNonSwipe, t.nonSwipeSeconds)} | ${t.otherEvents} | |\n`;
  for (const r of results) {
    text += `\n${r.source} (trained in ${r.trainSeconds.toFixed(0)} s):\n`;
    for (const c of r.clips) text += `  ${c.name}: ${[...c.missed.map((e) => `missed ${e}`), ...c.falseSwipes.map((e) => `false ${e}`), ...c.other.map((e) => `other ${e}`)].join(', ')}\n`;
    text += `  windows (truth -> predicted): ${Object.entries(r.confusion).map(([t, row]) => `${t} -> ${Object.entries(row).map(([k, v]) => `${k} ${v}`).join(', ')}`).join('; ')}\n`;
  }
  return text;
}
