/**
 * Turns the benchmark's records into its two outputs: JSON lines (the contract other tools read) and a markdown
 * table per scenario, followed by the done-when checks computed from the same figures.
 */
import type { BenchRecord, Scenario } from './benchTypes.js';

type Col = [header: string, key: string, format?: (v: number) => string];

const ms = (v: number): string => v.toFixed(1);
const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
const mb = (v: number): string => `${(v / 1e6).toFixed(2)} MB`;
const int = (v: number): string => Math.round(v).toLocaleString('en-US');

const COLUMNS: Record<Scenario, Col[]> = {
  stall: [
    ['row', 'row'], ['cores', 'cores'], ['est ms', 'estimatorMs', ms], ['cls ms', 'classifierMs', ms],
    ['display p50', 'displayP50Ms', ms], ['p95', 'displayP95Ms', ms], ['p99', 'displayP99Ms', ms], ['max', 'displayMaxMs', ms],
    ['p99 − idle', 'displayP99OverIdleMs', ms],
    ['frames/s', 'framesPerSec', ms], ['windows/s', 'windowsPerSec', (v) => v.toFixed(2)], ['cls busy', 'classifierBusy', pct],
    ['wait p50', 'stalenessStartP50Ms', ms], ['wait p95', 'stalenessStartP95Ms', ms],
    ['cap→start p50', 'captureToStartP50Ms', ms], ['p95', 'captureToStartP95Ms', ms],
    ['cap→result p50', 'captureToResultP50Ms', ms], ['p95', 'captureToResultP95Ms', ms],
    ['lm age p50', 'landmarkAgeP50Ms', ms], ['p95', 'landmarkAgeP95Ms', ms], ['max', 'landmarkAgeMaxMs', ms],
    ['dropped frames', 'droppedFrames', int], ['queued frames', 'queuedFrames', int], ['dropped windows', 'droppedWindows', int],
    ['heap growth', 'heapGrowthBytes', mb], ['peak RSS', 'peakRssBytes', mb],
  ],
  chain: [['row', 'row'], ['N', 'windowSize'], ['frames/s', 'framesPerSec', int], ['× bufferCount', 'vsBufferCount', (v) => v.toFixed(2)]],
  soak: [
    ['row', 'row'], ['virtual s', 'virtualSeconds'], ['real s', 'realSeconds', (v) => v.toFixed(1)], ['frames/s', 'framesPerSec', ms],
    ['windows/s', 'windowsPerSec', (v) => v.toFixed(2)], ['cls busy', 'classifierBusy', pct], ['dropped windows', 'droppedWindows', int],
    ['heap growth (min 1→10)', 'heapGrowthBytes', mb], ['heap growth (from start)', 'heapGrowthFromStartBytes', mb], ['peak RSS', 'peakRssBytes', mb],
  ],
  classifiers: [
    ['row', 'row'], ['backend', 'backend'], ['N', 'windowFrames'], ['windows', 'windows', int], ['service µs', 'serviceUs', ms],
    ['round trip p50', 'roundTripP50Ms', ms], ['p95', 'roundTripP95Ms', ms], ['max', 'roundTripMaxMs', ms],
  ],
};

