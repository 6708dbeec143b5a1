/**
 * `posestream/testing`: deterministic sources and fakes for testing pipelines in virtual time (`TestScheduler`).
 *
 * @module posestream/testing
 */
export { replayRecording } from './replayRecording.js';
export { createFakeEstimator } from './createFakeEstimator.js';
export type { FakeEstimator, FakeEstimatorOptions, FakeEstimatorStep } from './createFakeEstimator.js';
export { createFakeClassifier } from './createFakeClassifier.js';
export type { FakeClassifier, FakeClassifierOptions, FakeClassifierStep } from './createFakeClassifier.js';
export { syntheticHand } from './syntheticHand.js';
export type { SyntheticHandOptions } from './syntheticHand.js';
export { syntheticPoseStream } from './syntheticPoseStream.js';
export type { SyntheticMotion, SyntheticPoseStreamOptions } from './syntheticPoseStream.js';
