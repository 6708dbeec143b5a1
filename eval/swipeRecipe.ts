/**
 * The default model's training recipe and the windows it is trained on: real sources (eval/realSources.ts) plus
 * synthetic swipes and idle hands around real hand shapes, every clip cut by `poseFrameWindows` (the live
 * pipeline's own `slidingWindow`, resampled by timestamp) at several playback speeds (time-stretch augmentation).
 * Used by scripts/train-real.ts and by the leave-one-source-out evaluation (scripts/loso.ts, `npm run eval`), so
 * both train the same way.
 */
import { resolve } from 'node:path';
import { createRng, type Rng } from '../src/train/createRng.js';
import { framesFromSequence } from '../src/train/framesFromSequence.js';
import { readKeypointShapes, type HandShape } from '../src/train/handShapes.js';
import { poseFrameWindows } from '../src/train/poseFrameWindows.js';
import { SWIPE_DIRECTIONS, synthesizeIdle, synthesizeSwipe, type SwipeLabel } from '../src/train/synthesizeGestures.js';
import type { LabelledWindow } from '../src/train/trainTypes.js';
import { synthesizeNonSwipe } from '../src/train/synthesizeNonSwipe.js';
import { readPointHistoryTracks, type PointHistoryLabel } from '../src/train/readPointHistoryTracks.js';
import { synthesizeTrackMotion } from '../src/train/synthesizeTrackMotion.js';
import type { RealSource } from './realSources.js';
import { WINDOW_FEATURES } from '../src/filters/windowFeatures.js';
import { FEATURE_TRANSFORMS, type FeatureTransform } from '../src/workers/modelFeatures.js';

/** A training recipe: what the leave-one-source-out table compares. */
export interface SwipeRecipe {
  name: string;
  /** The model's window (`DEFAULT_MODEL_SETTINGS.window` if it were shipped). */
  window: { frames: number; durationMs: number };
  /** Playback speeds each real clip is cut at (x slower: 2 = half speed). */
  timeScales: readonly number[];
  /** Synthetic swipe duration range (s), clips per direction, idle clips. */
  syntheticSwipe: { duration: readonly [number, number]; clips: number };
  syntheticIdle: number;
  /** Synthetic hands moving without swiping (wave, circle, push, shake; `synthesizeNonSwipe`), clips. @default 0 */
  syntheticNonSwipe?: number;
  /**
   * Real fingertip tracks of Kazuhito00 `point_history.csv` (`readPointHistoryTracks`) driving real hand shapes
   * (`synthesizeTrackMotion`): `clips` unlabelled clips, tracks of the given classes only. @default none
   */
  trackNonSwipe?: { clips: number; labels: readonly PointHistoryLabel[] };
  /**
   * How training draws the `none` windows: `window` = each window as often as any other (sources with many windows,
   * like the seniormars still palms, dominate); `source` = each source of `none` windows (a real source, the
   * synthetic clips, the Kazuhito00 tracks) as often as any other, so the few real moving hands are drawn more.
   * @default 'window'
   */
  noneDraws?: 'window' | 'source';
  /**
   * A second recipe (another window length) trained alongside in every fold: every label scored by the product of
   * both models' scores on the windows ending at the same frame (`agreePredictions`: a soft AND). @default none
   */
  agreeWith?: SwipeRecipe;
  /** The model's input transform (a name of `FEATURE_TRANSFORMS`, written into model.json). @default 'wrist-trajectory-v1' */
  features?: string;
  /**
   * Where the `stableGestures` settings are chosen: `training` = on the training clips themselves (in-sample);
   * `validation` = on clips held back from training (`validationSplit`: every 5th clip, or the last 20 % of each
   * long take), the model then trained on the rest only; `inner-folds` = on out-of-sample predictions of every
   * training source, each predicted by models trained without it (a nested leave-one-source-out: the same models,
   * 1 more training per pair of sources). @default 'training'
   */
  trackerOn?: 'training' | 'validation' | 'inner-folds';
  /** Training: epochs, windows drawn per class per epoch, seed. */
  epochs: number;
  perClass: number;
  seed: number;
  /**
   * A seed ensemble: one model per seed (each with that seed for its initial weights, synthetic clips, augmentation
   * and draws; `seed` is then unused), scored by the mean of their softmax outputs window by window
   * (`averagePredictions`) before the tracker. With `agreeWith`, its recipe is trained with the same seeds and
   * averaged the same way before the two are multiplied. @default [seed]
   */
  seeds?: readonly number[];
}

