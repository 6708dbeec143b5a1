import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../../src/defaultModelSettings.js';

const json = async (path: string): Promise<any> => JSON.parse(await readFile(path, 'utf8'));

describe('models/default and DEFAULT_MODEL_SETTINGS', () => {
  it('the pipeline window is the one the model was trained on, and the model is the three files the loader names', async () => {
    const model = await json('models/default/model.json');
    const meta = model.userDefinedMetadata.posestream;
    expect(meta.frames).toBe(DEFAULT_MODEL_SETTINGS.window.frames);
    // a model trained on resampled windows states its duration (first to last sample); older ones were trained on
    // N consecutive frames at `fps`, which span (N - 1) / fps seconds (30 frames at 30 fps: 966.7 ms, not 1000)
    expect(meta.durationMs ?? ((meta.frames - 1) * 1000) / meta.fps).toBe(DEFAULT_MODEL_SETTINGS.window.durationMs);
    expect(model.modelTopology.config.layers[0].config.batch_input_shape).toEqual([null, meta.frames, 21, 3]);
    expect(model.weightsManifest).toHaveLength(1);
    expect(model.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(await json('models/default/labels.json')).toEqual(meta.labels);
  });

  it('a report that states its pipeline (scripts/train-real.ts writes one) agrees with DEFAULT_MODEL_SETTINGS', async () => {
    const report = await json('models/default/report.json');
    if (report.pipeline === undefined) {
      // the current model predates it: its settings are documented in docs/evaluation.md
      expect(DEFAULT_MODEL_SETTINGS.gestures).toEqual({ threshold: 0.9, minConsecutive: 1, cooldownMs: 500 });
      return;
    }
    expect(report.pipeline).toEqual({ window: DEFAULT_MODEL_SETTINGS.window, onMissingHand: DEFAULT_MODEL_SETTINGS.onMissingHand, maxGapMs: DEFAULT_MODEL_SETTINGS.maxGapMs, gestures: DEFAULT_MODEL_SETTINGS.gestures });
  });
});
