import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { checkPipelineOptions } from '../../src/pipeline/checkPipelineOptions.js';
import { createHandGesturePipeline } from '../../src/pipeline/createHandGesturePipeline.js';
import type { HandGesturePipelineOptions } from '../../src/pipeline/pipelineTypes.js';
import { DEFAULT_TEMPLATE_FEATURE_WEIGHTS, TEMPLATE_FEATURE_DIMS } from '../../src/filters/templateFeatures.js';
import { TEMPLATE_MODEL_FORMAT, type TaughtGestureModel } from '../../src/filters/templateTypes.js';
import { TaughtModelError } from '../../src/teach/TaughtModelError.js';

/** The smallest well-formed taught model (one template of one frame). */
function tinyModel(): TaughtGestureModel {
  return {
    format: TEMPLATE_MODEL_FORMAT,
    labels: ['wave', 'none'],
    window: { frames: 3, durationMs: 100 },
    onMissingHand: 'skip',
    maxGapMs: 500,
    gestures: { threshold: 0.5, minConsecutive: 1, cooldownMs: 0 },
    features: { dims: TEMPLATE_FEATURE_DIMS, weights: DEFAULT_TEMPLATE_FEATURE_WEIGHTS },
    matching: { endSlackFrames: 0, skipPenalty: 0.5 },
    thresholds: { wave: 1 },
    templates: [{ label: 'wave', frames: 1, data: Array.from({ length: TEMPLATE_FEATURE_DIMS }, () => 0) }],
    taught: { examples: { wave: 1 }, folds: 1, precision: 1, recall: 1, trainMs: 1 },
  };
}

