/**
 * Leave-one-source-out evaluation of a training recipe: for each real source in turn, train on all the OTHER real
 * sources plus the synthetic clips, choose the `stableGestures` settings on those training clips only, and score
 * the held-out source at event level (swipe precision/recall, false swipes per minute of non-swipe video) and
 * window level (confusion counts). A recipe with `agreeWith` trains its second model in every fold too and scores
 * the two models' agreement (`agreePredictions`). Sources can be held out in groups (one model trained without all of them, each
 * scored on its own): stricter than one at a time (less training data), and fewer trainings on a busy machine.
 */
import type { GestureTrackerOptions } from '../src/filters/handMathTypes.js';
import { trainOnWindows } from '../src/train/trainOnWindows.js';
import type { LabelledWindow } from '../src/train/trainTypes.js';
import type { RealClip, RealSource } from './realSources.js';
import { validationSplit } from './validationSplit.js';
import { agreePredictions } from './agreePredictions.js';
import { chooseTracker, confusion, predictClips, scoreClips, type ClipPredictions, type SourceScore } from './sourceEvaluation.js';
import { realWindows, recipeDrawWeight, recipeFeatures, type SwipeRecipe } from './swipeRecipe.js';

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
}

/**
 * Runs the folds (one per source) for `recipe`. `synthetic` windows are always in the training set.
 *
 * @example
 * ```ts
 * const table = await leaveOneSourceOut(sources, synthetic, SWIPE_RECIPES['window-2s']);
 * ```
 */
export async function leaveOneSourceOut(
  sources: readonly RealSource[],
  synthetic: readonly LabelledWindow[],
  recipe: SwipeRecipe,
  onFold?: (result: HeldOutResult) => void,
  groups: ReadonlyArray<readonly string[]> = sources.map((s) => [s.name]),
  agreeSynthetic: readonly LabelledWindow[] = [],
): Promise<HeldOutResult[]> {
  const results: HeldOutResult[] = [];
  for (const group of groups) {
    const t0 = performance.now();
    const { trainSources, trackerClips } = trainingAndTrackerClips(sources.filter((s) => !group.includes(s.name)), recipe);
    const first = await trainFold(trainSources, synthetic, recipe, group);
    const second = recipe.agreeWith ? await trainFold(trainSources, agreeSynthetic, recipe.agreeWith, group) : undefined;
    const predict = async (clips: readonly RealClip[]): Promise<ClipPredictions[]> => {
      const a = await predictClips(first.model, first.labels, clips, recipe.window, recipeFeatures(recipe).transform);
      if (!second || !recipe.agreeWith) return a;
      return agreePredictions(a, await predictClips(second.model, second.labels, clips, recipe.agreeWith.window, recipeFeatures(recipe.agreeWith).transform));
    };
    const trackerPredictions = await predict(trackerClips);
    const tracker = chooseTracker(trackerPredictions, recipe.window.durationMs);
    for (const held of sources.filter((s) => group.includes(s.name))) {
      const result = await scoreHeldOut(await predict(held.clips), first.labels, held, recipe, tracker, group, (performance.now() - t0) / 1000);
      result.trackerPredictions = compactPredictions(trackerPredictions, first.labels);
      onFold?.(result);
      results.push(result);
    }
    first.model.dispose();
    second?.model.dispose();
  }
  return results;
}

/** Predictions per clip name as `[windowEndIndex, windowEndTimestamp, label index, score]` rows (JSON-sized). */
function compactPredictions(clips: readonly ClipPredictions[], labels: readonly string[]): Record<string, Array<[number, number, number, number]>> {
  return Object.fromEntries(clips.map((c) => [c.clip.name, c.predictions.map((p) => [p.windowEndIndex, Math.round(p.windowEndTimestamp), labels.indexOf(p.label), Number(p.score.toFixed(4))] as [number, number, number, number])]));
}

/** Trains one model of `recipe` on the fold's training sources plus the synthetic windows. */
async function trainFold(trainSources: readonly RealSource[], synthetic: readonly LabelledWindow[], recipe: SwipeRecipe, group: readonly string[]): ReturnType<typeof trainOnWindows> {
  const windows = [...realWindows(trainSources, recipe), ...synthetic];
  return trainOnWindows({
    windows, drawWeight: recipeDrawWeight(recipe, windows), features: recipeFeatures(recipe).transform, frames: recipe.window.frames, epochs: recipe.epochs, perClass: recipe.perClass, seed: recipe.seed,
    onEpoch: (p) => process.stderr.write(`[${group.join('+')} ${recipe.name}] epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(3)} acc ${(p.accuracy * 100).toFixed(1)}%\n`),
  });
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
