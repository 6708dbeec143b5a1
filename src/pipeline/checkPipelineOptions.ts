import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import { resolveSwipeOptions } from '../filters/resolveSwipeOptions.js';
import type { SwipeOptions } from '../filters/swipeTypes.js';
import { createOptionChecks } from '../workers/createOptionChecks.js';
import { parseTaughtModel } from '../teach/parseTaughtModel.js';
import type { HandGesturePipelineOptions } from './pipelineTypes.js';

/** Whether a `gestureModel` option is a taught model object (not a name, a URL string or a `URL`). @internal */
export const isTaughtModelObject = (model: unknown): boolean => typeof model === 'object' && model !== null && !(model instanceof URL);

const WHERE = 'createHandGesturePipeline';
const { fail, number, oneOf, object, url, strings, shown } = createOptionChecks(WHERE);

/** The source: exactly one of `camera`, `video`, `file`, `stream`, each of the right kind. */
function checkSource(source: unknown): void {
  if (source === undefined) return;
  object('source', source);
  const s = source as Record<string, unknown>;
  const kinds = ['camera', 'file', 'stream'].filter((k) => k in s); // ({ file } and { stream } may have a `video`)
  if (kinds.length > 1 || (kinds.length === 0 && !('video' in s))) {
    const got = kinds.length === 0 ? shown(source) : `{ ${kinds.join(', ')} }`;
    throw new InvalidOptionError(WHERE, 'source', 'one of { camera }, { video }, { file } or { stream }', got);
  }
  const is = (v: unknown, ctor: string): boolean => {
    const c = (globalThis as Record<string, unknown>)[ctor];
    return typeof c === 'function' ? v instanceof (c as new () => unknown) : typeof v === 'object' && v !== null;
  };
  if ('camera' in s) {
    object('source.camera', s.camera);
    const camera = (s.camera ?? {}) as Record<string, unknown>;
    number('source.camera.width', camera.width, 'a width in pixels', { min: 0, exclusiveMin: true });
    number('source.camera.height', camera.height, 'a height in pixels', { min: 0, exclusiveMin: true });
    number('source.camera.frameRate', camera.frameRate, 'a rate in frames per second', { min: 0, exclusiveMin: true });
    oneOf('source.camera.facingMode', camera.facingMode, ['user', 'environment']);
    if (camera.video !== undefined && !is(camera.video, 'HTMLVideoElement')) fail('source.camera.video', 'an HTMLVideoElement', camera.video);
  }
  if ('video' in s && !('file' in s) && !('stream' in s) && !is(s.video, 'HTMLVideoElement')) fail('source.video', 'an HTMLVideoElement', s.video);
  if ('file' in s && !(typeof s.file === 'string' && s.file !== '') && !is(s.file, 'Blob')) fail('source.file', 'a URL string or a Blob', s.file);
  if ('stream' in s && !is(s.stream, 'MediaStream')) fail('source.stream', 'a MediaStream', s.stream);
  if (('file' in s || 'stream' in s) && s.video !== undefined && !is(s.video, 'HTMLVideoElement')) fail('source.video', 'an HTMLVideoElement', s.video);
}

/**
 * Checks every option of `createHandGesturePipeline` before anything is started (no worker, model or camera is
 * touched): each one wrong is an `InvalidOptionError` naming the option as the user wrote it (`numHands`,
 * `window.frames`, `assets.tfjsWasmBase`), what it takes (its unit and range) and what it got. `runOn` is checked
 * by `chooseRunOn`. Options it does not know are left alone.
 * @throws InvalidOptionError for the first option that is wrong.
 * @internal
 */
export function checkPipelineOptions(options: HandGesturePipelineOptions): void {
  const o = options as Record<string, unknown>;
  if (options === null || typeof options !== 'object') fail('options', 'an object', options);
  checkSource(o.source);
  url('handModel', o.handModel, ['full', 'lite']);
  number('numHands', o.numHands, 'a whole number of hands per frame', { min: 1, integer: true });
  const taught = isTaughtModelObject(o.gestureModel);
  if (taught) {
    try {
      parseTaughtModel(o.gestureModel, 'gestureModel');
    } catch (err) {
      throw new InvalidOptionError(WHERE, 'gestureModel', "'swipes', 'default', a model URL or a taught gesture model", `an object that is not one (${(err as Error).message})`);
    }
  } else url('gestureModel', o.gestureModel, ['default', 'swipes']);
  object('swipes', o.swipes);
  if (o.swipes !== undefined) {
    if ((o.gestureModel ?? 'swipes') !== 'swipes') fail('swipes', "given only with gestureModel 'swipes'", `gestureModel ${taught ? 'a taught model' : String(o.gestureModel)}`);
    resolveSwipeOptions(o.swipes as SwipeOptions, WHERE, 'swipes.');
  }
  strings('gestureLabels', o.gestureLabels);
  if (taught && o.gestureLabels !== undefined) fail('gestureLabels', 'left out with a taught gestureModel (it has its own labels)', o.gestureLabels);
  if (o.classifyWith !== undefined && typeof o.classifyWith !== 'function') fail('classifyWith', 'a function (window, classify) => prediction', o.classifyWith);
  object('window', o.window);
  if (o.window !== undefined) {
    const w = o.window as Record<string, unknown>;
    number('window.frames', w.frames, 'a whole number of frames per window', { min: 1, integer: true });
    number('window.durationMs', w.durationMs, 'a duration in milliseconds', { min: 0, exclusiveMin: true });
    number('window.minDurationMs', w.minDurationMs, 'a duration in milliseconds', { min: 0 });
    oneOf('window.onMissingHand', w.onMissingHand, ['reset', 'hold', 'skip']);
    number('window.maxGapMs', w.maxGapMs, 'a duration in milliseconds', { min: 0, infinite: true });
  }
  object('gestures', o.gestures);
  if (o.gestures !== undefined) {
    const g = o.gestures as Record<string, unknown>;
    number('gestures.threshold', g.threshold, 'a score', { min: 0, max: 1 });
    number('gestures.minConsecutive', g.minConsecutive, 'a whole number of predictions in a row', { min: 1, integer: true });
    number('gestures.cooldownMs', g.cooldownMs, 'a duration in milliseconds', { min: 0 });
    strings('gestures.ignore', g.ignore);
  }
  oneOf('policy', o.policy, ['latest', 'drop']);
  number('statsIntervalMs', o.statsIntervalMs, 'an interval in milliseconds', { min: 0, exclusiveMin: true });
  object('assets', o.assets);
  if (o.assets !== undefined) {
    const a = o.assets as Record<string, unknown>;
    url('assets.mediapipeWasmBase', a.mediapipeWasmBase);
    url('assets.tfjsWasmBase', a.tfjsWasmBase);
    url('assets.handLandmarkerWorker', a.handLandmarkerWorker, [], true);
    url('assets.classifierWorker', a.classifierWorker, [], true);
  }
}
