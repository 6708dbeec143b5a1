/**
 * The browser benchmark's outputs: JSON lines (the contract) and a markdown table per scenario, followed by the
 * round-trip target check (round trip / detect <= 1.1) and the two pipeline paths side by side under long tasks,
 * computed from the same figures.
 */
import type { BrowserBenchRecord, BrowserScenario, LongTaskRecord } from './browserBenchTypes.js';

type Col = [header: string, key: string, format?: (v: number) => string];

const ms = (v: number): string => v.toFixed(1);
const fine = (v: number): string => v.toFixed(3);
const pct = (v: number): string => `${v.toFixed(0)} %`;

/** Gesture labels as counts in order of first appearance: `swipe_right x2, swipe_left`. */
export function labelCounts(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].map(([l, n]) => (n > 1 ? `${l} x${n}` : l)).join(', ');
}

const COLUMNS: Record<BrowserScenario, Col[]> = {
  roundtrip: [
    ['row', 'row'], ['size', 'size'], ['frames', 'frames'], ['with hand', 'handFrames'],
    ['detect p50', 'detectP50Ms', ms], ['p95', 'detectP95Ms', ms], ['round trip p50', 'roundTripP50Ms', ms], ['p95', 'roundTripP95Ms', ms],
    ['overhead p50', 'overheadP50Ms', ms], ['p95', 'overheadP95Ms', ms], ['trip/detect', 'roundTripRatio', (v) => `${v.toFixed(3)}x`],
    ['estimator fps', 'estimatorFps', ms], ['load 1m', 'loadAvg1m', (v) => v.toFixed(2)],
  ],
  display: [
    ['row', 'row'], ['camera ms', 'cameraIntervalMs', ms], ['s', 'seconds', ms], ['callbacks', 'intervals'],
    ['display p50', 'displayP50Ms', ms], ['p95', 'displayP95Ms', ms], ['p99', 'displayP99Ms', ms], ['max', 'displayMaxMs', ms],
    ['missed', 'missedCallbacks'], ['estimator fps', 'estimatorFps', ms], ['classifier fps', 'classifierFps', (v) => v.toFixed(2)],
    ['classify p50', 'classifyP50Ms', ms], ['dropped windows', 'droppedWindows'], ['load 1m', 'loadAvg1m', (v) => v.toFixed(2)],
  ],
  longtasks: [
    ['row', 'row'], ['runs on', 'runsOn'], ['results via', 'resultsVia'], ['s', 'seconds', ms], ['estimator fps', 'estimatorFps', ms], ['kept', 'estimatorKeptPct', pct], ['poses to page/s', 'posesToPageFps', ms],
    ['predictions/s', 'predictionsPerS', (v) => v.toFixed(2)], ['kept', 'predictionsKeptPct', pct], ['gestures', 'gestures'],
    ['labels', 'gestureLabels'], ['capture→gesture p50', 'gestureLatencyP50Ms', ms], ['p95', 'gestureLatencyP95Ms', ms],
    ['landmarks→drawing p50', 'landmarkLatencyP50Ms', ms], ['p95', 'landmarkLatencyP95Ms', ms],
    ['main-thread ms/frame p50', 'mainThreadP50Ms', fine], ['p95', 'mainThreadP95Ms', fine],
    ['worst 2 s p95', 'mainThreadWorstP95Ms', fine], ['clock floor p50', 'clockFloorP50Ms', fine], ['p95', 'clockFloorP95Ms', fine],
    ['dropped frames/s', 'droppedFramesPerS', (v) => v.toFixed(2)], ['long tasks', 'longTasks'],
    ['load 1m', 'loadAvg1m', (v) => v.toFixed(2)],
  ],
  teach: [
    ['row', 'row'], ['examples', 'examples'], ['s', 'seconds', ms], ['estimator fps', 'estimatorFps', ms], ['kept', 'estimatorKeptPct', pct],
    ['poses to page/s', 'posesToPageFps', ms], ['trainings', 'trainings'], ['train wall ms', 'trainWallMs'], ['worker ms', 'trainWorkerMs'],
    ['held-out F1', 'heldOutF1', (v) => v.toFixed(2)], ['long tasks', 'longTasks'], ['longest ms', 'longTaskMaxMs', ms], ['load 1m', 'loadAvg1m', (v) => v.toFixed(2)],
  ],
};

/** The round-trip target: the main thread's round trip at most 1.1x the in-worker detect time (p50). */
export const ROUNDTRIP_TARGET = 1.1;

