import { exhaustMap, of, Subject, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { InvalidPoseError } from '../../src/errors.js';
import { estimateHands } from '../../src/operators/estimateHands.js';
import type { Hand, PipelineMonitor, PoseFrame, SourceFrame, StageEvent } from '../../src/types.js';
import { expectUnbrokenChain, pulledBefore, takeFromInfinite } from './operatorContract.js';

const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const hand = (v: number, count = 21): Hand => ({
  handedness: 'Right',
  score: 0.9,
  landmarks: Array.from({ length: count }, (_, i) => ({ x: v, y: i / 20, z: -v })),
});
const source = (index: number, capturedAt?: number): SourceFrame<string> => ({
  index,
  timestamp: index * 40,
  image: `img${index}`,
  width: 640,
  height: 480,
  ...(capturedAt === undefined ? {} : { capturedAt }),
});
const pose = (f: SourceFrame<string>, hands: Hand[] = [hand(f.index / 10)]): PoseFrame => ({ index: f.index, timestamp: f.timestamp, hands });
const frames = { a: source(0, 1000), b: source(1, 1040), c: source(2, 1080), d: source(3, 1120) };
const poses = { a: { ...pose(frames.a), capturedAt: 1000 }, b: { ...pose(frames.b), capturedAt: 1040 }, c: { ...pose(frames.c), capturedAt: 1080 }, d: { ...pose(frames.d), capturedAt: 1120 } };

function collect<T>(obs: Observable<T>): { values: T[]; error: unknown; done: boolean } {
  const out = { values: [] as T[], error: undefined as unknown, done: false };
  obs.subscribe({ next: (v) => out.values.push(v), error: (e: unknown) => (out.error = e), complete: () => (out.done = true) });
  return out;
}

describe('estimateHands', () => {
  it('keeps one frame in flight and one pending, replaces the pending frame, finishes both on completion and copies capturedAt', () => {
    const ts = scheduler();
    const dropped: number[] = [];
    const op = estimateHands((f: SourceFrame<string>) => ts.createColdObservable('----(p|)', { p: pose(f) }), {
      onDrop: (f, n) => dropped.push(f.index * 10 + n),
    });
    ts.run(({ hot, expectObservable, expectSubscriptions }) => {
      const src = hot('a-bc--d--|', frames);
      expectObservable(src.pipe(op)).toBe('----a---c---(d|)', poses);
      expectSubscriptions(src.subscriptions).toBe('^--------!');
    });
    expect(dropped).toEqual([11]); // frame 1 (b), first drop
    expect(op.dropped).toBe(1);
  });

  it("keeps the estimator's own capturedAt", () => {
    const own = { ...pose(frames.a), capturedAt: 7 };
    const out = collect(of(frames.a).pipe(estimateHands(() => of(own))));
    expect(out.values).toEqual([own]);
    expect(out.done).toBe(true);
  });

  it('errors with an InvalidPoseError naming the frame and hand when a hand has the wrong landmark count', () => {
    const out = collect(of(frames.a, frames.d).pipe(estimateHands((f) => of(pose(f, f.index === 3 ? [hand(1), hand(2, 20)] : [hand(1)])))));
    expect(out.values).toHaveLength(1);
    expect(out.error).toBeInstanceOf(InvalidPoseError);
    expect((out.error as InvalidPoseError).message).toContain('frame 3, hand 1: expected 21 landmarks, got 20');
    expect((out.error as InvalidPoseError).frameIndex).toBe(3);
  });

  it('errors on non-finite landmarks, naming the landmark and axis', () => {
    const bad = hand(1);
    bad.landmarks[8] = { x: 0.5, y: Number.NaN, z: 0 };
    const out = collect(of(frames.b).pipe(estimateHands((f) => of(pose(f, [bad])))));
    expect(out.error).toBeInstanceOf(InvalidPoseError);
    expect((out.error as Error).message).toContain('frame 1, hand 0: landmark 8.y is NaN');
  });

  it('unsubscribing tears down the source and the in-flight estimate, and drops the pending frame', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = cold('----(p|)', { p: poses.a });
      const src = hot('a-b-c---', frames);
      expectObservable(src.pipe(estimateHands(() => inner)), '^----!').toBe('----a-', poses);
      expectSubscriptions(src.subscriptions).toBe('^----!');
      expectSubscriptions(inner.subscriptions).toBe(['^---!', '----^!']);
    });
  });

  it('errors when the source errors, the estimator errors or estimate throws', () => {
    scheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const inner = cold('----(p|)', { p: poses.a });
      expectObservable(hot('a-#', frames).pipe(estimateHands(() => inner))).toBe('--#');
      expectSubscriptions(inner.subscriptions).toBe('^-!');
      const src = hot('a-b-c-|', frames);
      const failure = new Error('worker crashed');
      expectObservable(src.pipe(estimateHands(() => cold('---#', undefined, failure)))).toBe('---#', undefined, failure);
      expectSubscriptions(src.subscriptions).toBe('^--!');
      const thrown = new Error('no image');
      expectObservable(
        hot('a-b|', frames).pipe(
          estimateHands((f) => {
            if (f.index === 1) throw thrown;
            return of(pose(f));
          }),
        ),
      ).toBe('a-#', { a: poses.a }, thrown);
    });
  });

  it('is re-entrant: a synchronous estimator, and a source that emits from inside estimate and from the result callback', () => {
    const subject = new Subject<SourceFrame<string>>();
    const started: number[] = [];
    const out: number[] = [];
    let done = false;
    const op = estimateHands((f: SourceFrame<string>) => {
      started.push(f.index);
      if (f.index < 2) subject.next(source(f.index + 1)); // while busy: becomes pending
      return of(pose(f));
    });
    subject.pipe(op).subscribe({
      next: (p) => {
        out.push(p.index);
        if (p.index === 2) {
          subject.next(source(10));
          subject.next(source(11)); // replaces 10
          subject.complete();
        }
      },
      complete: () => (done = true),
    });
    subject.next(source(0));
    expect(started).toEqual([0, 1, 2, 11]);
    expect(out).toEqual([0, 1, 2, 11]);
    expect(done).toBe(true);
    expect(op.dropped).toBe(1);
  });

  it('records start (waitMs), emit and end with captureT, and drop, on the monitor', () => {
    const ts = scheduler();
    const events: StageEvent[] = [];
    const monitor: PipelineMonitor = { now: () => ts.now(), record: (e) => events.push({ t: ts.now(), ...e }) };
    const noCapture = { a: source(0), b: source(1), c: source(2, 500) };
    ts.run(({ cold, hot, expectObservable }) => {
      const src = hot('a-bc|', noCapture);
      expectObservable(src.pipe(estimateHands((f: SourceFrame<string>) => cold('----(p|)', { p: pose(f) }), { monitor }))).toBe('----a---(c|)', {
        a: pose(noCapture.a),
        c: { ...pose(noCapture.c), capturedAt: 500 },
      });
    });
    expect(events).toEqual([
      { stage: 'estimator', kind: 'start', t: 0, captureT: 0, waitMs: 0 },
      { stage: 'estimator', kind: 'drop', t: 3, captureT: 40 },
      { stage: 'estimator', kind: 'emit', t: 4, captureT: 0 },
      { stage: 'estimator', kind: 'end', t: 4, captureT: 0 },
      { stage: 'estimator', kind: 'start', t: 4, captureT: 500, waitMs: 1 },
      { stage: 'estimator', kind: 'emit', t: 8, captureT: 500 },
      { stage: 'estimator', kind: 'end', t: 8, captureT: 500 },
    ]);
  });

  it('closes the image of a dropped frame (ImageBitmap-like), unless closeDropped is false', () => {
    const make = (index: number) => {
      const image = { closed: false, close() { this.closed = true; } };
      return { index, timestamp: index, image, width: 1, height: 1 } satisfies SourceFrame<typeof image>;
    };
    for (const closeDropped of [true, false]) {
      const frames$ = new Subject<ReturnType<typeof make>>();
      const inFlight = new Subject<PoseFrame>();
      collect(frames$.pipe(estimateHands(() => inFlight, { closeDropped })));
      const [f0, f1, f2] = [make(0), make(1), make(2)];
      frames$.next(f0);
      frames$.next(f1);
      frames$.next(f2); // replaces f1 as the pending frame: f1 is dropped
      expect([f0.image.closed, f1.image.closed, f2.image.closed]).toEqual([false, closeDropped, false]);
    }
  });

  it('pulls no more from a synchronous source than exhaustMap, and returns from an infinite one (contract)', () => {
    const op = () => estimateHands((f: SourceFrame<string>) => of(pose(f)));
    for (const n of [1, 2, 5]) {
      expect(pulledBefore(op(), source, n).pulled).toBe(pulledBefore(exhaustMap((f: SourceFrame<string>) => of(pose(f))), source, n).pulled);
    }
    expect(pulledBefore(op(), source, 2).pulled).toBe(2); // was 1,000,000
    const endless = takeFromInfinite(op(), source, 2);
    expect([endless.taken.map((p) => p.index), endless.completed, endless.pulled]).toEqual([[0, 1], true, 2]);
    expectUnbrokenChain(op(), { a: frames.a, b: frames.b, c: frames.c, d: frames.d });
  });

  it('closes the pending frame\'s image when the subscription ends first: on unsubscribe and on an estimator error', () => {
    const make = (index: number) => {
      const image = { closed: false, close() { this.closed = true; } };
      return { index, timestamp: index, image, width: 1, height: 1 } satisfies SourceFrame<typeof image>;
    };
    // Unsubscribe while frame 1 is pending.
    const frames$ = new Subject<ReturnType<typeof make>>();
    const inFlight = new Subject<PoseFrame>();
    const sub = frames$.pipe(estimateHands(() => inFlight)).subscribe();
    const [f0, f1] = [make(0), make(1)];
    frames$.next(f0);
    frames$.next(f1);
    sub.unsubscribe();
    expect([f0.image.closed, f1.image.closed]).toEqual([false, true]); // f0 belongs to the estimator
    // The estimator errors while frame 3 is pending.
    const more$ = new Subject<ReturnType<typeof make>>();
    const failing = new Subject<PoseFrame>();
    const out = collect(more$.pipe(estimateHands(() => failing)));
    const [f2, f3] = [make(2), make(3)];
    more$.next(f2);
    more$.next(f3);
    failing.error(new Error('worker crashed'));
    expect(out.error).toBeInstanceOf(Error);
    expect(f3.image.closed).toBe(true);
  });

  it('loses only the frame of a call lost to a worker restart (error.recovered), unless skipError says otherwise', () => {
    const lostCall = Object.assign(new Error('estimator timed out; restarted'), { recovered: true });
    scheduler().run(({ cold, hot, expectObservable }) => {
      const estimate = (f: SourceFrame<string>): Observable<PoseFrame> => (f.index === 0 ? cold('---#', undefined, lostCall) : cold('--(p|)', { p: pose(f) }));
      expectObservable(hot('ab---|', frames).pipe(estimateHands(estimate))).toBe('-----(b|)', { b: poses.b });
      expectObservable(hot('ab---|', frames).pipe(estimateHands(estimate, { skipError: () => false }))).toBe('---#', undefined, lostCall);
    });
  });
});
