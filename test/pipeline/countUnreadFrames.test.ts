import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { countUnreadFrames } from '../../src/pipeline/countUnreadFrames.js';

const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/**
 * A camera delivering 3 frames every 10 ms to the processor (Chromium's `track.stats.deliveredFrames`), and the
 * frames the estimator had read by its latest pose frame on the page, per 10 ms step: nothing while the models
 * load, then reading about every other frame, catching up once at 70 ms.
 */
const READ_BY = [0, 0, 2, 4, 5, 7, 8, 13, 13, 14, 15];
function camera(ts: TestScheduler) {
  const step = () => Math.floor(ts.now() / 10);
  const track = { stats: { get deliveredFrames() { return 3 * step(); } } } as unknown as MediaStreamTrack;
  return { track, readBy: () => READ_BY[Math.min(step(), READ_BY.length - 1)]! };
}

describe('countUnreadFrames', () => {
  it('counts frames delivered but never read, from the first pose frame on, leaving out those in flight', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      const { track, readBy } = camera(ts);
      // unread (delivered - read) per check: 10: none read yet; 20: 4 (the baseline); 30: 5; 40: 7; 50: 8; 60: 10;
      // 70: 8; 80: 11. Counted = unread - baseline - 3 in flight, only what is more than counted before.
      expectObservable(countUnreadFrames(track, readBy, 10), '85ms !').toBe('50ms a 9ms b 19ms c', { a: 1, b: 2, c: 1 });
    });
  });

  it('keeps its count per subscription: a later subscriber starts from its own first check', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      const { track, readBy } = camera(ts);
      const unread$ = countUnreadFrames(track, readBy, 10);
      expectObservable(unread$, '^ 84ms !').toBe('50ms a 9ms b 19ms c', { a: 1, b: 2, c: 1 });
      // From 40: baseline 8 at 50; 60: 10, 70: 8, 80: 11, 90: 27 - 14 = 13 -> 13 - 8 - 3 = 2.
      expectObservable(unread$, '40ms ^ 54ms !').toBe('90ms a', { a: 2 });
    });
  });

  it('emits nothing for a track without frame counters (not Chromium), and nothing after unsubscribing', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      expectObservable(countUnreadFrames({} as MediaStreamTrack, () => 5, 10)).toBe('|');
      // Chromium's non-camera tracks (canvas captureStream, MediaStreamTrackGenerator, WebRTC remote): stats is null.
      expectObservable(countUnreadFrames({ stats: null } as unknown as MediaStreamTrack, () => 5, 10)).toBe('|');
      expectObservable(countUnreadFrames({ stats: {} } as unknown as MediaStreamTrack, () => 5, 10)).toBe('|');
      const { track, readBy } = camera(ts);
      expectObservable(countUnreadFrames(track, readBy, 10), '55ms !').toBe('50ms a', { a: 1 });
    });
  });

  it('never counts a frame that is only late: a reader that keeps up with frames in flight counts none', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      let delivered = 0;
      const track = { stats: { get deliveredFrames() { return delivered; } } } as unknown as MediaStreamTrack;
      // Every check: 3 more delivered, the estimator 0-3 behind (on its way), never dropping one.
      const lag = [0, 3, 1, 2, 3, 0, 3];
      let check = 0;
      const readBy = () => {
        delivered += 3;
        return delivered - lag[check++ % lag.length]!;
      };
      expectObservable(countUnreadFrames(track, readBy, 10), '75ms !').toBe('-');
    });
  });
});
