/**
 * The taught-gesture evaluation (docs/evaluation.md, "Teaching"): for kairess and seniormars (teachingStreams.ts),
 * teach on the teaching recording, test on the held-out one, with a still hand between performances, with ordinary
 * movement between them, and with movement plus gestures never taught; the plain template baseline
 * (templateBaseline.ts) on the same split. Prints one JSON object. Run: `npx tsx eval/teachingEval.ts`.
 */
import { resolve } from 'node:path';
import { runTaughtModel } from '../src/teach/runTaughtModel.js';
import { teachGestureModel } from '../src/teach/teachGestureModel.js';
import { scoreEvents, teachTemplateBaseline } from './templateBaseline.js';
import { joinSegments, kairessSplit, seniormarsSplit, type TeachingSplit } from './teachingStreams.js';

const data = resolve(import.meta.dirname, '../../shared/data/landmarks');
const UNTAUGHT: Record<string, string[]> = { kairess: ['spin'], seniormars: ['swipe_down', 'swipe_right'] };
const CONDITIONS = ['still', 'moving', 'untaught'] as const;

/** Scores of one split under one condition, ours and the baseline's. */
export async function evaluateCondition(split: TeachingSplit, condition: (typeof CONDITIONS)[number]) {
  const untaught = condition === 'untaught' ? UNTAUGHT[split.name]! : [];
  const teachSegments = split.teach.filter((s) => !untaught.includes(s.label));
  const teach = joinSegments(teachSegments, split.fps, { join: 'moving', name: `${split.name} teach`, seed: 1 });
  const test = joinSegments(split.test, split.fps, { join: condition === 'still' ? 'still' : 'moving', untaught, name: `${split.name} test`, seed: 2 });
  const { model, trainMs } = await teachGestureModel({ recordings: [teach] });
  const ends = runTaughtModel(model, test.frames).filter((e) => e.phase === 'end');
  const ours = scoreEvents(ends, test, model.window.durationMs);
  const baseline = teachTemplateBaseline(teach, split.fps);
  const theirs = scoreEvents(baseline.spot(test), test, 0);
  const rate = (c: { truePositives: number; falsePositives: number; falseNegatives: number }) => ({
    precision: +(c.truePositives / Math.max(1, c.truePositives + c.falsePositives)).toFixed(3),
    recall: +(c.truePositives / Math.max(1, c.truePositives + c.falseNegatives)).toFixed(3),
    tp: c.truePositives, fp: c.falsePositives, fn: c.falseNegatives,
  });
  const falseBy = (m: typeof ours) => {
    const out: Record<string, number> = {};
    for (const e of (m as unknown as { falseEvents: Array<{ label: string; startFrame: number; endFrame: number }> }).falseEvents) {
      const under = test.labels.find((l) => l.startFrame <= e.endFrame && l.endFrame >= e.startFrame - 2 * split.fps);
      const key = `${e.label} on ${under?.label ?? 'movement/rest'}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  };
  const missedBy = (m: typeof ours) => {
    const out: Record<string, number> = {};
    for (const e of (m as unknown as { missed: Array<{ label: string }> }).missed) out[e.label] = (out[e.label] ?? 0) + 1;
    return out;
  };
  return {
    split: split.name, condition, teachExamples: model.taught.examples, testGestures: test.labels.filter((l) => l.label !== 'none').length,
    testSeconds: +(test.frames.length / split.fps).toFixed(1), trainMs: Math.round(trainMs), gestures: model.gestures, foldScore: { p: model.taught.precision, r: model.taught.recall },
    ours: { ...rate(ours), false: falseBy(ours), missed: missedBy(ours) },
    baseline: { ...rate(theirs), false: falseBy(theirs), missed: missedBy(theirs) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const splits = [await kairessSplit(resolve(data, 'kairess-gesture-recognition')), await seniormarsSplit(resolve(data, 'seniormars-gesture'))];
  const results = [];
  for (const split of splits) for (const c of CONDITIONS) results.push(await evaluateCondition(split, c));
  console.log(JSON.stringify(results, null, 1));
}
