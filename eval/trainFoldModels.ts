/**
 * The models of one leave-one-source-out fold and how they predict: one model per seed member of a recipe (and of
 * its `agreeWith` recipe), each trained without the fold's held-out sources or loaded from the fold model cache
 * (`trainFoldModel`), scored per member and as the recipe's ensemble.
 */
import type { LabelledWindow } from '../src/train/trainTypes.js';
import type { RealClip, RealSource } from './realSources.js';
import { agreePredictions } from './agreePredictions.js';
import { averagePredictions } from './averagePredictions.js';
import { trainFoldModel } from './trainFoldModel.js';
import { predictClips, type ClipPredictions } from './sourceEvaluation.js';
import { recipeFeatures, seedMembers, type SwipeRecipe } from './swipeRecipe.js';

type FoldModel = Awaited<ReturnType<typeof trainFoldModel>>;

/** What {@link trainFoldModels} gives: the fold's labels, a predictor and the models' release. */
export interface FoldModels {
  /** The first member's labels (every member of a fold is trained on the same data: the same labels). */
  labels: string[];
  /** Whether each seed member's model(s) came from the cache, in `seedMembers(recipe)` order. */
  cached: boolean[];
  /**
   * Predicts `clips` with every model: `perMember` (a member's pair multiplied when `agreeWith`) and `ensemble`
   * (the members of each window length averaged, then the two lengths multiplied).
   */
  predict(clips: readonly RealClip[]): Promise<{ ensemble: ClipPredictions[]; perMember: ClipPredictions[][] }>;
  dispose(): void;
}

/**
 * Trains (or loads) the models of `recipe` for a fold that holds out `group`, on `trainSources` plus each member's
 * synthetic windows (`syntheticFor(member)`).
 *
 * @example
 * ```ts
 * const fold = await trainFoldModels(others, ['kairess'], SWIPE_RECIPES['window-2s'], syntheticFor, '.cache/loso/models');
 * const { ensemble } = await fold.predict(kairess.clips);
 * fold.dispose();
 * ```
 */
export async function trainFoldModels(
  trainSources: readonly RealSource[],
  group: readonly string[],
  recipe: SwipeRecipe,
  syntheticFor: (member: SwipeRecipe) => Promise<readonly LabelledWindow[]>,
  cacheDir?: string,
): Promise<FoldModels> {
  const members = seedMembers(recipe);
  const agreeMembers = recipe.agreeWith ? seedMembers({ ...recipe.agreeWith, seeds: recipe.seeds ?? [recipe.agreeWith.seed] }) : [];
  const firsts: FoldModel[] = [];
  for (const m of members) firsts.push(await trainFoldModel(trainSources, await syntheticFor(m), m, group, cacheDir));
  const seconds: FoldModel[] = [];
  for (const m of agreeMembers) seconds.push(await trainFoldModel(trainSources, await syntheticFor(m), m, group, cacheDir));
  return {
    labels: firsts[0]!.labels,
    cached: firsts.map((f, k) => f.cached && (seconds[k]?.cached ?? true)),
    async predict(clips) {
      const a: ClipPredictions[][] = [];
      for (const [k, f] of firsts.entries()) a.push(await predictClips(f.model, f.labels, clips, recipe.window, recipeFeatures(members[k]!).transform));
      const b: ClipPredictions[][] = [];
      for (const [k, f] of seconds.entries()) b.push(await predictClips(f.model, f.labels, clips, agreeMembers[k]!.window, recipeFeatures(agreeMembers[k]!).transform));
      const perMember = a.map((x, k) => (b[k] ? agreePredictions(x, b[k]) : x));
      const avgA = a.length > 1 ? averagePredictions(a) : a[0]!;
      const ensemble = b.length === 0 ? avgA : agreePredictions(avgA, b.length > 1 ? averagePredictions(b) : b[0]!);
      return { ensemble, perMember };
    },
    dispose() {
      for (const f of [...firsts, ...seconds]) f.model.dispose();
    },
  };
}
