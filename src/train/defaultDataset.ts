import { loadKairess } from '../data/loadKairess.js';
import { createRng, type Rng } from './createRng.js';
import { readKeypointShapes, shapesFromSequence, type HandShape } from './handShapes.js';
import { SWIPE_DIRECTIONS, synthesizeIdle, synthesizeSwipe, type SwipeLabel } from './synthesizeGestures.js';
import { sequencesFromFrames } from './sequencesFromFrames.js';
import { timeBlockSplit } from './timeBlockSplit.js';
import type { LabelledSequence } from './trainTypes.js';

/** Options of {@link buildDefaultDataset}. */
export interface DefaultDatasetOptions {
  /** Directory of the kairess `raw_*.npy` takes. */
  kairessDir: string;
  /** Kazuhito00 `keypoint.csv`. */
  keypointCsv: string;
  /** @default 1 */
  seed?: number;
  /** Synthetic swipe clips per direction for training; a quarter as many for validation. @default 120 */
  swipeClips?: number;
  /** Synthetic idle clips for training; a quarter as many for validation. @default 120 */
  idleClips?: number;
  /** Time blocks per take; the last block is held out (must match the training options). @default 5 */
  blocks?: number;
}

/** The default model's data: the real kairess takes plus synthetic swipe and idle clips. */
export interface DefaultDataset {
  sequences: LabelledSequence[];
  trainClips: LabelledSequence[];
  validationClips: LabelledSequence[];
}

/**
 * Assembles the data the default model is trained on. Real `come` / `away` / `spin` takes (kairess, 15 fps, one
 * label over the whole take). Swipes and idle come from synthesis (`synthesizeSwipe` / `synthesizeIdle`) around
 * REAL hand shapes: kairess frames from the training blocks of each take only, and Kazuhito00 keypoint shapes
 * (odd rows for training clips, even rows for validation clips), each scaled to a random palm size. Validation
 * clips use kairess shapes from the held-out blocks and their own random stream.
 *
 * Internal: one of the repository's dataset recipes (scripts/ and eval/ import it; no public entry exports it).
 *
 * @example
 * ```ts
 * import { buildDefaultDataset } from '../src/train/defaultDataset.js'; // scripts/train-default.ts
 * const data = await buildDefaultDataset({ kairessDir, keypointCsv, seed: 1 });
 * ```
 * @internal
 */
export async function buildDefaultDataset(options: DefaultDatasetOptions): Promise<DefaultDataset> {
  const seed = options.seed ?? 1;
  const blocks = options.blocks ?? 5;
  const takes = await loadKairess(options.kairessDir);
  const sequences = takes.flatMap((take) =>
    sequencesFromFrames(take.frames, [{ label: take.label, startFrame: 0, endFrame: take.frames.length - 1 }], take.file, { fps: 15 }),
  );
  const keypoints = await readKeypointShapes(options.keypointCsv, { palm: 0.12 });
  const trainShapes: HandShape[] = keypoints.filter((_, i) => i % 20 === 1);
  const valShapes: HandShape[] = keypoints.filter((_, i) => i % 20 === 0);
  for (const sequence of sequences) {
    const split = timeBlockSplit(sequence.length, { blocks });
    trainShapes.push(...shapesFromSequence(sequence, split.train, 3));
    valShapes.push(...shapesFromSequence(sequence, split.validation, 3));
  }
  const swipeClips = options.swipeClips ?? 120;
  const idleClips = options.idleClips ?? 120;
  return {
    sequences,
    trainClips: clips(createRng(seed * 7919 + 1), trainShapes, swipeClips, idleClips),
    validationClips: clips(createRng(seed * 7919 + 2), valShapes, Math.ceil(swipeClips / 4), Math.ceil(idleClips / 4)),
  };
}

function clips(rng: Rng, shapes: readonly HandShape[], swipes: number, idle: number): LabelledSequence[] {
  const out: LabelledSequence[] = [];
  const palm = (shape: HandShape): number => Math.max(1e-6, Math.hypot(shape[27] as number, shape[28] as number));
  const sized = (): HandShape => {
    const s = Math.exp(rng.uniform(Math.log(0.6), Math.log(1.8)));
    const base = rng.pick(shapes);
    return base.map((v) => (v * s * 0.12) / palm(base));
  };
  for (const label of Object.keys(SWIPE_DIRECTIONS) as SwipeLabel[]) {
    for (let i = 0; i < swipes; i++) out.push(synthesizeSwipe(label, sized(), rng));
  }
  for (let i = 0; i < idle; i++) {
    const a = sized();
    const b = rng.pick(shapes);
    const k = palm(a) / palm(b);
    out.push(synthesizeIdle(a, b.map((v) => v * k), rng));
  }
  return out;
}
