/**
 * posestream/angular: the live hand-gesture pipeline for Angular 21 (an optional peer), without decorators:
 * `provideHandGestures(options)` and `injectHandGestures()` giving signals and Observables, cleaned up through
 * `DestroyRef`. Works in zoneless and zone.js apps; per-frame work never runs change detection.
 *
 * @example
 * ```ts
 * import { injectHandGestures } from 'posestream/angular';
 * const hands = injectHandGestures(); // in a component's field initialiser
 * ```
 *
 * @module posestream/angular
 */
export { injectHandGestures } from './injectHandGestures.js';
export { provideHandGestures, HAND_GESTURES_OPTIONS } from './provideHandGestures.js';
export { injectGestureTrainer } from './injectGestureTrainer.js';
export type { InjectHandGesturesOptions, HandGestures, InjectGestureTrainerOptions, HandGestureTrainer } from './angularTypes.js';
export { INITIAL_GESTURE_TRAINER_STATE, type GestureTrainerState, type GestureTrainerStatus } from '../adapters/trainerTypes.js';
export type { GestureTrainerOptions } from '../workers/createGestureTrainer.js';
export type { TeachingInput, GestureExample, LabelledRecording, TeachOptions, TeachProgress, TeachDone } from '../teach/teachTypes.js';
export type { TaughtGestureModel } from '../filters/templateTypes.js';
export type { HandGesturePipelineInfo } from '../pipeline/pipelineTypes.js';
export type { HandGesturePipeline, HandGesturePipelineOptions, HandGesturePipelineStatus, HandGestureSource, HandGestureAssets } from '../pipeline/pipelineTypes.js';
