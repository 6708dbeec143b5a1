/**
 * Leave-one-source-out evaluation of a training recipe: for each real source in turn, train on all the OTHER real
 * sources plus the synthetic clips, choose the `stableGestures` settings on those training sources only (on the
 * training clips themselves, on held-back clips, or on out-of-sample predictions of each: `recipe.trackerOn`), and score
 * the held-out source at event level (swipe precision/recall, false swipes per minute of non-swipe video) and
 * window level (confusion counts). A recipe with `agreeWith` trains its second model in every fold too and scores
 * the two models' agreement (`agreePredictions`); one with `seeds` trains a model per seed and scores the mean of
 * their outputs (`averagePredictions`). Fold models are cached and reused across runs (`trainFoldModel`). Sources
 * can be held out in groups (one model trained without all of them, each scored on its own): stricter than one at a
 * time (less training data), and fewer trainings on a busy machine.
 */
import type { GestureTrackerOptions } from '../src/filters/handMathTypes.js';
import type { LabelledWindow } from '../src/train/trainTypes.js';
import type { RealClip, RealSource } from './realSources.js';
import { validationSplit } from './validationSplit.js';
import { trainFoldModels } from './trainFoldModels.js';
import { chooseTracker, confusion, scoreClips, type ClipPredictions, type SourceScore } from './sourceEvaluation.js';
import { seedMembers, type SwipeRecipe } from './swipeRecipe.js';

/** One fold of the table. */
export interface HeldOutResult {
  source: string;
  /** The tracker chosen on the training sources. */
  tracker: GestureTrackerOptions;
  score: Omit<SourceScore, 'matches'>;
  /** Labelled swipes in the held-out source. */
  swipes: number;
  /** Per clip: name, missed swipes and false / other events (frame spans). */
  clips: Array<{ name: string; missed: string[]; falseSwipes: string[]; other: string[] }>;
  /** truth -> predicted -> windows. */
  confusion: Record<string, Record<string, number>>;
  /** Held-out predictions per clip, `[windowEndIndex, windowEndTimestamp, label index, score]` (labels in `labels`), to re-score. */
  labels: string[];
  predictions: Record<string, Array<[number, number, number, number]>>;
  /** The same for the clips the tracker was chosen on (by clip name), to compare rules for choosing it offline. */
  trackerPredictions?: Record<string, Array<[number, number, number, number]>>;
  /** The sources left out of this fold's training together (the held-out source and any grouped with it). */
  heldOutWith: string[];
  trainSeconds: number;
  /** A seed ensemble's members, each scored on its own with the tracker chosen on its own training predictions. */
  members?: Array<{
    seed: number;
    tracker: GestureTrackerOptions;
    score: Omit<SourceScore, 'matches'>;
    /** The member's own held-out predictions (as `predictions`), to re-score it at the ensemble's settings. */
    predictions: HeldOutResult['predictions'];
    /** Whether its model(s) came from the fold model cache. */
    cached: boolean;
  }>;
}

/** Options of {@link leaveOneSourceOut}. */
export interface LeaveOneSourceOutOptions {
  /** Called with each fold's result as soon as it is scored. @default undefined */
  onFold?: (result: HeldOutResult) => void;
  /** Folds: the sources held out together in each (one model trained without all of them). @default every source on its own */
  groups?: ReadonlyArray<readonly string[]>;
  /** Where fold models are kept and reused (`trainFoldModel`); absent, every model is trained. @default undefined */
  cacheDir?: string;
}

/**
 * Runs the folds (one per source) for `recipe`. `syntheticFor(member)` gives the synthetic windows of one
 * single-seed member recipe (they depend on its seed); they are always in the training set. A seed ensemble
 * (`recipe.seeds`) trains one model per seed, chooses the tracker on the members' averaged predictions
 * (`averagePredictions`) and also scores each member on its own (`members`: its own tracker, chosen the same way).
 *
 * @example
 * ```ts
 * const table = await leaveOneSourceOut(sources, (member) => syntheticWindows(dataDir, member), SWIPE_RECIPES['window-2s']);
 * ```
 */
