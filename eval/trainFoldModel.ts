/**
 * One model of a leave-one-source-out fold, trained once: a model trained for a (recipe, held-out group) is saved
 * under the cache directory and loaded by any later run that would train the very same model (same
 * `trainingKey`, same held-out sources), so a seed ensemble reuses the single-seed recipes' models.
 */
import { createHash } from 'node:crypto';
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '../src/train/trainingTfjs.js';
import { loadTrainedModel, saveTrainedModel } from '../src/train/gestureModelFiles.js';
import { trainOnWindows } from '../src/train/trainOnWindows.js';
import type { LabelledWindow } from '../src/train/trainTypes.js';
import type { RealSource } from './realSources.js';
import { realWindows, recipeDrawWeight, recipeFeatures, trainingKey, type SwipeRecipe } from './swipeRecipe.js';

const foldModelKey = (recipe: SwipeRecipe, group: readonly string[]): string => `${trainingKey(recipe)} held out: ${[...group].sort().join('+')}`;

/**
 * Where {@link trainFoldModel} keeps the model of a single-seed `recipe` trained without the `group` sources:
 * `cacheDir/<first 16 hex digits of the sha256 of its training key and group>` (the key is written beside it, key.txt).
 *
 * @example
 * ```ts
 * const dir = foldModelDir('.cache/loso/models', SWIPE_RECIPES['window-2s'], ['kairess']);
 * ```
 */
export function foldModelDir(cacheDir: string, recipe: SwipeRecipe, group: readonly string[]): string {
  return join(cacheDir, createHash('sha256').update(foldModelKey(recipe, group)).digest('hex').slice(0, 16));
}

/**
 * Trains the fold's model of a single-seed `recipe` on `trainSources` plus `synthetic`, or loads it from
 * `cacheDir/<hash of trainingKey and group>/` when a run trained it before (absent `cacheDir`: always trains, keeps
 * nothing). Training is deterministic for a seed, so a loaded model is the one training would give.
 *
 * @example
 * ```ts
 * const { model, labels } = await trainFoldModel(trainSources, synthetic, seedMembers(recipe)[0]!, ['kairess'], '.cache/loso/models');
 * ```
 */
export async function trainFoldModel(
  trainSources: readonly RealSource[],
  synthetic: readonly LabelledWindow[],
  recipe: SwipeRecipe,
  group: readonly string[],
  cacheDir?: string,
): Promise<{ model: tf.LayersModel; labels: string[]; cached: boolean }> {
  const dir = cacheDir === undefined ? undefined : foldModelDir(cacheDir, recipe, group);
  if (dir && (await access(join(dir, 'model.json')).then(() => true, () => false))) {
    const { model, labels } = await loadTrainedModel(dir);
    return { model, labels, cached: true };
  }
  const windows = [...realWindows(trainSources, recipe), ...synthetic];
  const { name: features, transform } = recipeFeatures(recipe);
  const { model, labels } = await trainOnWindows({
    windows, drawWeight: recipeDrawWeight(recipe, windows), features: transform, frames: recipe.window.frames, epochs: recipe.epochs, perClass: recipe.perClass, seed: recipe.seed,
    onEpoch: (p) => process.stderr.write(`[${group.join('+')} ${recipe.name} seed ${recipe.seed}] epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(3)} acc ${(p.accuracy * 100).toFixed(1)}%\n`),
  });
  if (dir) {
    const fps = (recipe.window.frames * 1000) / recipe.window.durationMs;
    await saveTrainedModel(dir, model, { features, frames: recipe.window.frames, fps, durationMs: recipe.window.durationMs, labels });
    await writeFile(join(dir, 'key.txt'), `${foldModelKey(recipe, group)}\n`);
  }
  return { model, labels, cached: false };
}
