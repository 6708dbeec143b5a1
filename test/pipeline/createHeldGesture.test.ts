import { describe, expect, it } from 'vitest';
import { createHeldGesture } from '../../src/pipeline/createHeldGesture.js';
import type { GestureEvent, Prediction } from '../../src/types.js';

const event = (phase: GestureEvent['phase'], label: string, startFrame: number, endFrame: number, score = 0.9): GestureEvent => ({
  type: 'gesture', phase, label, score, startFrame, endFrame, startT: startFrame * 100, endT: endFrame * 100,
});
const prediction = (i: number, label: string, score: number): Prediction => ({
  label, score, categories: [], windowEndIndex: i, windowEndTimestamp: i * 100, startedAt: 0, finishedAt: 0,
});

function held() {
  const out: GestureEvent[] = [];
  return { out, h: createHeldGesture({ threshold: 0.8, minConsecutive: 2 }, (e) => out.push(e)) };
}

describe('createHeldGesture', () => {
  it("passes a tracker's events on and holds the gesture between its start and its end", () => {
    const { out, h } = held();
    expect(h.current).toBeNull();
    h.pass(event('start', 'fist', 1, 2));
    expect(h.current?.label).toBe('fist');
    h.pass(event('end', 'fist', 1, 4));
    expect(h.current).toBeNull();
    expect(out.map((e) => `${e.phase}:${e.label}`)).toEqual(['start:fist', 'end:fist']);
    expect(h.cut('restart')).toBe(false); // nothing held: nothing to cut
    expect(out).toHaveLength(2);
  });

  it('cuts the held gesture short with its reason, extended by the agreeing predictions seen since its start', () => {
    const { out, h } = held();
    h.pass(event('start', 'fist', 1, 2, 0.9));
    h.observe(prediction(2, 'fist', 0.9)); // the start's own prediction: already in it
    h.observe(prediction(3, 'fist', 0.6)); // too low to agree
    h.observe(prediction(4, 'palm', 0.95)); // another label
    h.observe(prediction(5, 'fist', 0.84));
    expect(h.cut('restart')).toBe(true);
    expect(h.current).toBeNull();
    const end = out[1]!;
    expect(end).toMatchObject({ phase: 'end', label: 'fist', reason: 'restart', startFrame: 1, startT: 100, endFrame: 5, endT: 500 });
    expect(end.score).toBeCloseTo((0.9 * 2 + 0.84) / 3, 12); // the start's mean counted minConsecutive times
  });

  it("leaves out the tracker's own end of a gesture already cut short: one end per start", () => {
    const { out, h } = held();
    h.pass(event('start', 'fist', 1, 2));
    h.cut('restart');
    h.pass(event('end', 'fist', 1, 6)); // the old tracker's, arriving late
    h.pass(event('start', 'fist', 8, 9)); // a new gesture of the same label after the restart
    h.pass(event('end', 'fist', 1, 6)); // not its end
    h.cut('disposed');
    expect(out.map((e) => `${e.phase}:${e.startFrame}:${e.reason ?? '-'}`)).toEqual(['start:1:-', 'end:1:restart', 'start:8:-', 'end:8:disposed']);
  });
});