/** Bad options and what the error must say: the option as the user wrote it, then what it takes. */
const BAD: [unknown, string, RegExp][] = [
  [{ numHands: 2.5 }, 'numHands', /`numHands` must be a whole number of hands per frame >= 1, got 2\.5/],
  [{ numHands: 0 }, 'numHands', /got 0$/],
  [{ numHands: -1 }, 'numHands', /got -1$/],
  [{ numHands: '2' }, 'numHands', /got "2" \(a string\)$/],
  [{ numHands: Number.NaN }, 'numHands', /got NaN$/],
  [{ window: { frames: 0 } }, 'window.frames', /a whole number of frames per window >= 1/],
  [{ window: { durationMs: -5 } }, 'window.durationMs', /a duration in milliseconds > 0, got -5/],
  [{ window: { onMissingHand: 'drop' } }, 'window.onMissingHand', /'reset', 'hold' or 'skip', got "drop"/],
  [{ window: { maxGapMs: -1 } }, 'window.maxGapMs', /Infinity allowed/],
  [{ window: 30 }, 'window', /an object, got 30/],
  [{ gestures: { threshold: 1.5 } }, 'gestures.threshold', /a score from 0 to 1, got 1\.5/],
  [{ gestures: { minConsecutive: 0 } }, 'gestures.minConsecutive', /predictions in a row >= 1/],
  [{ gestures: { cooldownMs: -1 } }, 'gestures.cooldownMs', /milliseconds >= 0/],
  [{ gestures: { ignore: 'none' } }, 'gestures.ignore', /an array of non-empty strings/],
  [{ policy: 'newest' }, 'policy', /'latest' or 'drop'/],
  [{ statsIntervalMs: 0 }, 'statsIntervalMs', /an interval in milliseconds > 0, got 0/],
  [{ handModel: '' }, 'handModel', /'full' or 'lite', or a URL/],
  [{ handModel: 3 }, 'handModel', /got 3/],
  [{ gestureModel: {} }, 'gestureModel', /'swipes', 'default', a model URL or a taught gesture model, got an object that is not one \(gestureModel: format is undefined/],
  [{ gestureModel: { ...tinyModel(), labels: ['wave'] } }, 'gestureModel', /labels must be an array of at least 2/],
  [{ gestureModel: tinyModel(), gestureLabels: ['a', 'none'] }, 'gestureLabels', /left out with a taught gestureModel/],
  [{ gestureModel: tinyModel(), swipes: {} }, 'swipes', /given only with gestureModel 'swipes', got "gestureModel a taught model"/],
  [{ swipes: { minTravel: 0 } }, 'swipes.minTravel', /`swipes.minTravel` must be a number of palm lengths from 0.1 to 20, got 0/],
  [{ gestureModel: 'default', swipes: {} }, 'swipes', /given only with gestureModel 'swipes'/],
  [{ gestureLabels: ['a', 2] }, 'gestureLabels', /non-empty strings/],
  [{ classifyWith: 'fast' }, 'classifyWith', /a function/],
  [{ assets: { tfjsWasmBase: '' } }, 'assets.tfjsWasmBase', /a URL/],
  [{ assets: { classifierWorker: 5 } }, 'assets.classifierWorker', /or a function making the Worker/],
  [{ source: {} }, 'source', /one of \{ camera \}, \{ video \}, \{ file \} or \{ stream \}/],
  [{ source: { camera: {}, file: 'x.mp4' } }, 'source', /got \{ camera, file \}/],
  [{ source: { camera: { width: 0 } } }, 'source.camera.width', /a width in pixels > 0/],
  [{ source: { camera: { facingMode: 'back' } } }, 'source.camera.facingMode', /'user' or 'environment'/],
  [{ source: { file: '' } }, 'source.file', /a URL string or a Blob/],
  [{ source: { stream: 'camera' } }, 'source.stream', /a MediaStream, got "camera"/],
  [{ source: { video: 'v' } }, 'source.video', /an HTMLVideoElement/],
];

describe('checkPipelineOptions', () => {
  it.each(BAD)('rejects %j naming the option as written (%s), what it takes and what it got', (options, option, message) => {
    let error: unknown;
    try {
      checkPipelineOptions(options as HandGesturePipelineOptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).option).toBe(option);
    expect((error as Error).message).toMatch(/^createHandGesturePipeline: option `/);
    expect((error as Error).message).toMatch(message);
  });

  it('accepts the defaults and every documented kind of value', () => {
    const good: HandGesturePipelineOptions[] = [
      {},
      { numHands: 2, handModel: 'lite', gestureModel: 'default', policy: 'drop', statsIntervalMs: 250, runOn: 'auto' },
      { handModel: '/models/hand_landmarker.task', gestureModel: new URL('https://example.test/model.json'), gestureLabels: ['a', 'b'] },
      { window: { frames: 20, durationMs: 600, onMissingHand: 'hold', maxGapMs: Infinity }, gestures: { threshold: 0, minConsecutive: 1, cooldownMs: 0, ignore: [] } },
      { source: { camera: { width: 640, height: 480, facingMode: 'environment', frameRate: 30 } }, classifyWith: (w, classify) => classify(w) },
      { source: { file: '/clip.mp4', loop: true } },
      { gestureModel: tinyModel(), window: { frames: 3, durationMs: 100 } },
      { assets: { mediapipeWasmBase: '/mp/', tfjsWasmBase: '/tfjs/', handLandmarkerWorker: () => ({}) as Worker, classifierWorker: new URL('https://example.test/w.js') } },
    ];
    for (const options of good) expect(() => checkPipelineOptions(options)).not.toThrow();
  });

  it("a taught gestureModel whose window does not fit the window option is a TaughtModelError naming both, thrown before anything starts", () => {
    const threw = (() => {
      try {
        createHandGesturePipeline({ gestureModel: tinyModel(), window: { frames: 30 } });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(threw).toBeInstanceOf(TaughtModelError);
    expect((threw as Error).message).toMatch(/taught on windows of 3 frames over 100 ms, the pipeline's "window" option is 30 frames over 3000 ms/);
  });

  it('runs first in createHandGesturePipeline: a bad option throws before any worker, model or camera is touched', () => {
    // In Node a valid call would start two worker_threads; this one must throw before that.
    expect(() => createHandGesturePipeline({ numHands: 2.5 })).toThrow(/`numHands` must be a whole number of hands per frame >= 1, got 2\.5/);
    expect(() => createHandGesturePipeline({ window: { frames: 2.5 } })).toThrow(InvalidOptionError);
  });
});
