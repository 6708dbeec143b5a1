/**
 * Seeded mutations of a posestream/v1 recording's lines, for the parser and CLI fuzz tests: each changes line k
 * (0-based; the lines before it stay as they were) and says whether the result is certainly a bad line k.
 */
import type { Rng } from '../../src/train/createRng.js';

/** One mutation: the new lines, the 0-based line changed, and whether that line is certainly rejected. */
export interface Mutation {
  name: string;
  lines: string[];
  k: number;
  bad: boolean;
}

type Frame = { frame: number; t: number; hands: { handedness: string; score: unknown; landmarks: unknown[][] }[] };
type Op = (lines: string[], k: number, rng: Rng) => string[];

const json = (line: string): Frame => JSON.parse(line) as Frame;
const set = (lines: string[], k: number, line: string): string[] => lines.map((l, i) => (i === k ? line : l));
const GARBAGE = ['{}', '[]', 'null', '42', '"frame"', '{"frame":', '{"frame":1,,}', 'not json at all', '{"hands":[]}', '\u0000\u0001', '{"label":3}'];
const SPECIALS = ['1e308', '-1e308', '1e999', 'null', '"0.5"', '3', '-3', 'true', '[]'];

/** Certainly bad for a frame line k >= 2 (there is a frame line before it). */
const BAD: Record<string, Op> = {
  'truncate-file': (lines, k, rng) => [...lines.slice(0, k), lines[k]!.slice(0, rng.int(1, lines[k]!.length - 2))],
  garbage: (lines, k, rng) => set(lines, k, rng.pick(GARBAGE)),
  'special-coordinate': (lines, k, rng) => {
    const f = json(lines[k]!);
    const hand = f.hands[0];
    if (!hand) return set(lines, k, rng.pick(GARBAGE));
    const point = rng.int(0, 20);
    const axis = rng.int(0, 2);
    const marker = '"__special__"';
    (hand.landmarks[point] as unknown[])[axis] = '__special__';
    return set(lines, k, JSON.stringify(f).replace(marker, rng.pick(SPECIALS)));
  },
  'bad-score': (lines, k, rng) => set(lines, k, lines[k]!.replace(/"score":[-\d.e]+/, `"score":${rng.pick(['7', '-0.1', '1.5', 'null', '"1"'])}`)),
  'drop-field': (lines, k, rng) => {
    const f = json(lines[k]!) as unknown as Record<string, unknown>;
    delete f[rng.pick(['frame', 't', 'hands'])];
    return set(lines, k, JSON.stringify(f));
  },
  'landmark-count': (lines, k) => {
    const f = json(lines[k]!);
    if (f.hands[0]) f.hands[0].landmarks.pop();
    else f.hands = [{ handedness: 'Left', score: 1, landmarks: [[0.5, 0.5, 0]] }];
    return set(lines, k, JSON.stringify(f));
  },
  'back-in-time': (lines, k) => set(lines, k, JSON.stringify({ ...json(lines[k]!), t: json(lines[k - 1]!).t - 1 })),
  'repeat-index': (lines, k) => set(lines, k, JSON.stringify({ ...json(lines[k]!), frame: json(lines[k - 1]!).frame })),
  handedness: (lines, k) => set(lines, k, lines[k]!.includes('"handedness"') ? lines[k]!.replace(/"handedness":"\w+"/, '"handedness":"Both"') : '{}'),
};

/** Maybe valid, maybe not. */
const ANY: Record<string, Op> = {
  'delete-char': (lines, k, rng) => {
    const l = lines[k]!;
    const at = rng.int(0, l.length - 1);
    return set(lines, k, l.slice(0, at) + l.slice(at + 1));
  },
  'insert-char': (lines, k, rng) => {
    const l = lines[k]!;
    const at = rng.int(0, l.length);
    return set(lines, k, l.slice(0, at) + rng.pick([...'{}[],:"0123456789eE.-+ \\nul\u00e9\u270b']) + l.slice(at));
  },
  'change-digit': (lines, k, rng) => {
    const l = lines[k]!;
    const digits = [...l.matchAll(/\d/g)].map((m) => m.index);
    if (digits.length === 0) return lines;
    const at = rng.pick(digits);
    return set(lines, k, l.slice(0, at) + String(rng.int(0, 9)) + l.slice(at + 1));
  },
  'swap-lines': (lines, k) => (k + 1 < lines.length ? lines.map((l, i) => (i === k ? lines[k + 1]! : i === k + 1 ? lines[k]! : l)) : lines),
  'duplicate-line': (lines, k) => [...lines.slice(0, k + 1), lines[k]!, ...lines.slice(k + 1)],
  'blank-line': (lines, k, rng) => [...lines.slice(0, k), rng.pick(['', '   ', '\r']), ...lines.slice(k)],
  'clock-jump': (lines, k, rng) => lines.map((l, i) => (i < k || !l.startsWith('{"frame"') ? l : JSON.stringify({ ...json(l), t: json(l).t + rng.pick([1e9, 3e4, 1e12]) }))),
  'label-line': (lines, k, rng) => {
    const a = rng.int(-5, 200);
    return [...lines.slice(0, k), JSON.stringify({ label: rng.pick(['come', '', 'x']), startFrame: a, endFrame: a + rng.int(-3, 150) }), ...lines.slice(k)];
  },
  'huge-line': (lines, k) => set(lines, k, `{"frame":0,"t":0,"hands":[],"pad":"${'x'.repeat((1 << 20) + 10)}"}`),
  'header-change': (lines, _k, rng) => set(lines, 0, rng.pick(['{"format":"posestream/v2"}', '{"fps":30}', '{"format":"posestream/v1","fps":-1}', lines[1]!, ''])),
};

/** The names of the certainly-bad mutations (for the CLI fuzz, whose property needs line k rejected). */
export const BAD_MUTATIONS = Object.keys(BAD);

/**
 * A seeded mutation of `lines` (line 0 the header, then frame lines): one of the certainly-bad ones (`onlyBad`), or
 * any mutation, at a frame line k >= 2 (the header, for `'header-change'`).
 */
export function mutateRecording(lines: readonly string[], rng: Rng, options: { onlyBad?: boolean; frameLines: number }): Mutation {
  const pool = options.onlyBad ? BAD : { ...BAD, ...ANY };
  const name = rng.pick(Object.keys(pool).filter((n) => n !== 'huge-line' || rng.next() < 0.05));
  const k = name === 'header-change' ? 0 : rng.int(2, options.frameLines);
  const mutated = pool[name]!([...lines], k, rng);
  return { name, lines: mutated, k, bad: name in BAD };
}
