import { describe, expect, it } from 'vitest';
import { createGestureTracker } from '../../src/filters/gestureTracker.js';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import type { GestureTrackerOptions } from '../../src/filters/handMathTypes.js';
import type { GestureEvent, Prediction } from '../../src/types.js';

/** Prediction number i: window ending at frame 10 + i, 100 ms apart. */
function pred(i: number, label: string, score: number): Prediction {
  return {
    label,
    score,
    categories: [{ categoryName: label, score, index: 0 }],
    windowEndIndex: 10 + i,
    windowEndTimestamp: 100 * i,
    startedAt: 0,
    finishedAt: 0,
  };
}

/** Runs a sequence like 'A.9 A.9 B.5' through a tracker; returns events tagged with the step that caused them. */
function feed(seq: string, options: GestureTrackerOptions = {}, flush = true): (GestureEvent & { at: number })[] {
  const tracker = createGestureTracker(options);
  const out: (GestureEvent & { at: number })[] = [];
  seq.split(/\s+/).forEach((token, i) => {
    const [label, score] = token.split(':') as [string, string];
    for (const e of tracker.push(pred(i, label, Number(score)))) out.push({ ...e, at: i });
  });
  if (flush) for (const e of tracker.flush()) out.push({ ...e, at: -1 });
  return out;
}

const brief = (events: ReturnType<typeof feed>) => events.map((e) => `${e.at}:${e.phase}:${e.label}`);

