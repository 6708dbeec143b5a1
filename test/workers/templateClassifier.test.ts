// A taught model through real Node worker threads: taught by createGestureTrainer in its worker (progress, then the
// model), then run by createClassifierWorker as the object and from its JSON file, giving the scores the page-side
// classifyWithTemplates gives.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { from, lastValueFrom, toArray } from 'rxjs';
import { Worker as NodeWorker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { slidingWindow, taughtModelLabels, TeachingError, type TaughtGestureModel, type TeachEvent } from 'posestream';
import { classifyWithTemplates, prepareTemplateModel } from '../../src/filters/classifyWithTemplates.js';
import { createClassifierWorker, createGestureTrainer, type ClassifierWorker } from 'posestream/workers';
import { joinSegments, kairessSplit } from '../../eval/teachingStreams.js';

const KAIRESS = resolve(import.meta.dirname, '../../../shared/data/landmarks/kairess-gesture-recognition');

describe('createGestureTrainer and a taught model in createClassifierWorker (real worker threads)', () => {
  const workers: ClassifierWorker[] = [];
  afterAll(() => Promise.all(workers.map((w) => w.dispose())));
  let model: TaughtGestureModel | undefined;
  let split: Awaited<ReturnType<typeof kairessSplit>>;

  it('teaches in a worker: progress (step, done of total), then the model', async () => {
    split = await kairessSplit(KAIRESS);
    const teach = joinSegments(split.teach, split.fps, { join: 'moving', name: 'teach', seed: 1 });
    const events: TeachEvent[] = await lastValueFrom(createGestureTrainer().teach({ recordings: [teach] }).pipe(toArray()));
    const steps = new Set(events.filter((e) => e.type === 'progress').map((e) => (e.type === 'progress' ? e.step : '')));
    expect([...steps]).toEqual(expect.arrayContaining(['checking', 'features', 'matching', 'folds', 'settings']));
    const done = events[events.length - 1]!;
    expect(done.type).toBe('done');
    model = done.type === 'done' ? done.model : undefined;
    expect(model?.labels).toEqual(['away', 'come', 'spin', 'none']);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('errors with a TeachingError before any worker starts', async () => {
    const one = { recordings: [{ frames: split.teach[0]!.frames, labels: [{ label: 'come', startFrame: 0, endFrame: 5 }] }] };
    await expect(lastValueFrom(createGestureTrainer().teach(one))).rejects.toBeInstanceOf(TeachingError);
  });

  it('runs the taught model as the object and from its JSON path, with the scores of the page-side matcher', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'taught-'));
    const path = join(dir, 'gestures.json');
    await writeFile(path, JSON.stringify(model));
    const direct = createClassifierWorker({ model: model! });
    const fromFile = createClassifierWorker({ model: path });
    workers.push(direct, fromFile);
    expect((await direct.ready).backend).toBe('templates');
    expect((await fromFile.ready).labels).toEqual(model!.labels);
    const test = joinSegments(split.test.slice(0, 6), split.fps, { join: 'still', name: 'test', seed: 3 });
    const windows = await lastValueFrom(from(test.frames).pipe(slidingWindow(30, { resample: model!.window, onMissingHand: 'skip' }), toArray()));
    const prepared = prepareTemplateModel(model!);
    let gestures = 0;
    for (const w of windows.filter((_, i) => i % 10 === 0)) {
      const expected = classifyWithTemplates(prepared, w.pack(), w.size, { aspect: 1, spanMs: w.span, coveredMs: w.coveredMs ?? w.span });
      const a = await direct.classifyWindow(w);
      const b = await fromFile.classifyWindow(w);
      a.categories.forEach((c, i) => expect(c.score).toBeCloseTo(expected.scores[i]!, 5));
      expect(b.label).toBe(a.label);
      // Where the gesture was found travels with the prediction, as the window's frame timestamps.
      if (expected.match === undefined) expect(a.match).toBeUndefined();
      else expect(a.match).toEqual({ startTimestamp: w.frames[expected.match.start]!.timestamp, endTimestamp: w.frames[expected.match.end]!.timestamp });
      if (a.label !== 'none') {
        gestures++;
        expect(a.match!.startTimestamp).toBeLessThan(a.match!.endTimestamp);
        expect(a.match!.endTimestamp).toBeLessThanOrEqual(w.endTimestamp);
      }
    }
    expect(gestures).toBeGreaterThan(0);
  });

  it('a model that keeps the swipes: the worker scores its gestures, the four swipes and none (taughtModelLabels)', async () => {
    const withSwipes = createClassifierWorker({ model: { ...model!, swipes: {} } });
    workers.push(withSwipes);
    const info = await withSwipes.ready;
    expect(info.labels).toEqual(taughtModelLabels({ ...model!, swipes: {} }));
    expect(info.labels).toEqual(['away', 'come', 'spin', 'swipe_left', 'swipe_right', 'swipe_up', 'swipe_down', 'none']);
    const test = joinSegments(split.test.slice(0, 3), split.fps, { join: 'still', name: 'test', seed: 3 });
    const [w] = await lastValueFrom(from(test.frames).pipe(slidingWindow(30, { resample: model!.window, onMissingHand: 'skip' }), toArray()));
    const p = await withSwipes.classifyWindow(w!);
    expect(p.categories.map((c) => c.categoryName)).toEqual(info.labels);
  });

  it('rejects a malformed taught model with a ModelLoadError naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'taught-'));
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify({ ...model, templates: [{ label: 'come', frames: 2, data: [1] }] }));
    const bad = createClassifierWorker({ model: path });
    workers.push(bad);
    await expect(bad.ready).rejects.toThrow(/bad\.json: templates\[0\] must have frames x 24 numbers/);
  });
});

describe('createGestureTrainer: unsubscribing cancels (a real worker thread)', () => {
  it('terminates the worker mid-teaching and emits no model', async () => {
    const split = await kairessSplit(KAIRESS);
    const teach = joinSegments(split.teach, split.fps, { join: 'moving', name: 'teach', seed: 1 });
    let thread: NodeWorker | undefined;
    const entry = new URL('../../dist/workers/entries/gestureTrainerWorker.js', import.meta.url); // built by globalSetup
    const trainer = createGestureTrainer({ worker: () => (thread = new NodeWorker(entry, { name: 'gesture-trainer' })) });
    const events: TeachEvent[] = [];
    const matching = new Promise<void>((resolveMatching, reject) => {
      const subscription = trainer.teach({ recordings: [teach] }).subscribe({
        next: (e) => {
          events.push(e);
          if (e.type === 'progress' && e.step === 'matching' && !subscription.closed) {
            subscription.unsubscribe(); // mid-teaching: windows matched, folds not yet run
            resolveMatching();
          }
        },
        error: reject,
      });
    });
    await matching;
    expect(thread).toBeDefined();
    const code = await new Promise<number>((resolveExit) => thread!.once('exit', resolveExit));
    expect(code).toBe(1); // terminated, not finished (a worker that returns exits with 0)
    await new Promise((r) => setTimeout(r, 200)); // anything still in flight would arrive now
    expect(events.some((e) => e.type === 'done')).toBe(false);
    expect(events.some((e) => e.type === 'progress' && (e.step === 'folds' || e.step === 'settings'))).toBe(false);
  });
});
