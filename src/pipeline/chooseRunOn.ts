import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import type { HandGesturePipelineOptions, HandGesturePipelineRunsOn } from './pipelineTypes.js';

const WHERE = 'createHandGesturePipeline';

/** Whether this page can run the pipeline off its main thread: a window with `MediaStreamTrackProcessor` (Chromium). @internal */
export function canRunOnWorkers(): boolean {
  return typeof (globalThis as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor === 'function' && typeof Worker === 'function';
}

/**
 * The path the pipeline runs on. `'auto'` picks `'workers'` for a live source (camera or `MediaStream`) where the
 * browser supports it and no `classifyWith` (a function of the page) is given, else `'main-thread'`.
 * @throws InvalidOptionError for an unknown `runOn`, or `'workers'` that this browser, the source or
 *   `classifyWith` rules out (the message says which).
 * @internal
 */
export function chooseRunOn(options: HandGesturePipelineOptions, supported = canRunOnWorkers()): HandGesturePipelineRunsOn {
  const runOn = options.runOn ?? 'auto';
  if (runOn !== 'auto' && runOn !== 'workers' && runOn !== 'main-thread') {
    throw new InvalidOptionError(WHERE, 'runOn', "'auto', 'workers' or 'main-thread'", runOn);
  }
  const source = options.source ?? { camera: {} };
  const live = 'camera' in source || 'stream' in source;
  const why = !supported
    ? 'this browser has no MediaStreamTrackProcessor on the window (Chromium has it; Firefox and Safari run on the main thread)'
    : !live
      ? 'the source is a video file or element (only a camera or MediaStream source runs on workers)'
      : options.classifyWith !== undefined
        ? '`classifyWith` is a function of the page (it cannot run in a worker)'
        : undefined;
  if (runOn === 'workers' && why !== undefined) throw new InvalidOptionError(WHERE, 'runOn', `'auto' or 'main-thread' here: ${why}`, "'workers'");
  if (runOn === 'main-thread') return 'main-thread';
  return why === undefined ? 'workers' : 'main-thread';
}
