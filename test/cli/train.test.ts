import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrain } from '../../src/cli/train.js';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { TrainingDataError } from '../../src/train/trainErrors.js';
import { loadKairess } from '../../src/data/loadKairess.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { cliRun, KAIRESS_DIR } from './cliRun.js';

const dir = mkdtempSync(join(tmpdir(), 'posestream-train-cli-'));
const missing = join(dir, 'not-read.ndjson'); // an input that does not exist: reading it would fail differently
let come: string;
beforeAll(async () => {
  const take = (await loadKairess(KAIRESS_DIR)).find((t) => t.label === 'come')!;
  come = join(dir, 'come.ndjson');
  const labels = [{ label: 'come', startFrame: 0, endFrame: take.frames.length - 1 }];
  writeFileSync(come, serializeRecording({ header: { format: 'posestream/v1', fps: 15 }, frames: take.frames, labels }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(argv: string[]): Promise<Error> {
  const error = await runTrain(argv).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('posestream train: arguments checked before any input is read', () => {
  it('every flag: type, unit and range, named as typed (was TrainingDataError after reading the inputs; --backend foo used wasm)', async () => {
    const cases: [string[], string][] = [
      [['--epochs', '0'], 'option `--epochs` must be an integer in 1..10000 (epochs), got 0'],
      [['--kind', 'foo'], "option `--kind` must be one of 'gru', 'dense', 'templates', got foo"],
      [['--backend', 'foo'], "option `--backend` must be 'wasm' or 'cpu', got foo"],
      [['--blocks', '1'], 'option `--blocks` must be an integer in 2..100 (time blocks per take), got 1'],
      [['--frames', '2.5'], 'option `--frames` must be an integer in 2..1000 (frames per window), got 2.5'],
      [['--fps', ''], 'option `--fps` must be an integer in 1..1000 (frames per second), got nothing'],
      [['--bogus'], 'option `--bogus` must be one of'],
    ];
    for (const [flags, message] of cases) {
      const error = await rejection([missing, '--out', join(dir, 'm'), ...flags]);
      expect(error, flags.join(' ')).toBeInstanceOf(InvalidOptionError);
      expect(error.message).toContain(`posestream train: ${message}`);
    }
  });

  it('--out: an existing file, or a folder holding a model, is refused before training (was a raw EEXIST after it)', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const asFile = await rejection([missing, '--out', file]);
    expect(asFile).toBeInstanceOf(InvalidOptionError);
    expect(asFile.message).toBe(`posestream train: option \`--out\` must be a directory (it is created if missing), got ${file} (a file)`);
    const model = join(dir, 'model');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(model);
    writeFileSync(join(model, 'model.json'), '{}');
    const held = await rejection([missing, '-o', model]);
    expect(held.message).toContain('option `-o` must be a new or empty directory (pass --force to overwrite the model in it)');
    expect(held.message).toContain('(it holds model.json)');
    // With --force the folder is accepted: the error is now the missing input's.
    const forced = await rejection([missing, '-o', model, '--force']);
    expect(forced).toBeInstanceOf(TrainingDataError);
    expect(forced.message).toContain(missing);
  });

  it('one class is a TrainingDataError naming the file, before training (was "Error in oneHot: depth must be >=2")', async () => {
    const error = await rejection([come, '--out', join(dir, 'one-class')]);
    expect(error).toBeInstanceOf(TrainingDataError);
    expect(error.message).toBe(`${come}: a gesture model needs at least 2 classes to tell apart; the inputs label only "come"`);
    expect(readdirSync(dir)).not.toContain('one-class');
  });

  it('the CLI: usage errors exit 2, data errors 1, one prefix, no stack; --help exits 0', async () => {
    const usage = await cliRun(['train', missing, '--out', join(dir, 'm'), '--epochs', '0']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n')[0]).toBe('posestream train: option `--epochs` must be an integer in 1..10000 (epochs), got 0');
    const data = await cliRun(['train', come, '--out', join(dir, 'm')]);
    expect(data.code).toBe(1);
    expect(data.stderr.trim()).toBe(`posestream train: TrainingDataError: ${come}: a gesture model needs at least 2 classes to tell apart; the inputs label only "come"`);
    const help = await cliRun(['train', '--help']);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toContain('--force');
  });
});
