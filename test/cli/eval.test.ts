import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEval } from '../../src/cli/eval.js';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { PosestreamError } from '../../src/errors.js';
import { TrainingDataError } from '../../src/train/trainErrors.js';
import { loadKairess } from '../../src/data/loadKairess.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { cliRun, KAIRESS_DIR } from './cliRun.js';

const dir = mkdtempSync(join(tmpdir(), 'posestream-eval-cli-'));
const missing = join(dir, 'not-read.ndjson');
const MODEL = resolve('models/default');
let come: string;
let wave: string;
beforeAll(async () => {
  const take = (await loadKairess(KAIRESS_DIR)).find((t) => t.label === 'come')!;
  const frames = take.frames.slice(0, 120);
  const write = (name: string, label: string): string => {
    const path = join(dir, name);
    writeFileSync(path, serializeRecording({ header: { format: 'posestream/v1', fps: 15 }, frames, labels: [{ label, startFrame: 0, endFrame: 119 }] }));
    return path;
  };
  come = write('come.ndjson', 'come');
  wave = write('wave.ndjson', 'wave'); // a label the default model has no class for
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('posestream eval', () => {
  it('checks flags, then --model, before reading any input (was a raw ENOENT stack for a missing model dir)', async () => {
    const flag = await runEval([missing, '--model', MODEL, '--stride', '0']).catch((e: unknown) => e);
    expect(flag).toBeInstanceOf(InvalidOptionError);
    expect((flag as Error).message).toBe('posestream eval: option `--stride` must be an integer in 1..1000 (frames), got 0');
    const model = await runEval([missing, '--model', join(dir, 'nope')]).catch((e: unknown) => e);
    expect(model).toBeInstanceOf(PosestreamError);
    expect((model as Error).message).toBe(`--model ${join(dir, 'nope')}: no model.json at ${join(dir, 'nope', 'model.json')}`);
    const cli = await cliRun(['eval', missing, '-m', join(dir, 'nope')]);
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim()).toBe(`posestream eval: PosestreamError: -m ${join(dir, 'nope')}: no model.json at ${join(dir, 'nope', 'model.json')}`);
  });

  it('a label the model lacks: an error naming it and the classes, instead of "accuracy 0.0 % (0 windows)"', async () => {
    const error = await runEval([wave, '--model', MODEL, '--backend', 'cpu']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingDataError);
    expect((error as Error).message).toMatch(/no label of the inputs \("wave"\) is a class of the model: the model \(.*models\/default\) has "none", "away", "come"/);
  });

  it('some labels unknown: the note comes on stderr (before the report is written), the rest is evaluated', async () => {
    const { code, stdout, stderr } = await cliRun(['eval', come, wave, '--model', MODEL, '--backend', 'cpu', '--json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^posestream eval: windows labelled "wave" are skipped: the model \(.*\) has "none", "away", "come"/m);
    const report = JSON.parse(stdout) as { windows: number; unknownLabels: Record<string, number> };
    expect(report.windows).toBeGreaterThan(0);
    expect(report.unknownLabels['wave']).toBeGreaterThan(0);
  });
});
