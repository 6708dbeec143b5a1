import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PosestreamError } from '../../src/errors.js';
import { runEval } from '../../src/cli/eval.js';
import { runTrain } from '../../src/cli/train.js';
import { trainGestureModel } from '../../src/train/trainGestureModel.js';
import { ModelShapeError, TrainingDataError } from '../../src/train/trainErrors.js';
import { sequencesFromFrames } from '../../src/train/sequencesFromFrames.js';
import type { PoseFrame } from '../../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'posestream-train-'));

function frames(n: number): PoseFrame[] {
  return Array.from({ length: n }, (_, i) => ({
    index: i,
    timestamp: (i * 1000) / 30,
    hands: [{ handedness: 'Right' as const, score: 1, landmarks: Array.from({ length: 21 }, (_, l) => ({ x: 0.5 + l * 0.01, y: 0.5 - l * 0.01 + i * 0.001, z: 0 })) }],
  }));
}

function recording(name: string, n: number, labels: object[]): string {
  const lines = [JSON.stringify({ format: 'posestream/v1', fps: 30 })];
  for (const f of frames(n)) {
    lines.push(JSON.stringify({ frame: f.index, t: f.timestamp, hands: f.hands.map((h) => ({ handedness: h.handedness, score: 1, landmarks: h.landmarks.map((p) => [p.x, p.y, p.z]) })) }));
  }
  for (const l of labels) lines.push(JSON.stringify(l));
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('bad training input is a typed error naming the file, before training', () => {
  it('a recording with no labels', async () => {
    const path = recording('nolabels.ndjson', 40, []);
    const err = await runTrain([path, '--out', join(dir, 'm1')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingDataError);
    expect((err as TrainingDataError).kind).toBe('no-labels');
    expect((err as Error).message).toContain(path);
  });

  it('a label outside the recording', async () => {
    expect(() => sequencesFromFrames(frames(40), [{ label: 'come', startFrame: 30, endFrame: 45 }], 'take.ndjson')).toThrow(
      /take\.ndjson: label "come" covers frames 30\.\.45, but the recording has frames 0\.\.39/,
    );
    const path = recording('outside.ndjson', 40, [{ label: 'come', startFrame: 30, endFrame: 45 }]);
    const err = await runTrain([path, '--out', join(dir, 'm2')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PosestreamError);
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).toMatch(/30\.\.45/);
  });

  it('a class with too few windows', async () => {
    const sequences = sequencesFromFrames(frames(80), [{ label: "come", startFrame: 0, endFrame: 79 }], 'a.ndjson');
    const few = sequencesFromFrames(frames(25), [{ label: 'away', startFrame: 0, endFrame: 24 }], 'b.ndjson');
    const err = await trainGestureModel({ sequences: [...sequences, ...few], frames: 10, minWindows: 10, epochs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingDataError);
    expect((err as TrainingDataError).kind).toBe('too-few-windows');
    expect((err as Error).message).toMatch(/^b\.ndjson: class "away" has \d training windows/);
  });

  it('a model whose input is not N x 21 x 3', async () => {
    const model = join(dir, 'badmodel');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(model, { recursive: true });
    const topology = {
      class_name: 'Sequential',
      config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'd', units: 2, activation: 'softmax', use_bias: false, batch_input_shape: [null, 30, 42] } }] },
    };
    writeFileSync(join(model, 'model.json'), JSON.stringify({ format: 'layers-model', modelTopology: topology, weightsManifest: [{ paths: ['weights.bin'], weights: [{ name: 'd/kernel', shape: [42, 2], dtype: 'float32' }] }] }));
    writeFileSync(join(model, 'weights.bin'), new Uint8Array(42 * 2 * 4));
    writeFileSync(join(model, 'labels.json'), '["none","come"]');
    const path = recording('ok.ndjson', 40, [{ label: 'come', startFrame: 0, endFrame: 39 }]);
    const err = await runEval([path, '--model', model, '--backend', 'cpu']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelShapeError);
    expect((err as Error).message).toContain(join(model, 'model.json'));
    expect((err as Error).message).toMatch(/\[null, 30, 42\]/);
  });
});
