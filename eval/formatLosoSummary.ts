/** One-line-per-recipe comparison of leave-one-source-out tables (`npm run eval`, docs/evaluation.md). */
import { sumSourceScores } from './sumSourceScores.js';
import type { HeldOutResult } from './leaveOneSourceOut.js';

/**
 * A Markdown table: one row per recipe, per held-out source `TP / FP / FN` (swipe events) and the false swipes on
 * its non-swipe video, then the totals (precision, recall, false swipes per minute of non-swipe video). A fold run
 * with other sources held out at the same time is marked `*`. A seed ensemble's row is followed by one row per
 * member seed (that model alone, its tracker chosen on its own training predictions; `seed N alone`).
 *
 * @example
 * ```ts
 * process.stdout.write(formatLosoSummary([{ name: 'window-2s', results }], ['ai-forever', 'seniormars']));
 * ```
 */
export function formatLosoSummary(tables: ReadonlyArray<{ name: string; results: readonly HeldOutResult[] }>, sources: readonly string[]): string {
  const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
  let text = `| recipe | ${sources.map((s) => `${s} TP / FP / FN (false swipes on non-swipe video)`).join(' | ')} | precision | recall | false swipes / min |\n`;
  text += `|---|${sources.map(() => '---').join('|')}|---|---|---|\n`;
  const rows = tables.flatMap(({ name, results }) => {
    const seeds = [...new Set(results.flatMap((r) => (r.members ?? []).map((m) => m.seed)))];
    const alone = seeds.map((seed) => ({
      name: `${name}, seed ${seed} alone`,
      results: results.flatMap((r) => r.members?.filter((m) => m.seed === seed).map((m) => ({ ...r, tracker: m.tracker, score: m.score })) ?? []),
    }));
    return [{ name, results }, ...alone];
  });
  for (const { name, results } of rows) {
    const cells = sources.map((source) => {
      const r = results.find((x) => x.source === source);
      if (!r) return '-';
      const s = r.score;
      return `${s.truePositives} / ${s.falsePositives} / ${s.falseNegatives} (${s.falseSwipesOnNonSwipe})${r.heldOutWith.length > 1 ? ' *' : ''}`;
    });
    const t = sumSourceScores(sources.flatMap((source) => results.find((x) => x.source === source)?.score ?? []));
    const [fs, secs] = [t.falseSwipesOnNonSwipe, t.nonSwipeSeconds];
    text += `| ${name} | ${cells.join(' | ')} | ${pct(t.precision)} | ${pct(t.recall)} | ${secs > 0 ? ((fs * 60) / secs).toFixed(2) : '-'} (${fs} in ${secs.toFixed(0)} s) |\n`;
  }
  return text;
}
