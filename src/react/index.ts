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
export { INITIAL_HAND_GESTURES_STATE } from './reactTypes.js';
export type { UseHandGesturesOptions, UseHandGesturesResult, HandGesturesState } from './reactTypes.js';
export type { HandGesturePipeline, HandGesturePipelineOptions, HandGesturePipelineStatus, HandGestureSource, HandGestureAssets } from '../pipeline/pipelineTypes.js';
