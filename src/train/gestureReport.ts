import type { ClassMetrics, GestureReport } from './trainTypes.js';

/**
 * Builds the evaluation report from true and predicted class indices: accuracy, per-class precision / recall /
 * F1 and support, the confusion matrix (`confusion[true][predicted]`) and accuracy per source file.
 * A class never predicted has precision 0; a class with no windows has recall 0.
 *
 * @example
 * ```ts
 * import { gestureReport } from 'posestream/train';
 * const report = gestureReport(['none', 'come'], [0, 1, 1], [0, 1, 0], ['a', 'a', 'b']);
 * ```
 */
export function gestureReport(
  labels: readonly string[],
  truth: readonly number[],
  predicted: readonly number[],
  sources?: readonly string[],
): GestureReport {
  if (truth.length !== predicted.length) throw new RangeError(`gestureReport: ${truth.length} truths but ${predicted.length} predictions`);
  const k = labels.length;
  const confusion = labels.map(() => new Array<number>(k).fill(0));
  let correct = 0;
  const perSourceCounts: Record<string, { ok: number; n: number }> = {};
  truth.forEach((t, i) => {
    const p = predicted[i] as number;
    const row = confusion[t];
    if (row === undefined || p < 0 || p >= k) throw new RangeError(`gestureReport: class index out of range at ${i}`);
    row[p] = (row[p] as number) + 1;
    if (p === t) correct++;
    const source = sources?.[i];
    if (source !== undefined) {
      const c = (perSourceCounts[source] ??= { ok: 0, n: 0 });
      c.n++;
      if (p === t) c.ok++;
    }
  });
  const perClass: Record<string, ClassMetrics> = {};
  labels.forEach((label, c) => {
    const tp = confusion[c]?.[c] ?? 0;
    const support = (confusion[c] ?? []).reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + (row[c] ?? 0), 0);
    const precision = predictedCount > 0 ? tp / predictedCount : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support };
  });
  const perSource: GestureReport['perSource'] = {};
  for (const [source, c] of Object.entries(perSourceCounts)) perSource[source] = { accuracy: c.ok / c.n, windows: c.n };
  return { labels: [...labels], accuracy: truth.length > 0 ? correct / truth.length : 0, perClass, confusion, windows: truth.length, perSource };
}

/**
 * Formats a report as a plain-text table (accuracy, per-class precision/recall/F1/support, confusion matrix).
 *
 * @example
 * ```ts
 * import { formatGestureReport, gestureReport } from 'posestream/train';
 * process.stdout.write(formatGestureReport(gestureReport(['a', 'b'], [0, 1], [0, 1])));
 * ```
 */
export function formatGestureReport(report: GestureReport): string {
  const w = Math.max(8, ...report.labels.map((l) => l.length)) + 1;
  const pct = (v: number): string => (v * 100).toFixed(1).padStart(6);
  const lines = [`accuracy ${pct(report.accuracy)} %  (${report.windows} windows)`, ''];
  lines.push(`${'class'.padEnd(w)}  prec%  rec%    f1%  support`);
  for (const label of report.labels) {
    const m = report.perClass[label];
    if (m) lines.push(`${label.padEnd(w)}${pct(m.precision)}${pct(m.recall)}${pct(m.f1)}  ${String(m.support).padStart(7)}`);
  }
  lines.push('', `confusion (rows: true, columns: predicted)`);
  lines.push(`${''.padEnd(w)}${report.labels.map((l) => l.slice(0, 7).padStart(8)).join('')}`);
  report.confusion.forEach((row, i) => lines.push(`${(report.labels[i] ?? '').padEnd(w)}${row.map((v) => String(v).padStart(8)).join('')}`));
  const sources = Object.entries(report.perSource);
  if (sources.length > 0) {
    lines.push('', 'per source');
    for (const [source, s] of sources) lines.push(`  ${pct(s.accuracy)} %  ${String(s.windows).padStart(5)}  ${source}`);
  }
  return `${lines.join('\n')}\n`;
}
