// The framework trainers' shared core (useGestureTrainer, injectGestureTrainer) through real Node worker threads:
// the states a teaching goes through, progress at most every 100 ms per step, a TeachingError as an 'error' state,
// wrong options as an 'error' state, and applying with no pipeline or no model.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTaughtModel, startTeaching } from '../../src/adapters/startTeaching.js';
import type { GestureTrainerState } from '../../src/adapters/trainerTypes.js';
import { InvalidOptionError, TeachingError } from 'posestream';
import { joinSegments, kairessSplit } from '../../eval/teachingStreams.js';
import type { HandGesturePipeline } from '../../src/pipeline/pipelineTypes.js';

const KAIRESS = resolve(import.meta.dirname, '../../../shared/data/landmarks/kairess-gesture-recognition');

/** Runs one teaching to its last state ('done' or 'error'), keeping every state written (and when). */
function states(input: Parameters<typeof startTeaching>[1], options: Parameters<typeof startTeaching>[0] = {}): Promise<{ state: GestureTrainerState; at: number }[]> {
  return new Promise((done) => {
    const seen: { state: GestureTrainerState; at: number }[] = [];
    startTeaching(options, input, (state) => {
      seen.push({ state, at: performance.now() });
      if (state.status === 'done' || state.status === 'error') done(seen);
    });
  });
}

describe('startTeaching (the framework trainers\' core)', () => {
  it("goes 'teaching' (progress, at most every 100 ms within a step) then 'done' with the model", async () => {
    const split = await kairessSplit(KAIRESS);
    const seen = await states({ recordings: [joinSegments(split.teach, split.fps, { join: 'moving', name: 'teach', seed: 1 })] });
    expect(seen[0]!.state).toEqual({ status: 'teaching', progress: null, result: null, error: null });
    const last = seen.at(-1)!.state;
    expect(last.status).toBe('done');
    expect(last.result?.model.labels).toEqual(['away', 'come', 'spin', 'none']);
    expect(last.progress).toBeNull(); // progress is of teaching under way
    const progress = seen.filter((s) => s.state.status === 'teaching' && s.state.progress !== null);
    expect(progress.length).toBeGreaterThan(0);
    for (let i = 1; i < progress.length; i++) {
      const [a, b] = [progress[i - 1]!, progress[i]!];
      if (a.state.progress!.step === b.state.progress!.step) expect(b.at - a.at).toBeGreaterThanOrEqual(100);
    }
  });

  it("a TeachingError (one class) and a wrong option end in the 'error' state", async () => {
    const still = Array.from({ length: 20 }, (_, i) => ({ index: i, timestamp: i * 66, hands: [{ handedness: 'Right' as const, score: 1, landmarks: Array.from({ length: 21 }, (_, k) => ({ x: 0.5 + k * 0.01, y: 0.5, z: 0 })) }] }));
    const one = await states({ examples: [0, 1, 2].map(() => ({ label: 'wave', frames: still })) });
    expect(one.at(-1)!.state.status).toBe('error');
    expect(one.at(-1)!.state.error).toBeInstanceOf(TeachingError);
    const wrong = await states({ examples: [] }, { minExamples: 1 });
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.state.error).toBeInstanceOf(InvalidOptionError);
    expect(wrong[0]!.state.error?.message).toMatch(/`minExamples`/);
  });

  it('applyTaughtModel rejects with an InvalidOptionError without a pipeline or a model, else calls useGestureModel', async () => {
    await expect(applyTaughtModel('useGestureTrainer', null, undefined)).rejects.toThrow(/useGestureTrainer: option `pipeline` must be the running pipeline/);
    const calls: unknown[] = [];
    const pipeline = { useGestureModel: (m: unknown) => (calls.push(m), Promise.resolve({ labels: ['a', 'none'], windowSize: 3, backend: 'templates' })) } as unknown as HandGesturePipeline;
    await expect(applyTaughtModel('injectGestureTrainer', pipeline, undefined)).rejects.toThrow(/option `model` must be a taught model: teach first/);
    const model = { format: 'posestream-templates/v1' } as never;
    await expect(applyTaughtModel('injectGestureTrainer', pipeline, model)).resolves.toMatchObject({ backend: 'templates' });
    expect(calls).toEqual([model]);
  });
});
