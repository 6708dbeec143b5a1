/**
 * The browser benchmark's outputs: JSON lines (the contract) and a markdown table per scenario, followed by the
 * round-trip target check (round trip / detect <= 1.1) computed from the same figures.
 */
import type { BrowserBenchRecord, BrowserScenario } from './browserBenchTypes.js';

type Col = [header: string, key: string, format?: (v: number) => string];

const ms = (v: number): string => v.toFixed(1);

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
};

/** The round-trip target: the main thread's round trip at most 1.1x the in-worker detect time (p50). */
export const ROUNDTRIP_TARGET = 1.1;

/** One object per line. */
export function toJsonLines(records: readonly BrowserBenchRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

function cell(r: BrowserBenchRecord, key: string, format?: (v: number) => string): string {
  const v = key === 'size' && r.scenario === 'roundtrip' ? `${r.width}x${r.height}` : (r as unknown as Record<string, unknown>)[key];
  if (v === undefined || v === null) return '–';
  return typeof v === 'number' && format ? format(v) : String(v);
}

/** Markdown tables, one per scenario present, then the round-trip target per model. */
export function toMarkdown(records: readonly BrowserBenchRecord[]): string {
  let out = '';
  for (const scenario of ['roundtrip', 'display'] as const) {
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
  return out;
}
