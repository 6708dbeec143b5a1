/**
 * Seeded fuzz of `posestream classify --timing asap` (the real command, in a child process) over a real take
 * (kairess 'come', ../shared/data, written as posestream/v1 at test time): each mutation breaks one line k. Every
 * run exits 1 with one typed error line naming line k (no crash, no hang, no stack), and prints exactly the gestures
 * of the same recording cut cleanly before line k.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKairess } from '../../src/data/loadKairess.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { createRng } from '../../src/train/createRng.js';
import { mutateRecording } from '../recording/recordingMutations.js';
import { cliRun, KAIRESS_DIR } from './cliRun.js';

const MUTATIONS = 24;
const FRAMES = 75;
const dir = mkdtempSync(join(tmpdir(), 'posestream-classify-fuzz-'));
let lines: string[];

beforeAll(async () => {
  const come = (await loadKairess(KAIRESS_DIR)).find((t) => t.label === 'come')!;
  lines = serializeRecording({ header: { format: 'posestream/v1', fps: 15, source: 'kairess/come' }, frames: come.frames.slice(0, FRAMES) }).trim().split('\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gestures = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('{"type":"gesture"'));

describe('posestream classify fuzz (seeded, real data)', () => {
  it(`${MUTATIONS} broken lines: 0 crashes, 0 hangs, 0 untyped errors; the gestures before the bad line are the clean cut's`, async () => {
    const rng = createRng(7);
    const cleanCut = new Map<number, string[]>();
    const counts = { mutations: 0, typedErrors: 0, crashes: 0, hangs: 0, untyped: 0, equalToCleanCut: 0, gesturesCompared: 0 };
    const problems: string[] = [];
    for (let i = 0; i < MUTATIONS; i++) {
      const m = mutateRecording(lines, rng, { onlyBad: true, frameLines: FRAMES });
      const path = join(dir, `m${i}.ndjson`);
      writeFileSync(path, `${m.lines.join('\n')}\n`);
      const at = `#${i} ${m.name} at line ${m.k + 1}`;
      counts.mutations++;
      const run = await cliRun(['classify', '--model', 'default', path, '--timing', 'asap', '--json'], 90_000);
      if (run.code === -1) {
        counts.hangs++;
        problems.push(`${at}: killed after 90 s`);
        continue;
      }
      const errorLine = /^posestream classify: (RecordingError|InvalidPoseError): (.*)\n$/.exec(run.stderr);
      if (run.code !== 1 || /\n\s+at /.test(run.stderr)) {
        counts.crashes++;
        problems.push(`${at}: exit ${run.code}: ${run.stderr.slice(0, 300)}`);
        continue;
      }
      if (!errorLine) {
        counts.untyped++;
        problems.push(`${at}: ${run.stderr.slice(0, 300)}`);
        continue;
      }
      counts.typedErrors++;
      if (!errorLine[2]!.startsWith(`${path}:${m.k + 1}: `)) problems.push(`${at}: the error does not name line ${m.k + 1}: ${errorLine[2]}`);
      if (!cleanCut.has(m.k)) {
        const cut = join(dir, `cut${m.k}.ndjson`);
        writeFileSync(cut, `${lines.slice(0, m.k).join('\n')}\n`);
        const clean = await cliRun(['classify', '--model', 'default', cut, '--timing', 'asap', '--json'], 90_000);
        // A cut too short for one window exits 1 (NoWindowsError) with no gesture: still the reference.
        cleanCut.set(m.k, gestures(clean.stdout));
      }
      const expected = cleanCut.get(m.k)!;
      counts.gesturesCompared += expected.length;
      if (JSON.stringify(gestures(run.stdout)) === JSON.stringify(expected)) counts.equalToCleanCut++;
      else problems.push(`${at}: gestures ${JSON.stringify(gestures(run.stdout))}, the clean cut's ${JSON.stringify(expected)}`);
    }
    console.info(`classify fuzz: ${JSON.stringify(counts)}`);
    expect(problems).toEqual([]);
    expect(counts.equalToCleanCut).toBe(MUTATIONS);
    expect(counts.gesturesCompared).toBeGreaterThan(0); // some cuts are long enough to hold gestures
  }, 300_000); // about 45 runs of the command, ~1 s each
});
