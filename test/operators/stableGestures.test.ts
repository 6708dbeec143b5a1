import { Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/filters/InvalidOptionError.js';
import { stableGestures } from '../../src/operators/stableGestures.js';
import type { GestureEvent, Prediction } from '../../src/types.js';
import { expectUnbrokenChain, pulledBefore, takeFromInfinite } from './operatorContract.js';

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

function pred(i: number, label: string, score = 0.9): Prediction {
  return {
    label,
    score,
    categories: [{ categoryName: label, score, index: 0 }],
    windowEndIndex: i,
    windowEndTimestamp: i * 100,
    startedAt: i * 100,
    finishedAt: i * 100 + 20,
  };
}

const gesture = (phase: GestureEvent['phase'], label: string, from: number, to: number, score = 0.9): GestureEvent => ({
  type: 'gesture',
  phase,
  label,
  score,
  startFrame: from,
  endFrame: to,
  startT: from * 100,
  endT: to * 100,
});

describe('stableGestures', () => {
  it('emits start after 3 agreeing predictions and end when another label takes over (marbles)', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const values = {
        a: pred(0, 'fist'), b: pred(1, 'fist'), c: pred(2, 'fist'), d: pred(3, 'fist'),
        e: pred(4, 'none'), f: pred(5, 'palm'), g: pred(6, 'none'), h: pred(7, 'none'),
      };
      const source = cold('abcdefgh|', values);
      expectObservable(source.pipe(stableGestures())).toBe('--s---e-|', {
        s: gesture('start', 'fist', 0, 2),
        e: gesture('end', 'fist', 0, 3),
      });
      expectSubscriptions(source.subscriptions).toBe('^-------!');
    });
  });

  it('ends the gesture in progress when the source completes', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold('abc--|', { a: pred(0, 'ok'), b: pred(1, 'ok'), c: pred(2, 'ok') });
      expectObservable(source.pipe(stableGestures())).toBe('--s--(e|)', {
        s: gesture('start', 'ok', 0, 2),
        e: gesture('end', 'ok', 0, 2),
      });
    });
  });

  it('applies threshold, ignore and cooldown options', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const values = {
        l: pred(0, 'wave', 0.5), a: pred(1, 'wave', 0.6), b: pred(2, 'wave', 0.6),
        n: pred(3, 'idle'), m: pred(4, 'idle'), o: pred(5, 'idle'), p: pred(6, 'wave', 0.6), q: pred(7, 'wave', 0.6),
      };
      const source = cold('labnmopq|', values);
      const options = { threshold: 0.55, minConsecutive: 2, ignore: ['idle'], cooldownMs: 150 };
      // wave starts at b; idle x2 ends it at m (t = 400); p (t = 600) >= 550 counts again, so wave restarts at q.
      expectObservable(source.pipe(stableGestures(options))).toBe('--s-e--t(f|)', {
        s: gesture('start', 'wave', 1, 2, 0.6),
        e: gesture('end', 'wave', 1, 2, 0.6),
        t: gesture('start', 'wave', 6, 7, 0.6),
        f: gesture('end', 'wave', 6, 7, 0.6),
      });
    });
  });

  it("ends the gesture in progress with reason 'error' just before an error, and unsubscribes upstream", () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const values = { a: pred(0, 'x'), b: pred(1, 'x'), c: pred(2, 'x') };
      const failing = cold('abc-#', values, new Error('classifier died'));
      expectObservable(failing.pipe(stableGestures())).toBe(
        '--s-(e#)',
        { s: gesture('start', 'x', 0, 2), e: { ...gesture('end', 'x', 0, 2), reason: 'error' } },
        new Error('classifier died'),
      );
      // No gesture in progress: the error alone.
      expectObservable(cold('ab#', values).pipe(stableGestures())).toBe('--#');
      const endless = hot('abcabc', values);
      expectObservable(endless.pipe(stableGestures()), '^-!').toBe('---');
      expectSubscriptions(endless.subscriptions).toBe('^-!');
    });
  });

  it('cuts the gesture in progress short on each value of cancel, then starts afresh (marbles)', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const values = { a: pred(0, 'x'), b: pred(1, 'x'), c: pred(2, 'x'), d: pred(3, 'x'), e: pred(4, 'x'), f: pred(5, 'x'), g: pred(6, 'x'), h: pred(7, 'x') };
      const source = cold('abcd-ef-gh|', values);
      // 'restart' at frame 4 ends x (its run: frames 0-3). The cancel at frame 7 finds no gesture in progress: it
      // emits nothing and forgets the run e, f, so g, h alone (2 of 3) start nothing.
      const cancel = hot('----r--s---', { r: 'restart' as const, s: 'disposed' as const });
      expectObservable(source.pipe(stableGestures({ cancel }))).toBe('--s-r-----|', {
        s: gesture('start', 'x', 0, 2),
        r: { ...gesture('end', 'x', 0, 3), reason: 'restart' },
      });
      expectSubscriptions(cancel.subscriptions).toBe('^---------!');
    });
  });

  it('after a cancel no cooldown holds: the same label starts again after minConsecutive new predictions', () => {
    const cancel = new Subject<'restart'>();
    const seen: string[] = [];
    const source = new Subject<Prediction>();
    source.pipe(stableGestures({ cancel, cooldownMs: 10_000 })).subscribe((e) => seen.push(`${e.phase}:${e.label}:${e.reason ?? '-'}`));
    for (let i = 0; i < 3; i++) source.next(pred(i, 'a'));
    cancel.next('restart');
    for (let i = 3; i < 6; i++) source.next(pred(i, 'a'));
    source.complete();
    expect(seen).toEqual(['start:a:-', 'end:a:restart', 'start:a:-', 'end:a:-']);
  });

  it('passes an error of cancel on after ending the gesture in progress', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const values = { a: pred(0, 'x'), b: pred(1, 'x'), c: pred(2, 'x') };
      const cancel = cold<'restart'>('----#', undefined, new Error('notifier broke'));
      expectObservable(cold('abc---', values).pipe(stableGestures({ cancel }))).toBe(
        '--s-(e#)',
        { s: gesture('start', 'x', 0, 2), e: { ...gesture('end', 'x', 0, 2), reason: 'error' } },
        new Error('notifier broke'),
      );
    });
  });

  it('is re-entrant: a subscriber that feeds the source from inside next sees events in order', () => {
    const source = new Subject<Prediction>();
    const seen: string[] = [];
    source.pipe(stableGestures({ cooldownMs: 0 })).subscribe((e) => {
      seen.push(`${e.phase}:${e.label}:${e.endFrame}`);
      // On the start of 'a', push three 'b' predictions synchronously: they end 'a' and start 'b'.
      if (e.phase === 'start' && e.label === 'a') for (let i = 3; i < 6; i++) source.next(pred(i, 'b'));
    });
    for (let i = 0; i < 3; i++) source.next(pred(i, 'a'));
    source.next(pred(6, 'b'));
    source.complete();
    expect(seen).toEqual(['start:a:2', 'end:a:2', 'start:b:5', 'end:b:6']);
  });

  it('checks options when the operator is made', () => {
    expect(() => stableGestures({ threshold: -0.1 })).toThrow(InvalidOptionError);
  });

  it('stops a synchronous source at take(n) and returns from an infinite one (contract)', () => {
    // Labels alternate every 3 predictions: start a comes with the 3rd prediction, end a with the 6th.
    const alternating = (i: number) => pred(i, Math.floor(i / 3) % 2 === 0 ? 'a' : 'b');
    expect(pulledBefore(stableGestures(), alternating, 1).pulled).toBe(3); // was 1,000,000
    expect(pulledBefore(stableGestures(), alternating, 2).pulled).toBe(6);
    const endless = takeFromInfinite(stableGestures(), alternating, 2);
    expect([endless.taken.map((e) => `${e.phase} ${e.label}`), endless.completed, endless.pulled]).toEqual([['start a', 'end a'], true, 6]);
    expectUnbrokenChain(stableGestures({ minConsecutive: 1 }), { a: pred(0, 'a'), b: pred(1, 'b'), c: pred(2, 'a'), d: pred(3, 'b') });
  });
});