/** One object per line. */
export function toJsonLines(records: readonly BrowserBenchRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

function cell(r: BrowserBenchRecord, key: string, format?: (v: number) => string): string {
  if (r.scenario === 'longtasks' && key === 'gestureLabels') return labelCounts(r.gestureLabels) || '–';
  if ((r.scenario === 'longtasks' || r.scenario === 'teach') && key === 'longTasks') return `${r.longTaskEntries} / ${r.longTaskTotalMs.toFixed(0)} ms`;
  if (r.scenario === 'teach' && (key === 'trainWallMs' || key === 'trainWorkerMs')) return r[key].join(', ') || '–';
  const v = key === 'size' && r.scenario === 'roundtrip' ? `${r.width}x${r.height}` : (r as unknown as Record<string, unknown>)[key];
  if (v === undefined || v === null) return '–';
  return typeof v === 'number' && format ? format(v) : String(v);
}

/** Markdown tables, one per scenario present, then the round-trip target per model. */
export function toMarkdown(records: readonly BrowserBenchRecord[]): string {
  let out = '';
  for (const scenario of ['roundtrip', 'display', 'longtasks', 'teach'] as const) {
    const rows = records.filter((r) => r.scenario === scenario);
    if (rows.length === 0) continue;
    const cols = COLUMNS[scenario];
    out += `\n### ${scenario}\n\n| ${cols.map((c) => c[0]).join(' | ')} |\n|${cols.map(() => '---').join('|')}|\n`;
    for (const r of rows) out += `| ${cols.map(([, k, f]) => cell(r, k, f)).join(' | ')} |\n`;
  }
  const trips = records.filter((r) => r.scenario === 'roundtrip');
  if (trips.length > 0) {
    out += `\n### target: round trip / detect <= ${ROUNDTRIP_TARGET}x (p50)\n\n| model | measured | ok |\n|---|---|---|\n`;
    for (const r of trips) {
      const v = r.roundTripRatio;
      out += `| ${r.row} | ${v === null ? 'n/a' : `${v.toFixed(3)}x`} | ${v !== null && v <= ROUNDTRIP_TARGET ? 'yes' : '**no**'} |\n`;
    }
  }
  out += sideBySide(records.filter((r): r is LongTaskRecord => r.scenario === 'longtasks'));
  return out;
}

/**
 * The `longtasks` rows as one table, the two paths side by side per long-task length (`workers / main-thread`);
 * a path that did not run as asked (a build without it) is marked with its actual path. '' without both paths.
 */
export function sideBySide(rows: readonly LongTaskRecord[]): string {
  const lengths = [...new Set(rows.map((r) => r.longTaskMs))];
  const pairs = lengths.flatMap((ms) => {
    const w = rows.find((r) => r.path === 'workers' && r.longTaskMs === ms);
    const m = rows.find((r) => r.path === 'main-thread' && r.longTaskMs === ms);
    return w && m ? [{ ms, w, m }] : [];
  });
  if (pairs.length === 0) return '';
  const num = (v: number | null, f: (x: number) => string): string => (v === null ? '–' : f(v));
  const two = (w: string, m: string): string => `${w} / ${m}`;
  const mark = (r: LongTaskRecord): string => (r.runsOn === r.path ? '' : ` (${r.path} ran on ${r.runsOn ?? 'nothing'})`);
  const gestures = (r: LongTaskRecord): string => (r.gestures === 0 ? '0' : `${r.gestures}: ${labelCounts(r.gestureLabels)}`);
  let out = '\n### long tasks: workers / main-thread path\n\n';
  out += '| main-thread long task | estimator fps | frames kept | predictions/s | predictions kept | gestures | capture→gesture p50 (ms) | landmarks→drawing p50 (ms) | main-thread ms/frame p95 | clock floor p95 |\n';
  out += '|---|---|---|---|---|---|---|---|---|---|\n';
  for (const { ms: len, w, m } of pairs) {
    out += `| ${len} ms every 1 s${mark(w)}${mark(m)} | ${two(num(w.estimatorFps, ms), num(m.estimatorFps, ms))} | ${two(num(w.estimatorKeptPct, pct), num(m.estimatorKeptPct, pct))} | `;
    out += `${two(w.predictionsPerS.toFixed(2), m.predictionsPerS.toFixed(2))} | ${two(num(w.predictionsKeptPct, pct), num(m.predictionsKeptPct, pct))} | `;
    out += `${two(gestures(w), gestures(m))} | `;
    out += `${two(num(w.gestureLatencyP50Ms, ms), num(m.gestureLatencyP50Ms, ms))} | ${two(num(w.landmarkLatencyP50Ms, ms), num(m.landmarkLatencyP50Ms, ms))} | `;
    out += `${two(num(w.mainThreadP95Ms, fine), num(m.mainThreadP95Ms, fine))} | ${two(num(w.clockFloorP95Ms, fine), num(m.clockFloorP95Ms, fine))} |\n`;
  }
  return out;
}
