/**
 * `posestream classify` on bad flags and bad data: flags checked before anything is read, and nothing read before a
 * bad line lost (the gestures of a recording cut at line 61 equal those of the same recording cut cleanly there).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKairess } from '../../src/data/loadKairess.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { cliRun, KAIRESS_DIR } from './cliRun.js';

const dir = mkdtempSync(join(tmpdir(), 'posestream-classify-faults-'));
let lines: string[]; // header + 75 frames of the real 'come' take, 15 fps
let take: string;
const write = (name: string, content: string[] | string): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : `${content.join('\n')}\n`);
  return path;
};
/** The JSON lines of stdout, and the gesture lines among them. */
const parse = (stdout: string) => {
  const all = stdout.trim() === '' ? [] : stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { all, gestures: all.filter((l) => l.type === 'gesture') };
};
const noStack = (stderr: string): void => {
  expect(stderr).not.toMatch(/\n\s+at |posestream classify: posestream classify/);
};

beforeAll(async () => {
  const come = (await loadKairess(KAIRESS_DIR)).find((t) => t.label === 'come')!;
  const text = serializeRecording({ header: { format: 'posestream/v1', fps: 15, source: come.file }, frames: come.frames.slice(0, 75) });
  lines = text.trim().split('\n');
  take = write('come.ndjson', lines);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('posestream classify: flags checked before any file, model or worker', () => {
  it('each bad flag exits 2 naming it as typed, its unit and range, once prefixed; the recording is not even looked at', async () => {
    const absent = join(dir, 'absent.ndjson'); // reading it would be a different error (exit 1)
    const cases: [string[], string][] = [
      [['--window', '10000000'], 'option `--window` must be an integer in 1..1000 (frames per window), got 10000000'], // was a V8 heap abort after 50 s
      [['--window-ms', '100000'], 'option `--window-ms` must be a number in 0..60000 (ms; 0: no resampling), got 100000'],
      [['--threshold', '1.5'], 'option `--threshold` must be a number in 0..1 (a score), got 1.5'],
      [['--min-consecutive', '0'], 'option `--min-consecutive` must be an integer in 1..1000 (predictions in a row), got 0'],
      [['--timing', 'fast'], "option `--timing` must be 'recorded' or 'asap', got fast"],
      [['--timing', 'asap', '--policy', 'drop'], 'option `--policy` must be left out with --timing asap (which classifies every window); it applies to --timing recorded, got drop'],
      [['--window'], 'option `--window` must be followed by frames per window, got nothing'],
    ];
    for (const [flags, message] of cases) {
      const { code, stderr } = await cliRun(['classify', '--model', 'default', absent, ...flags]);
      expect(code, flags.join(' ')).toBe(2);
      expect(stderr.split('\n')[0]).toBe(`posestream classify: ${message}`);
      noStack(stderr);
    }
  });

  it('--window is checked against the model before the worker starts (was a ModelLoadError naming no flag)', async () => {
    const { code, stderr } = await cliRun(['classify', '--model', 'default', take, '--window', '1']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/^posestream classify: option `--window` must be 30 frames, the window the model takes \(.*models\/default\/model\.json\), or left out, got 1$/);
  });

  it('--help prints the help, exit 0 (was a usage error, exit 2)', async () => {
    const { code, stdout, stderr } = await cliRun(['classify', '--help']);
    expect([code, stderr]).toEqual([0, '']);
    for (const flag of ['--model', '--timing recorded|asap', '--policy', '--window N', '--window-ms', '--threshold', '--min-consecutive', '--json']) expect(stdout).toContain(flag);
  });

  it('a model error names --model as typed (was: model set by the "model" option)', async () => {
    const model = join(dir, 'broken-model');
    mkdirSync(model);
    writeFileSync(join(model, 'model.json'), '{"format":"layers-model"');
    const { code, stderr } = await cliRun(['classify', take, '--model', model, '--timing', 'asap']);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^posestream classify: ModelLoadError: .*\\(model set by --model ${model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)\\n$`));
  });
});

describe('posestream classify: nothing read before a bad line is lost', () => {
  it('a recording cut mid-line at line 61, or with a malformed line 61, prints the gestures of the clean cut, then the error (--timing asap)', async () => {
    const clean = await cliRun(['classify', '--model', 'default', write('clean.ndjson', lines.slice(0, 60)), '--timing', 'asap', '--json']);
    expect(clean.code).toBe(0);
    const expected = parse(clean.stdout).gestures;
    expect(expected.length).toBeGreaterThan(0); // was: "no gesture printed" for the bad files below
    const cut = write('cut.ndjson', `${lines.slice(0, 60).join('\n')}\n${lines[60]!.slice(0, 300)}`);
    const malformed = write('malformed.ndjson', [...lines.slice(0, 60), '{"frame":59,"t":', ...lines.slice(61)]);
    for (const path of [cut, malformed]) {
      const { code, stdout, stderr } = await cliRun(['classify', '--model', 'default', path, '--timing', 'asap', '--json']);
      expect(code, path).toBe(1);
      expect(parse(stdout).all).toEqual(expected); // the gestures, and no stats line
      expect(stderr.startsWith(`posestream classify: RecordingError: ${path}:61: bad JSON (`), stderr).toBe(true);
      expect(stderr.split('\n')).toHaveLength(2); // one line
    }
  });

  it('on the recording clock too: the gesture in progress at the bad line is printed before the error', async () => {
    const malformed = write('malformed-recorded.ndjson', [...lines.slice(0, 60), '{"frame":59,"t":', ...lines.slice(61)]);
    const { code, stdout, stderr } = await cliRun(['classify', '--model', 'default', malformed, '--json']);
    expect(code).toBe(1);
    const { all, gestures } = parse(stdout);
    expect(gestures.length).toBeGreaterThan(0);
    expect(all.at(-1)?.type).toBe('gesture');
    expect(stderr).toBe(`posestream classify: RecordingError: ${malformed}:61: bad JSON (Unexpected end of JSON input)\n`);
  });

  it('a label reaching past the end: every gesture first, then the error at the label line', async () => {
    const plain = await cliRun(['classify', '--model', 'default', take, '--timing', 'asap', '--json']);
    const labelled = write('label-past-end.ndjson', [...lines, '{"label":"come","startFrame":0,"endFrame":999}']);
    const { code, stdout, stderr } = await cliRun(['classify', '--model', 'default', labelled, '--timing', 'asap', '--json']);
    expect(code).toBe(1);
    expect(parse(stdout).all).toEqual(parse(plain.stdout).gestures);
    expect(stderr).toBe(`posestream classify: RecordingError: ${labelled}:77: label "come" covers frames 0..999 but the recording has frames 0..74\n`);
  });

  it('coordinates of 1e308 and a score of 7 are RecordingErrors naming the line (was ClassifierOutputError blaming the model)', async () => {
    const huge = write('huge.ndjson', lines.map((l, i) => (i === 30 ? l.replace(/"landmarks":\[\[[-\d.e]+,/, '"landmarks":[[1e308,') : l)));
    const score = write('score.ndjson', lines.map((l, i) => (i === 40 ? l.replace(/"score":[\d.]+/, '"score":7') : l)));
    const a = await cliRun(['classify', '--model', 'default', huge, '--timing', 'asap', '--json']);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe(`posestream classify: RecordingError: ${huge}:31: frame 29: hands[0].landmarks[0].x is 1e+308, outside -1..2 (normalised image units)\n`);
    const b = await cliRun(['classify', '--model', 'default', score, '--timing', 'asap', '--json']);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe(`posestream classify: RecordingError: ${score}:41: frame 39: hands[0].score is 7, outside 0..1 (a probability)\n`);
  });

  it('a clock jump (t 1e9) is waited 10 s, not 11.6 days, and said; the frame going back in time after it is the error', async () => {
    const frame = (i: number, t: number): string => JSON.stringify({ ...(JSON.parse(lines[i + 1]!) as object), frame: i, t });
    const jump = write('jump.ndjson', [lines[0]!, ...Array.from({ length: 10 }, (_, i) => frame(i, i * 66)), frame(10, 1e9), frame(11, 733)]);
    const { code, stderr } = await cliRun(['classify', '--model', 'default', jump, '--json']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `posestream classify: ${jump}:12: frame 10 comes 999999406 ms after frame 9; the replay waited 10000 ms instead\n` +
        `posestream classify: RecordingError: ${jump}:13: frame 11: t 733 before t 1000000000 of frame 10\n`,
    );
  });

  it('a recording without a window says why, exit 1 (was exit 0, not a word): no frames, too short for --window-ms', async () => {
    const header = write('header-only.ndjson', [lines[0]!]);
    const empty = await cliRun(['classify', '--model', 'default', header, '--timing', 'asap', '--json']);
    expect(empty.code).toBe(1);
    expect(parse(empty.stdout).all.map((l) => l.type)).toEqual(['stats']);
    expect(empty.stderr).toBe(`posestream classify: NoWindowsError: ${header}: no window to classify: the recording has no frames\n`);
    const short = await cliRun(['classify', '--model', 'default', take, '--timing', 'asap', '--window-ms', '5000']);
    expect(short.code).toBe(1);
    expect(short.stderr).toBe(`posestream classify: NoWindowsError: ${take}: no window to classify: 75 of its 75 frames have a hand, spanning 4933.333 ms, less than the 5000 ms a window covers (--window-ms)\n`);
  });

  it('reads stdin as - (was "no such file")', async () => {
    const file = await cliRun(['classify', '--model', 'default', take, '--timing', 'asap', '--json']);
    const bin = resolve('bin/posestream.js');
    const piped = await new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = execFile(process.execPath, [bin, 'classify', '--model', 'default', '-', '--timing', 'asap', '--json'], (error, stdout) => done({ code: error ? (error as { code?: number }).code ?? -1 : 0, stdout }));
      child.stdin!.end(`${lines.join('\n')}\n`);
    });
    expect(piped.code).toBe(0);
    expect(parse(piped.stdout).gestures).toEqual(parse(file.stdout).gestures);
  });
});
