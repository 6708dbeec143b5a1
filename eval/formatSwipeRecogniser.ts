/** Text tables of the swipe recogniser's evaluation (`npm run eval`, docs/evaluation.md). */
import type { CurvePoint } from './swipeCurves.js';
import type { SwipeSourceResult } from './swipeRecogniserEval.js';

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(0)} %`);

/** One row per source (tuning sources marked), a total over the held-out ones, confusions, what fired and was missed. */
export function formatSwipeRecogniser(results: readonly SwipeSourceResult[], relabelled: readonly string[]): string {
  const lines = ['| source | role | swipes | TP | FP | FN | precision | recall | false swipes / min of non-swipe video |', '|---|---|---|---|---|---|---|---|---|'];
  const row = (name: string, role: string, r: Omit<SwipeSourceResult, 'source' | 'tuning' | 'confusion' | 'fired' | 'missed'>): string =>
    `| ${name} | ${role} | ${r.swipes} | ${r.truePositives} | ${r.falsePositives} | ${r.falseNegatives} | ${pct(r.truePositives, r.truePositives + r.falsePositives)} | ${pct(r.truePositives, r.swipes)} | ${r.nonSwipeSeconds > 0 ? ((60 * r.falseSwipesOnNonSwipe) / r.nonSwipeSeconds).toFixed(2) : '-'} (${r.falseSwipesOnNonSwipe} in ${r.nonSwipeSeconds.toFixed(0)} s) |`;
  for (const r of results) lines.push(row(r.source, r.tuning ? 'tuning (in sample)' : 'held out', r));
  for (const [name, keep] of [['**held out**', (r: SwipeSourceResult) => !r.tuning], ['**all**', () => true]] as const) {
    const sum = { swipes: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0, nonSwipeSeconds: 0, falseSwipesOnNonSwipe: 0 };
    for (const r of results.filter(keep)) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += r[k];
    lines.push(row(name, '', sum));
  }
  lines.push('', 'Confusion (labelled -> given; `none` = clips without a swipe):');
  for (const r of results) {
    const cells = Object.entries(r.confusion).map(([truth, row]) => `${truth} -> ${Object.entries(row).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    if (cells.length > 0) lines.push(`- ${r.source}: ${cells.join('; ')}`);
  }
  lines.push('', 'What fired on no swipe, or twice:');
  for (const r of results) if (r.fired.length > 0) lines.push(`- ${r.source}: ${r.fired.join('; ')}`);
  if (results.every((r) => r.fired.length === 0)) lines.push('- nothing');
  lines.push('', 'Missed:');
  for (const r of results) if (r.missed.length > 0) lines.push(`- ${r.source}: ${r.missed.join('; ')}`);
  lines.push('', `Labelled by the direction of travel: ${relabelled.length === 0 ? 'none' : relabelled.join('; ')}`);
  return `${lines.join('\n')}\n`;
}

/** A curve as one table row per setting. */
export function formatCurve(title: string, unit: string, points: readonly CurvePoint[]): string {
  const lines = [`| ${title} | found | recall |`, '|---|---|---|'];
  for (const p of points) lines.push(`| ${p.value} ${unit} | ${p.found} of ${p.swipes} | ${pct(p.found, p.swipes)} |`);
  return `${lines.join('\n')}\n`;
}
