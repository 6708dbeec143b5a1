import type * as tf from './trainingTfjs.js';
import { cutWindows, extractWindow, type WindowRef } from './cutWindows.js';
import { gestureReport } from './gestureReport.js';
import { predictWindows } from './predictWindows.js';
import { resampleSequence } from './resampleSequence.js';
import { timeBlockSplit } from './timeBlockSplit.js';
import type { GestureReport, LabelledSequence } from './trainTypes.js';

/** Options of {@link evaluateGestureModel}. */
export interface EvaluateOptions {
  /** Frame rate the model's windows were sampled at (sequences are resampled to it). @default 30 */
  fps?: number;
  /** Frames between window ends. @default 1 */
  stride?: number;
  /** Only evaluate the held-out block of `blocks` time blocks per sequence (what training validated on). @default undefined (all) */
  blocks?: number;
  /** Label for windows touching no span (when the model has it). @default 'none' */
  unlabelled?: string;
}

/** What {@link evaluateGestureModel} resolves to. */
export interface EvaluateGestureResult {
  /** Accuracy, per-class figures and the confusion matrix over the windows whose label the model knows. */
  report: GestureReport;
  /** Windows left out because the model does not know their label: count per label. */
  unknown: Record<string, number>;
}

/**
 * Runs a gesture model over labelled sequences and reports accuracy, per-class precision/recall and the
 * confusion matrix. Windows whose label the model does not know are left out (their count is returned).
 *
 * @example
 * ```ts
 * import { evaluateGestureModel, loadTrainedModel } from 'posestream/train';
 * const { model, labels, frames } = await loadTrainedModel('models/default');
 * const { report } = await evaluateGestureModel(model, labels, frames, sequences);
 * ```
 */
export async function evaluateGestureModel(
  model: tf.LayersModel,
  labels: readonly string[],
  frames: number,
  sequences: readonly LabelledSequence[],
  options: EvaluateOptions = {},
): Promise<EvaluateGestureResult> {
  const index = new Map(labels.map((l, i) => [l, i]));
  const unlabelled = options.unlabelled ?? 'none';
  const refs: WindowRef[] = [];
  for (const raw of sequences) {
    const sequence = resampleSequence(raw, options.fps ?? 30);
    const ranges = options.blocks !== undefined ? timeBlockSplit(sequence.length, { blocks: options.blocks }).validation : undefined;
    refs.push(
      ...cutWindows(sequence, {
        size: frames,
        stride: options.stride ?? 1,
        ...(ranges ? { ranges } : {}),
        ...(index.has(unlabelled) ? { unlabelled } : {}),
      }),
    );
  }
  const unknown: Record<string, number> = {};
  const known = refs.filter((r) => {
    if (index.has(r.label)) return true;
    unknown[r.label] = (unknown[r.label] ?? 0) + 1;
    return false;
  });
  const { classes } = await predictWindows(model, known.map((r) => extractWindow(r, frames)), frames);
  const report = gestureReport(labels, known.map((r) => index.get(r.label)!), classes, known.map((r) => r.sequence.source));
  return { report, unknown };
}