describe('createGestureTracker', () => {
  it('starts after minConsecutive agreeing predictions and ends after minConsecutive others', () => {
    const events = feed('A:0.9 A:0.9 A:0.95 A:0.85 B:0.9 B:0.9 B:0.9 none:0.99', { cooldownMs: 10_000 });
    expect(brief(events)).toEqual(['2:start:A', '6:end:A']);
    expect(events[0]).toMatchObject({ type: 'gesture', startFrame: 10, endFrame: 12, startT: 0, endT: 200 });
    expect(events[0]!.score).toBeCloseTo((0.9 + 0.9 + 0.95) / 3, 12);
    expect(events[1]).toMatchObject({ startFrame: 10, endFrame: 13, startT: 0, endT: 300 });
    expect(events[1]!.score).toBeCloseTo((0.9 + 0.9 + 0.95 + 0.85) / 4, 12);
  });

  it('needs score >= threshold; a low score breaks the run', () => {
    expect(brief(feed('A:0.79 A:0.9 A:0.9 A:0.7 A:0.9 A:0.9', {}, false))).toEqual([]);
    expect(brief(feed('A:0.8 A:0.8 A:0.8', {}, false))).toEqual(['2:start:A']);
    expect(brief(feed('A:0.6 A:0.6', { threshold: 0.5, minConsecutive: 2 }, false))).toEqual(['1:start:A']);
  });

  it('ends on low scores too, and survives short interruptions', () => {
    expect(brief(feed('A:0.9 A:0.9 A:0.9 B:0.9 A:0.2 A:0.9 A:0.9 A:0.3 A:0.3 A:0.3', {}, false))).toEqual([
      '2:start:A',
      '9:end:A',
    ]);
  });

  it("never starts an ignored label ('none' by default), but ignored labels end gestures", () => {
    expect(brief(feed('none:0.99 none:0.99 none:0.99 none:0.99'))).toEqual([]);
    expect(brief(feed('A:0.9 A:0.9 A:0.9 none:0.99 none:0.99 none:0.99'))).toEqual(['2:start:A', '5:end:A']);
    expect(brief(feed('idle:0.9 idle:0.9 idle:0.9 none:0.9 none:0.9 none:0.9', { ignore: ['idle'] }))).toEqual([
      '5:start:none',
      '-1:end:none',
    ]);
  });

  it('ends the gesture in progress on flush (source completed), with its last agreeing frame', () => {
    const events = feed('A:0.9 A:0.9 A:0.9 A:0.9 B:0.9');
    expect(brief(events)).toEqual(['2:start:A', '-1:end:A']);
    expect(events[1]).toMatchObject({ endFrame: 13, endT: 300 });
  });

  it('cooldown: no new start until cooldownMs after the end, counted on windowEndTimestamp', () => {
    // B takes over at steps 3-5 (A ends at step 5, t = 500). With 500 ms of cooldown B's run only counts
    // from t = 1000 (step 10), so B starts at step 12.
    const seq = 'A:0.9 A:0.9 A:0.9 B:0.9 B:0.9 B:0.9 B:0.9 B:0.9 B:0.9 B:0.9 B:0.9 B:0.9 B:0.9';
    const events = feed(seq, { cooldownMs: 500 }, false);
    expect(brief(events)).toEqual(['2:start:A', '5:end:A', '12:start:B']);
    expect(events[2]).toMatchObject({ startFrame: 20, startT: 1000, endT: 1200 });
    expect(brief(feed(seq, { cooldownMs: 450 }, false))).toEqual(['2:start:A', '5:end:A', '12:start:B']);
    expect(brief(feed(seq, { cooldownMs: 400 }, false))).toEqual(['2:start:A', '5:end:A', '11:start:B']);
  });

  it('without cooldown, a label that took over starts at the prediction that ended the old one', () => {
    const events = feed('A:0.9 A:0.9 A:0.9 B:0.9 B:0.9 B:0.9', { cooldownMs: 0 }, false);
    expect(brief(events)).toEqual(['2:start:A', '5:end:A', '5:start:B']);
    expect(events[2]).toMatchObject({ startFrame: 13, endFrame: 15 });
  });

  it('the same label can start again after an end and the cooldown', () => {
    const seq = 'A:0.9 A:0.9 A:0.9 x:0.1 x:0.1 x:0.1 x:0.1 x:0.1 x:0.1 A:0.9 A:0.9 A:0.9';
    expect(brief(feed(seq, { cooldownMs: 300 }, false))).toEqual(['2:start:A', '5:end:A', '11:start:A']);
  });

  it('minConsecutive 1 reacts at once; bad options throw InvalidOptionError', () => {
    expect(brief(feed('A:0.9 B:0.9', { minConsecutive: 1, cooldownMs: 0 }))).toEqual([
      '0:start:A',
      '1:end:A',
      '1:start:B',
      '-1:end:B',
    ]);
    expect(() => createGestureTracker({ threshold: 1.5 })).toThrow(InvalidOptionError);
    expect(() => createGestureTracker({ minConsecutive: 0 })).toThrow(/minConsecutive/);
    expect(() => createGestureTracker({ minConsecutive: 2.5 })).toThrow(/integer/);
    expect(() => createGestureTracker({ cooldownMs: -1 })).toThrow(/cooldownMs/);
  });

  it('cancel cuts the gesture in progress short with its reason and starts afresh (runs and cooldown forgotten)', () => {
    const tracker = createGestureTracker({ cooldownMs: 10_000 });
    const push = (i: number, label: string) => tracker.push(pred(i, label, 0.9));
    push(0, 'A');
    push(1, 'A');
    expect(push(2, 'A').map((e) => e.phase)).toEqual(['start']);
    push(3, 'A');
    push(4, 'B'); // one disagreeing prediction: A still held
    const [end, ...more] = tracker.cancel('restart');
    expect(more).toEqual([]);
    expect(end).toMatchObject({ type: 'gesture', phase: 'end', label: 'A', reason: 'restart', startFrame: 10, endFrame: 13, startT: 0, endT: 300 });
    expect(end!.score).toBeCloseTo(0.9, 12);
    expect(tracker.active).toBeUndefined();
    expect(tracker.cancel('disposed')).toEqual([]); // nothing in progress: nothing to cut
    expect(tracker.flush()).toEqual([]);
    // Afresh: no cooldown and no half-run left over; A starts again after 3 new agreeing predictions.
    push(5, 'A');
    push(6, 'A');
    expect(push(7, 'A')).toMatchObject([{ phase: 'start', label: 'A', startFrame: 15 }]);
    expect(tracker.flush()[0]).not.toHaveProperty('reason'); // an end the predictions made has no reason
  });

  it('cancel forgets a candidate run: it must agree minConsecutive times again', () => {
    const tracker = createGestureTracker();
    tracker.push(pred(0, 'A', 0.9));
    tracker.push(pred(1, 'A', 0.9));
    expect(tracker.cancel('error')).toEqual([]);
    expect(tracker.push(pred(2, 'A', 0.9))).toEqual([]);
    expect(tracker.push(pred(3, 'A', 0.9))).toEqual([]);
    expect(tracker.push(pred(4, 'A', 0.9)).map((e) => e.phase)).toEqual(['start']);
  });
  it('splitRepeats: a match found after the match that began the held gesture is a second performance', () => {
    // Prediction i ends at 100*i ms; its match spans [start, end] ms. A performance matched at 0-300 ms is seen in
    // windows 3-6 (the hand held still stretches later matches over the still frames, up to 600 ms); the second
    // performance is matched from 700 ms on.
    const spans: Array<[number, number] | undefined> = [undefined, undefined, undefined, [0, 300], [0, 400], [100, 500], [200, 600], [700, 900], [700, 1000], [750, 1000]];
    const run = (options: GestureTrackerOptions) => {
      const tracker = createGestureTracker({ threshold: 0.5, minConsecutive: 1, cooldownMs: 0, ...options });
      const events: Array<[string, number]> = [];
      spans.forEach((m, i) => {
        const p = pred(i, m ? 'A' : 'none', 0.9);
        if (m) p.match = { startTimestamp: m[0], endTimestamp: m[1] };
        for (const e of tracker.push(p)) events.push([e.phase, i]);
      });
      for (const e of tracker.flush()) events.push([e.phase, -1]);
      return events;
    };
    expect(run({})).toEqual([['start', 3], ['end', 7], ['start', 7], ['end', -1]]);
    expect(run({ splitRepeats: false })).toEqual([['start', 3], ['end', -1]]);
    // With a cooldown the repeat must agree again once it is over; without matches nothing is ever split.
    expect(run({ cooldownMs: 150 })).toEqual([['start', 3], ['end', 7], ['start', 9], ['end', -1]]);
    expect(feed('A:.9 A:.9 A:.9 A:.9 A:.9', { minConsecutive: 1 }).map((e) => e.phase)).toEqual(['start', 'end']);
  });
});
