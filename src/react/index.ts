'use client';
/**
 * posestream/react: the live hand-gesture pipeline as a React hook (React 18 or later, an optional peer).
 * Server-safe to import: nothing touches `window` until an effect runs in a browser.
 *
 * @example
 * ```tsx
 * import { useHandGestures } from 'posestream/react';
 * const { gesture, status, videoRef } = useHandGestures();
 * ```
 *
 * @module posestream/react
 */
export { useHandGestures } from './useHandGestures.js';
export { useGestureTrainer } from './useGestureTrainer.js';
export { INITIAL_HAND_GESTURES_STATE } from './reactTypes.js';
export type { UseHandGesturesOptions, UseHandGesturesResult, HandGesturesState, UseGestureTrainerOptions, UseGestureTrainerResult } from './reactTypes.js';
export { INITIAL_GESTURE_TRAINER_STATE, type GestureTrainerState, type GestureTrainerStatus } from '../adapters/trainerTypes.js';
export type { GestureTrainerOptions } from '../workers/createGestureTrainer.js';
export type { TeachingInput, GestureExample, LabelledRecording, TeachOptions, TeachProgress, TeachDone } from '../teach/teachTypes.js';
export type { TaughtGestureModel } from '../filters/templateTypes.js';
export type { HandGesturePipelineInfo } from '../pipeline/pipelineTypes.js';
export type { HandGesturePipeline, HandGesturePipelineOptions, HandGesturePipelineStatus, HandGestureSource, HandGestureAssets } from '../pipeline/pipelineTypes.js';
