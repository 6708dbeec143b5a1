import { describe, expect, it } from 'vitest';
import { resolveOptionUrls } from '../../src/pipeline/resolveOptionUrls.js';
import { withVideoElement } from '../../src/adapters/withVideoElement.js';

const BASE = 'http://127.0.0.1:4200/app/';

describe('resolveOptionUrls', () => {
  it('makes relative model, wasm and worker URLs absolute against the page', () => {
    expect(resolveOptionUrls({
      handModel: '/posestream/models/hand_landmarker_full.task',
      gestureModel: 'models/default/model.json',
      assets: { mediapipeWasmBase: '/posestream/assets/mediapipe', tfjsWasmBase: './tfjs/', classifierWorker: '/w/c.js' },
    }, BASE)).toEqual({
      handModel: 'http://127.0.0.1:4200/posestream/models/hand_landmarker_full.task',
      gestureModel: 'http://127.0.0.1:4200/app/models/default/model.json',
      assets: {
        mediapipeWasmBase: 'http://127.0.0.1:4200/posestream/assets/mediapipe',
        tfjsWasmBase: 'http://127.0.0.1:4200/app/tfjs/',
        classifierWorker: 'http://127.0.0.1:4200/w/c.js',
      },
    });
  });

  it('keeps packaged names, absolute URLs, URL objects and functions as they are', () => {
    const make = () => ({}) as Worker;
    const url = new URL('https://cdn.example/m.task');
    const options = { handModel: 'lite', gestureModel: 'default', assets: { handLandmarkerWorker: make, classifierWorker: url } };
    expect(resolveOptionUrls(options, BASE)).toEqual(options);
    expect(resolveOptionUrls({ handModel: url }, BASE).handModel).toBe(url);
    expect(resolveOptionUrls({}, BASE)).toEqual({});
  });
});

describe('withVideoElement', () => {
  const video = { tagName: 'VIDEO' } as unknown as HTMLVideoElement;
  const own = { tagName: 'VIDEO', own: true } as unknown as HTMLVideoElement;
  it('fills in the element for camera, file and stream sources that have none', () => {
    expect(withVideoElement(undefined, video)).toEqual({ camera: { video } });
    expect(withVideoElement({ camera: { width: 320 } }, video)).toEqual({ camera: { width: 320, video } });
    expect(withVideoElement({ file: 'a.mp4', loop: true }, video)).toEqual({ file: 'a.mp4', loop: true, video });
  });
  it("keeps the source's own element, a { video } source, and everything when there is no element", () => {
    expect(withVideoElement({ camera: { video: own } }, video)).toEqual({ camera: { video: own } });
    expect(withVideoElement({ video: own }, video)).toEqual({ video: own });
    expect(withVideoElement({ file: 'a.mp4' }, null)).toEqual({ file: 'a.mp4' });
    expect(withVideoElement(undefined, undefined)).toEqual({ camera: {} });
  });
});