/** One JSON object per line. */
export function toJsonLines(records: readonly BenchRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

function cell(r: BenchRecord, key: string, format?: (v: number) => string): string {
  const v = r[key];
  if (v === undefined || v === null) return '–';
  return typeof v === 'number' && format ? format(v) : String(v);
}

/** Markdown tables, one per scenario present, then the done-when checks. */
export function toMarkdown(records: readonly BenchRecord[]): string {
  let out = '';
  for (const scenario of ['stall', 'chain', 'soak', 'classifiers'] as const) {
    const rows = records.filter((r) => r.scenario === scenario);
    if (rows.length === 0) continue;
    const cols = COLUMNS[scenario];
    out += `\n### ${scenario}\n\n| ${cols.map((c) => c[0]).join(' | ')} |\n|${cols.map(() => '---').join('|')}|\n`;
    for (const r of rows) out += `| ${cols.map(([, k, f]) => cell(r, k, f)).join(' | ')} |\n`;
  }
  const checks = checkTargets(records);
  if (checks.length > 0) {
    out += '\n### done-when checks (measured in this run)\n\n| check | measured | ok |\n|---|---|---|\n';
    for (const c of checks) out += `| ${c.check} | ${c.measured} | ${c.ok ? 'yes' : '**no**'} |\n`;
  }
  return out;
}

/** One done-when target evaluated on this run's figures. */
export interface TargetCheck {
  check: string;
  measured: string;
  ok: boolean;
}

const num = (r: BenchRecord | undefined, key: string): number | undefined => {
  const v = r?.[key];
  return typeof v === 'number' ? v : undefined;
};

/** Evaluates the done-when figures on the records that are present (a missing figure is not a pass). */
export function checkTargets(records: readonly BenchRecord[]): TargetCheck[] {
  const find = (scenario: Scenario, row: string, extra: (r: BenchRecord) => boolean = () => true) =>
    records.find((r) => r.scenario === scenario && r.row === row && extra(r));
  const out: TargetCheck[] = [];
  const f = (v: number | undefined): string => (v === undefined ? 'n/a' : v.toFixed(1));
  const d = find('stall', 'latest', (r) => r.cores !== 1);
  const a = find('stall', 'option1', (r) => r.cores !== 1);
  if (d) {
    const interval = num(d, 'sourceIntervalMs') ?? NaN;
    const p99 = num(d, 'displayP99Ms');
    const aMax = num(a, 'displayMaxMs');
    const idleP99 = num(find('stall', 'idle', (r) => r.cores !== 1), 'displayP99Ms');
    out.push({ check: `(d) display p99 <= 1.10 × ${f(interval)} ms while (a) stalls`, measured: `(d) p99 ${f(p99)} ms (idle floor ${f(idleP99)} ms, same run); (a) max ${f(aMax)} ms`, ok: p99 !== undefined && p99 <= 1.1 * interval && aMax !== undefined && aMax > 1.1 * interval });
    const busy = num(d, 'classifierBusy');
    out.push({ check: '(d) classifier busy >= 99%', measured: busy === undefined ? 'n/a' : pct(busy), ok: busy !== undefined && busy >= 0.99 });
    const wait = num(d, 'stalenessStartP95Ms');
    out.push({ check: '(d) window wait p95 <= one frame interval', measured: `${f(wait)} ms`, ok: wait !== undefined && wait <= interval });
    const c2s = num(d, 'captureToStartP95Ms');
    const est = num(d, 'estimatorMs');
    out.push({ check: '(d) capture-to-start p95 <= estimator time + one frame interval', measured: `${f(c2s)} ms vs ${f(est)} + ${f(interval)} ms`, ok: c2s !== undefined && est !== undefined && c2s <= est + interval });
  }
  const d1 = find('stall', 'latest', (r) => r.cores === 1);
  const b1 = find('stall', 'naive', (r) => r.cores === 1);
  if (d1 || b1) {
    const age = num(d1, 'landmarkAgeP95Ms');
    const bAge = num(b1, 'landmarkAgeP95Ms');
    out.push({ check: 'one core: (d) landmark age p95 <= 100 ms while (b) falls behind (p95 > 100 ms)', measured: `(d) ${f(age)} ms; (b) ${f(bAge)} ms`, ok: age !== undefined && age <= 100 && bAge !== undefined && bAge > 100 });
  }
  const l120 = find('chain', 'latest', (r) => r.windowSize === 120);
  const l30 = find('chain', 'latest', (r) => r.windowSize === 30);
  if (l120) {
    const ratio = num(l120, 'vsBufferCount');
    out.push({ check: 'chain >= 5× bufferCount(N, 1) frames/s at N = 120', measured: `${ratio?.toFixed(2) ?? 'n/a'}×`, ok: ratio !== undefined && ratio >= 5 });
    const a30 = num(l30, 'framesPerSec');
    const a120 = num(l120, 'framesPerSec');
    const flat = a30 !== undefined && a120 !== undefined ? a120 / a30 : undefined;
    out.push({ check: 'chain flat in N (frames/s at 120 within 20% of 30)', measured: flat === undefined ? 'n/a' : `${flat.toFixed(2)}`, ok: flat !== undefined && flat >= 0.8 });
  }
  for (const s of records.filter((r) => r.scenario === 'soak' && r.row !== 'naive')) {
    const g = num(s, 'heapGrowthBytes');
    out.push({ check: `soak ${s.row}: heap growth < 1 MB`, measured: g === undefined ? 'n/a' : mb(g), ok: g !== undefined && g < 1e6 });
  }
  return out;
}
