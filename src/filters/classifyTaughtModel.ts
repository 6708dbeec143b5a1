import type { WindowContext } from '../types.js';
import { classifyWithTemplates, type TemplateVerdict } from './classifyWithTemplates.js';
import { recogniseSwipe } from './recogniseSwipe.js';
import { SWIPE_LABELS } from './swipeTypes.js';
import type { PreparedTemplates, TaughtGestureModel } from './templateTypes.js';

const SWIPES = SWIPE_LABELS.filter((l) => l !== 'none');

/**
 * The labels a taught model's classifier scores, in order: its taught gestures, then (with `model.swipes`) the four
 * swipes of the swipe recogniser, then `none`.
 *
 * @example
 * ```ts
 * import { taughtModelLabels } from 'posestream';
 * taughtModelLabels({ ...taught, swipes: {} }); // ['wave', 'swipe_left', 'swipe_right', 'swipe_up', 'swipe_down', 'none']
 * ```
 */
export function taughtModelLabels(model: Pick<TaughtGestureModel, 'labels' | 'swipes'>): string[] {
  const taught = model.labels.filter((l) => l !== 'none');
  return model.swipes === undefined ? [...taught, 'none'] : [...taught, ...SWIPES, 'none'];
}

/**
 * Classifies one packed window with a taught model: its templates ({@link classifyWithTemplates}) and, when the
 * model says `swipes`, the swipe recogniser beside them on the same window. Scores follow
 * {@link taughtModelLabels}; a reported swipe scores 1 (the recogniser decides by rules, not by distance) unless
 * a taught gesture scores 0.5 or more in the same window (the gesture the user taught wins: a taught "push" is not
 * also a swipe down), `none` is 1 minus the best gesture's score, and `match` is where the winner was found (a swipe: its stroke, from its
 * start to its stop). @internal
 */
export function classifyTaughtModel(prepared: PreparedTemplates, window: Float32Array, frames: number, context: WindowContext): TemplateVerdict {
  const taught = classifyWithTemplates(prepared, window, frames, context);
  if (prepared.swipes === undefined) return taught;
  const gestures = prepared.model.labels.length - 1; // the taught scores, then none
  const scores = new Float32Array(gestures + SWIPES.length + 1);
  scores.set(taught.scores.subarray(0, gestures));
  let taughtBest = 0;
  for (let i = 0; i < gestures; i++) taughtBest = Math.max(taughtBest, scores[i]!);
  // A taught gesture the window is close to wins over a swipe: the user taught it against their own movement.
  const verdict = recogniseSwipe(window, frames, context, prepared.swipes);
  if (taughtBest < 0.5) for (let k = 0; k < SWIPES.length; k++) scores[gestures + k] = verdict.scores[k]!;
  let best = 0;
  for (let i = 1; i < scores.length - 1; i++) if (scores[i]! > scores[best]!) best = i;
  scores[scores.length - 1] = 1 - scores[best]!;
  if (best < gestures) return taught.match === undefined || scores[best]! < 0.5 ? { scores } : { scores, match: taught.match };
  const stroke = verdict.stroke;
  if (verdict.label === 'none' || stroke === undefined || stroke.rejected !== undefined || scores[best]! === 0) return { scores };
  const dt = frames > 1 && context.spanMs > 0 ? context.spanMs / (frames - 1) : 50;
  const end = Math.max(0, Math.min(frames - 1, Math.round(frames - 1 - stroke.ageMs / dt)));
  const start = Math.max(0, Math.min(end, Math.round(end - stroke.durationMs / dt)));
  return { scores, match: { start, end } };
}
