import { describe, expect, it } from 'vitest';
import { createOptionsKey } from '../../src/react/createOptionsKey.js';

describe('createOptionsKey', () => {
  it('is equal for equal plain options written anew (an inline options object each render)', () => {
    const key = createOptionsKey();
    const a = key({ enabled: true, pipelineOptions: { numHands: 1, window: { frames: 30 }, source: { camera: { width: 640 } } } });
    const b = key({ enabled: true, pipelineOptions: { numHands: 1, window: { frames: 30 }, source: { camera: { width: 640 } } } });
    expect(a).toBe(b);
    expect(key({ enabled: true, pipelineOptions: { numHands: 2, window: { frames: 30 }, source: { camera: { width: 640 } } } })).not.toBe(a);
  });

  it('compares class instances and functions by identity, URLs by href', () => {
    const key = createOptionsKey();
    class Element {}
    const video = new Element();
    const make = () => new Worker2();
    class Worker2 {}
    const a = key({ source: { video }, assets: { classifierWorker: make }, gestureModel: new URL('https://h/m.json') });
    expect(key({ source: { video }, assets: { classifierWorker: make }, gestureModel: new URL('https://h/m.json') })).toBe(a);
    expect(key({ source: { video: new Element() }, assets: { classifierWorker: make }, gestureModel: new URL('https://h/m.json') })).not.toBe(a);
    expect(key({ source: { video }, assets: { classifierWorker: () => new Worker2() }, gestureModel: new URL('https://h/m.json') })).not.toBe(a);
    expect(key({ source: { video }, assets: { classifierWorker: make }, gestureModel: new URL('https://h/n.json') })).not.toBe(a);
  });

  it('compares taught gesture models by value, each written out once', () => {
    const key = createOptionsKey();
    const model = (label: string) => ({ format: 'posestream-templates/v1', labels: [label, 'none'], templates: [{ label, frames: 1, data: [0.5] }] });
    const a = model('wave');
    const first = key({ pipelineOptions: { gestureModel: a } });
    expect(key({ pipelineOptions: { gestureModel: model('wave') } })).toBe(first); // a copy (JSON.parse of the same text)
    expect(key({ pipelineOptions: { gestureModel: model('pinch') } })).not.toBe(first);
    a.labels[0] = 'changed'; // the same object again: its key as first written out
    expect(key({ pipelineOptions: { gestureModel: a } })).toBe(first);
  });
});