/** The two base recipes: a 2 s and a 1 s window over the same real data, time-stretch and training. */
const WINDOW_2S: SwipeRecipe = {
  name: 'window-2s',
  window: { frames: 30, durationMs: 2000 },
  timeScales: [0.6, 0.8, 1, 1.4, 2],
  syntheticSwipe: { duration: [0.3, 2.0], clips: 60 },
  syntheticIdle: 150,
  epochs: 10,
  perClass: 150,
  seed: 1,
};
const WINDOW_1S: SwipeRecipe = { ...WINDOW_2S, name: 'window-1s', window: { frames: 30, durationMs: 1000 }, syntheticSwipe: { duration: [0.3, 1.0], clips: 60 } };

/** The recipes the leave-one-source-out tables compare (`tsx scripts/loso.ts <name>`): the bases and variants of one change each. */
export const SWIPE_RECIPES: Record<string, SwipeRecipe> = {
  'window-2s': WINDOW_2S,
  'window-1s': WINDOW_1S,
  'palm-1s': { ...WINDOW_1S, name: 'palm-1s', features: 'palm-motion-v1' },
  'window-1s-moving': { ...WINDOW_1S, name: 'window-1s-moving', syntheticNonSwipe: 200 },
  'window-2s-long': { ...WINDOW_2S, name: 'window-2s-long', epochs: 20, perClass: 250 },
  'window-2s-val': { ...WINDOW_2S, name: 'window-2s-val', trackerOn: 'validation' },
  // real fingertip circles and a still pointing hand (Kazuhito00; its straight 'move' strokes are swipe-like: not used)
  'window-2s-tracks': { ...WINDOW_2S, name: 'window-2s-tracks', trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] } },
  // each source of none windows drawn as often as the others (the real moving hands: ~15 % of none draws -> half or more)
  // the same recipe with another seed (initial weights, augmentation, draws): how much of a difference between two
  // recipes' tables is the seed alone
  'window-2s-seed2': { ...WINDOW_2S, name: 'window-2s-seed2', seed: 2 },
  // a 2 s and a 1 s model that must agree window by window (product of their scores)
  'window-2s-and-1s': { ...WINDOW_2S, name: 'window-2s-and-1s', agreeWith: WINDOW_1S },
  // both of the pair also trained on the Kazuhito00 tracks (which made more away / dandan1232 windows none)
  'window-2s-and-1s-tracks': {
    ...WINDOW_2S,
    name: 'window-2s-and-1s-tracks',
    trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] },
    agreeWith: { ...WINDOW_1S, name: 'window-1s-tracks', trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] } },
  },
  'window-2s-and-1s-seed2': { ...WINDOW_2S, name: 'window-2s-and-1s-seed2', seed: 2, agreeWith: { ...WINDOW_1S, name: 'window-1s-seed2', seed: 2 } },
  'window-2s-and-1s-tracks-seed2': {
    ...WINDOW_2S,
    name: 'window-2s-and-1s-tracks-seed2',
    seed: 2,
    trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] },
    agreeWith: { ...WINDOW_1S, name: 'window-1s-tracks-seed2', seed: 2, trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] } },
  },
  'window-2s-hardneg': { ...WINDOW_2S, name: 'window-2s-hardneg', noneDraws: 'source' },
  // seed ensembles: the same recipe trained with seeds 1, 2, 3 (seed 1 and 2 are the models of `window-2s` and
  // `window-2s-seed2`), softmax outputs averaged before the tracker
  'window-2s-seeds123': { ...WINDOW_2S, name: 'window-2s-seeds123', seeds: [1, 2, 3] },
  // two seeds: what an ensemble at about the 15 ms budget would be (members shared with the ones above)
  'window-2s-seeds12': { ...WINDOW_2S, name: 'window-2s-seeds12', seeds: [1, 2] },
  // the settings chosen on out-of-sample predictions of the training sources (nested leave-one-source-out), not on
  // the clips the models were trained on; the models are those of the recipes without `-nested`
  'window-2s-nested': { ...WINDOW_2S, name: 'window-2s-nested', trackerOn: 'inner-folds' },
  'window-2s-seed2-nested': { ...WINDOW_2S, name: 'window-2s-seed2-nested', seed: 2, trackerOn: 'inner-folds' },
  'window-2s-and-1s-tracks-nested': {
    ...WINDOW_2S,
    name: 'window-2s-and-1s-tracks-nested',
    trackerOn: 'inner-folds',
    trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] },
    agreeWith: { ...WINDOW_1S, name: 'window-1s-tracks', trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] } },
  },
  'window-2s-and-1s-tracks-seed2-nested': {
    ...WINDOW_2S,
    name: 'window-2s-and-1s-tracks-seed2-nested',
    seed: 2,
    trackerOn: 'inner-folds',
    trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] },
    agreeWith: { ...WINDOW_1S, name: 'window-1s-tracks-seed2', seed: 2, trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] } },
  },
  'window-2s-and-1s-tracks-seeds123': {
    ...WINDOW_2S,
    name: 'window-2s-and-1s-tracks-seeds123',
    seeds: [1, 2, 3],
    trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] },
    agreeWith: { ...WINDOW_1S, name: 'window-1s-tracks', trackNonSwipe: { clips: 300, labels: ['stop', 'clockwise', 'counter-clockwise'] } },
  },
};