export async function leaveOneSourceOut(
  sources: readonly RealSource[],
  syntheticFor: (member: SwipeRecipe) => Promise<readonly LabelledWindow[]>,
  recipe: SwipeRecipe,
  options: LeaveOneSourceOutOptions = {},
): Promise<HeldOutResult[]> {
  const results: HeldOutResult[] = [];
  const members = seedMembers(recipe);
  for (const group of options.groups ?? sources.map((s) => [s.name])) {
    const t0 = performance.now();
    const { trainSources, trackerClips } = trainingAndTrackerClips(sources.filter((s) => !group.includes(s.name)), recipe);
    const fold = await trainFoldModels(trainSources, group, recipe, syntheticFor, options.cacheDir);
    const labels = fold.labels;
    const training = recipe.trackerOn === 'inner-folds' ? await innerFoldPredictions(trainSources, group, recipe, syntheticFor, options.cacheDir) : await fold.predict(trackerClips);
    const tracker = chooseTracker(training.ensemble, recipe.window.durationMs);
    const memberTrackers = members.length > 1 ? training.perMember.map((p) => chooseTracker(p, recipe.window.durationMs)) : [];
    for (const held of sources.filter((s) => group.includes(s.name))) {
      const heldPredictions = await fold.predict(held.clips);
      const result = await scoreHeldOut(heldPredictions.ensemble, labels, held, recipe, tracker, group, (performance.now() - t0) / 1000);
      result.trackerPredictions = compactPredictions(training.ensemble, labels);
      if (members.length > 1) {
        result.members = members.map((m, k) => {
          const { matches: _matches, ...score } = scoreClips(heldPredictions.perMember[k]!, memberTrackers[k]!, recipe.window.durationMs);
          const predictions = compactPredictions(heldPredictions.perMember[k]!, labels);
          return { seed: m.seed, tracker: memberTrackers[k]!, score, predictions, cached: fold.cached[k]! };
        });
      }
      options.onFold?.(result);
      results.push(result);
    }
    fold.dispose();
  }
  return results;
}

/**
 * Out-of-sample predictions on every training source of a fold (`trackerOn: 'inner-folds'`): each training source
 * in turn predicted by models trained without it (and without the fold's held-out `group`), pooled. The models a
 * recipe trains for the pair {outer, inner} are the ones of the pair {inner, outer}: the cache trains each once.
 */
async function innerFoldPredictions(
  trainSources: readonly RealSource[],
  group: readonly string[],
  recipe: SwipeRecipe,
  syntheticFor: (member: SwipeRecipe) => Promise<readonly LabelledWindow[]>,
  cacheDir: string | undefined,
): Promise<{ ensemble: ClipPredictions[]; perMember: ClipPredictions[][] }> {
  const ensemble: ClipPredictions[] = [];
  const perMember: ClipPredictions[][] = seedMembers(recipe).map(() => []);
  for (const inner of trainSources) {
    const fold = await trainFoldModels(trainSources.filter((s) => s !== inner), [...group, inner.name], recipe, syntheticFor, cacheDir);
    const p = await fold.predict(inner.clips);
    fold.dispose();
    ensemble.push(...p.ensemble);
    p.perMember.forEach((m, k) => perMember[k]!.push(...m));
  }
  return { ensemble, perMember };
}

/** Predictions per clip name as `[windowEndIndex, windowEndTimestamp, label index, score]` rows (JSON-sized). */
function compactPredictions(clips: readonly ClipPredictions[], labels: readonly string[]): Record<string, Array<[number, number, number, number]>> {
  return Object.fromEntries(clips.map((c) => [c.clip.name, c.predictions.map((p) => [p.windowEndIndex, Math.round(p.windowEndTimestamp), labels.indexOf(p.label), Number(p.score.toFixed(4))] as [number, number, number, number])]));
}

/**
 * The sources a model of `recipe` trains on and the clips its `stableGestures` settings are chosen on: the training
 * clips themselves, or (`recipe.trackerOn === 'validation'`) clips held back from training by `validationSplit`.
 *
 * @example
 * ```ts
 * const { trainSources, trackerClips } = trainingAndTrackerClips(sources, SWIPE_RECIPES['window-2s-val']);
 * ```
 */
export function trainingAndTrackerClips(sources: readonly RealSource[], recipe: SwipeRecipe): { trainSources: RealSource[]; trackerClips: RealClip[] } {
  if (recipe.trackerOn !== 'validation') return { trainSources: [...sources], trackerClips: sources.flatMap((s) => s.clips) };
  const { train, validation } = validationSplit(sources);
  return { trainSources: train, trackerClips: validation };
}

async function scoreHeldOut(
  heldPredictions: ClipPredictions[],
  labels: string[],
  held: RealSource,
  recipe: SwipeRecipe,
  tracker: GestureTrackerOptions,
  group: readonly string[],
  trainSeconds: number,
): Promise<HeldOutResult> {
  {
    const { matches, ...score } = scoreClips(heldPredictions, tracker, recipe.window.durationMs);
    const span = (e: { label: string; startFrame: number; endFrame: number }): string => `${e.label} ${e.startFrame}-${e.endFrame}`;
    const clips = held.clips
      .map((clip, i) => ({ name: clip.name, missed: matches[i]!.missed.map(span), falseSwipes: matches[i]!.falsePositiveEvents.map(span), other: matches[i]!.other.map(span) }))
      .filter((c) => c.missed.length + c.falseSwipes.length + c.other.length > 0);
    const table: Record<string, Record<string, number>> = {};
    for (const [t, row] of confusion(heldPredictions)) table[t] = Object.fromEntries(row);
    const result: HeldOutResult = {
      source: held.name,
      tracker,
      score,
      swipes: held.clips.reduce((n, c) => n + c.labels.filter((l) => l.label.startsWith('swipe_')).length, 0),
      clips,
      confusion: table,
      heldOutWith: [...group],
      labels,
      predictions: compactPredictions(heldPredictions, labels),
      trainSeconds,
    };
    return result;
  }
}
