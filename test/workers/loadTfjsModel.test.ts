import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLabels } from '../../src/workers/loadTfjsModel.js';
import { ModelLoadError } from '../../src/workers/workerErrors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'posestream-labels-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('loadLabels', () => {
  it('names the missing model.json, not labels.json, when the model folder is wrong', async () => {
    const model = join(dir, 'nope', 'model.json');
    const error = await loadLabels(model).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    // Was "could not read labels …/nope/labels.json".
    expect((error as Error).message).toContain(`could not read model ${model}`);
    expect((error as Error).message).not.toContain('labels.json');
  });

  it('names labels.json when model.json is there and only the labels are missing, and reads good labels', async () => {
    const model = join(dir, 'model.json');
    await writeFile(model, '{}');
    const error = await loadLabels(model).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`could not read labels ${join(dir, 'labels.json')}`);
    await writeFile(join(dir, 'labels.json'), '["come","away"]');
    expect(await loadLabels(model)).toEqual(['come', 'away']);
  });
});