/**
 * The single-seed recipes a recipe's models are trained with: one per `recipe.seeds` (the recipe itself with that
 * `seed` and no `seeds`), or the recipe alone.
 *
 * @example
 * ```ts
 * const members = seedMembers(SWIPE_RECIPES['window-2s-seeds123']); // seeds 1, 2, 3
 * ```
 */
export function seedMembers(recipe: SwipeRecipe): SwipeRecipe[] {
  const { seeds, ...single } = recipe;
  return (seeds ?? [recipe.seed]).map((seed) => ({ ...single, seed }));
}

/**
 * A key that names what a model of `recipe` is trained on and how (window, data, draws, features, training, seed;
 * not the recipe's name nor its tracker rule), so two recipes that train the same model share it
 * (`trainFoldModel`'s cache: `window-2s` and seed 1 of `window-2s-seeds123`).
 *
 * @example
 * ```ts
 * const key = trainingKey(seedMembers(recipe)[0]!);
 * ```
 */
export function trainingKey(recipe: SwipeRecipe): string {
  const { name: _name, seeds: _seeds, agreeWith: _agree, ...training } = recipe;
  const parts = { ...training, syntheticNonSwipe: training.syntheticNonSwipe ?? 0, trackerOn: training.trackerOn === 'validation' ? 'validation' : 'training', noneDraws: training.noneDraws ?? 'window', features: training.features ?? WINDOW_FEATURES };
  return JSON.stringify(Object.fromEntries(Object.entries(parts).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * The input transform of a recipe's model (what training, evaluation and the classifier worker apply).
 *
 * @example
 * ```ts
 * const features = recipeFeatures(SWIPE_RECIPES['palm-1s']);
 * ```
 */
export function recipeFeatures(recipe: SwipeRecipe): { name: string; transform: FeatureTransform } {
  const name = recipe.features ?? WINDOW_FEATURES;
  const transform = FEATURE_TRANSFORMS[name];
  if (!transform) throw new Error(`recipe ${recipe.name}: unknown features ${name}; known: ${Object.keys(FEATURE_TRANSFORMS).join(', ')}`);
  return { name, transform };
}

/**
 * The within-class draw weights `trainOnWindows` takes for a recipe (`recipe.noneDraws`), or undefined when every
 * window is drawn equally often. With `source`, a `none` window weighs 1 / (number of `none` windows of its source),
 * the source being the part of `window.source` before the first `/` or `:` (`seniormars`, `synthetic`, `kazuhito00`).
 *
 * @example
 * ```ts
 * const drawWeight = recipeDrawWeight(SWIPE_RECIPES['window-2s-hardneg'], windows);
 * ```
 */
export function recipeDrawWeight(recipe: SwipeRecipe, windows: readonly LabelledWindow[]): ((w: LabelledWindow) => number) | undefined {
  if ((recipe.noneDraws ?? 'window') === 'window') return undefined;
  const group = (w: LabelledWindow): string => w.source.split(/[/:]/)[0] as string;
  const counts = new Map<string, number>();
  for (const w of windows) if (w.label === 'none') counts.set(group(w), (counts.get(group(w)) ?? 0) + 1);
  return (w) => (w.label === 'none' ? 1 / (counts.get(group(w)) as number) : 1);
}

/**
 * Training windows from the given real sources: every clip at every `timeScales` speed. Dense sources are thinned
 * (stride) so no single long take dominates a class.
 *
 * @example
 * ```ts
 * const windows = realWindows(sources.filter((s) => s.name !== 'asl-hand'), SWIPE_RECIPES['window-2s']);
 * ```
 */
export function realWindows(sources: readonly RealSource[], recipe: SwipeRecipe): LabelledWindow[] {
  const out: LabelledWindow[] = [];
  for (const source of sources) {
    for (const clip of source.clips) {
      for (const timeScale of recipe.timeScales) {
        const stride = source.name === 'kairess' ? 3 : 1;
        out.push(...poseFrameWindows(clip.frames, clip.labels, { window: recipe.window, timeScale, stride, source: `${source.name}/${clip.name}` }));
      }
    }
  }
  return out;
}

/**
 * Synthetic training windows: swipes of `recipe.syntheticSwipe.duration` in every direction and idle hands
 * (still, drifting slowly, changing shape) around real hand shapes (Kazuhito00 keypoint poses and, when given,
 * kairess frames), cut like the real clips.
 *
 * @example
 * ```ts
 * const windows = await syntheticWindows(resolve(root, '../shared/data'), recipe);
 * ```
 */
export async function syntheticWindows(dataDir: string, recipe: SwipeRecipe, extraShapes: readonly HandShape[] = []): Promise<LabelledWindow[]> {
  const rng = createRng(recipe.seed * 7919 + 1);
  const keypoints = await readKeypointShapes(resolve(dataDir, 'landmarks/kazuhito00-hand-gesture/keypoint.csv'), { palm: 0.12 });
  const shapes: HandShape[] = [...keypoints.filter((_, i) => i % 20 === 1), ...extraShapes];
  const out: LabelledWindow[] = [];
  const cut = (clip: { labels: Array<{ label: string; startFrame: number; endFrame: number }> } & Parameters<typeof framesFromSequence>[0]): void => {
    out.push(...poseFrameWindows(framesFromSequence(clip), clip.labels, { window: recipe.window, stride: 2, source: clip.source }));
  };
  for (const label of Object.keys(SWIPE_DIRECTIONS) as SwipeLabel[]) {
    for (let i = 0; i < recipe.syntheticSwipe.clips; i++) cut(padClip(synthesizeSwipe(label, sized(rng, shapes), rng, { duration: recipe.syntheticSwipe.duration }), recipe.window.durationMs));
  }
  for (let i = 0; i < recipe.syntheticIdle; i++) {
    const a = sized(rng, shapes);
    const b = rng.pick(shapes);
    const k = palm(a) / palm(b);
    cut(padClip(synthesizeIdle(a, b.map((v) => v * k), rng), recipe.window.durationMs));
  }
  for (let i = 0; i < (recipe.syntheticNonSwipe ?? 0); i++) cut(synthesizeNonSwipe(sized(rng, shapes), rng));
  if (recipe.trackNonSwipe) {
    const wanted = recipe.trackNonSwipe.labels;
    const tracks = (await readPointHistoryTracks(resolve(dataDir, 'landmarks/kazuhito00-hand-gesture/point_history.csv'))).filter((t) => wanted.includes(t.label));
    // a class first (each as likely), then one of its tracks
    const byLabel = wanted.map((label) => tracks.filter((t) => t.label === label));
    for (let i = 0; i < recipe.trackNonSwipe.clips; i++) cut(synthesizeTrackMotion(rng.pick(rng.pick(byLabel)), sized(rng, shapes), rng));
  }
  return out;
}

const palm = (shape: HandShape): number => Math.max(1e-6, Math.hypot(shape[27] as number, shape[28] as number));

function sized(rng: Rng, shapes: readonly HandShape[]): HandShape {
  const s = Math.exp(rng.uniform(Math.log(0.6), Math.log(1.8)));
  const base = rng.pick(shapes);
  return base.map((v) => (v * s * 0.12) / palm(base));
}

/** Holds a clip's first frame still before it so that its start fits a window of `durationMs`. */
function padClip<T extends { fps: number; length: number; frames: Float32Array; labels: Array<{ label: string; startFrame: number; endFrame: number }> }>(clip: T, durationMs: number): T {
  const lead = Math.ceil((durationMs / 1000) * clip.fps * 0.6);
  const frames = new Float32Array((clip.length + lead) * 63);
  for (let i = 0; i < lead; i++) frames.set(clip.frames.subarray(0, 63), i * 63);
  frames.set(clip.frames, lead * 63);
  return { ...clip, length: clip.length + lead, frames, labels: clip.labels.map((l) => ({ ...l, startFrame: l.startFrame + lead, endFrame: l.endFrame + lead })) };
}

/**
 * The recipe scripts/train-real.ts trains and `npm run eval` shows the leave-one-source-out table of. Not shipped
 * (docs/evaluation.md says why); `npm run train:default` still reproduces the current default model.
 */
export const CANDIDATE_RECIPE = 'window-2s';
