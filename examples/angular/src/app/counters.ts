/** The page's own counters (read by posestream's tests): change-detection renders, pose frames, state emissions. */
export interface ExampleCounters { renders: number; frames: number; stateChanges: number }
export const counters: ExampleCounters = { renders: 0, frames: 0, stateChanges: 0 };
(window as unknown as { posestreamExample: ExampleCounters }).posestreamExample = counters;
