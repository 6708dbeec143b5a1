import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PIPELINE } from '../../src/defaultModelPipeline.js';

const json = async (path: string): Promise<any> => JSON.parse(await readFile(path, 'utf8'));

describe('models/default and DEFAULT_MODEL_PIPELINE', () => {
  it('the pipeline settings are the ones train:default chose on the training clips (report.json) and the model was trained for', async () => {
    const report = await json('models/default/report.json');
    const model = await json('models/default/model.json');
    expect(report.pipeline.window).toEqual(DEFAULT_MODEL_PIPELINE.window);
    expect(report.pipeline.onMissingHand).toBe(DEFAULT_MODEL_PIPELINE.onMissingHand);
    expect(report.pipeline.gestures).toEqual(DEFAULT_MODEL_PIPELINE.gestures);
    const meta = model.userDefinedMetadata.posestream;
    expect(meta.frames).toBe(DEFAULT_MODEL_PIPELINE.window.frames);
    expect(meta.durationMs).toBe(DEFAULT_MODEL_PIPELINE.window.durationMs);
    expect(model.modelTopology.config.layers[0].config.batch_input_shape).toEqual([null, meta.frames, 21, 3]);
    expect(model.weightsManifest).toHaveLength(1);
    expect(model.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(await json('models/default/labels.json')).toEqual(meta.labels);
  });
});
