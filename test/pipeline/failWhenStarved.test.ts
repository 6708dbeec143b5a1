import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { failWhenStarved } from '../../src/pipeline/failWhenStarved.js';
import { StarvedStreamError } from '../../src/pipeline/StarvedStreamError.js';

const testScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** A camera delivering `perMs` frames per ms (Chromium's `track.stats.deliveredFrames`) on the scheduler's clock. */
const camera = (ts: TestScheduler, perMs: number) =>
  ({ stats: { get deliveredFrames() { return Math.floor(perMs * ts.now()); } } }) as unknown as MediaStreamTrack;
const options = (ts: TestScheduler, watching?: () => boolean) => ({ quietMs: 100, minFrames: 10, scheduler: ts, ...(watching ? { watching } : {}) });

describe('failWhenStarved', () => {
  it('errors with a recovered StarvedStreamError once no pose frame came for quietMs while the camera delivered frames', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      // checks every 20 ms; pose frames until 50 ms (last seen at the 60 ms check), then none
      const poses = () => Math.min(ts.now(), 50);
      const error = new StarvedStreamError(30, 100);
      expectObservable(failWhenStarved(camera(ts, 0.3), poses, options(ts))).toBe('160ms #', undefined, error);
    });
    const e = new StarvedStreamError(30, 100);
    expect(e.recovered).toBe(true);
    expect(e.code).toBe('starved-stream');
    expect(e.message).toMatch(/delivered 30 frames in 100 ms but no pose frame came/);
  });

  it('stays quiet while pose frames come, while the camera delivers too few frames, and while not watching', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      expectObservable(failWhenStarved(camera(ts, 0.3), () => ts.now(), options(ts)), '1000ms !').toBe('');
      expectObservable(failWhenStarved(camera(ts, 0.01), () => 0, options(ts)), '1000ms !').toBe(''); // 10 frames take 1 s
      expectObservable(failWhenStarved(camera(ts, 0.3), () => 0, options(ts, () => false)), '1000ms !').toBe('');
      // watched from 500 ms: the quiet time starts at the last check not watched (480 ms)
      expectObservable(failWhenStarved(camera(ts, 0.3), () => 0, options(ts, () => ts.now() >= 500)), '1000ms !').toBe('580ms #', undefined, new StarvedStreamError(30, 100));
    });
  });

  it('never errors on a track without frame counters: no stats (not Chromium), or null stats (a canvas, generated or WebRTC track)', () => {
    const ts = testScheduler();
    ts.run(({ expectObservable }) => {
      expectObservable(failWhenStarved({} as MediaStreamTrack, () => 0, options(ts))).toBe('|');
      // Chromium's non-camera tracks: `stats` is null (reading its deliveredFrames threw a TypeError 3 ms after ready).
      expectObservable(failWhenStarved({ stats: null } as unknown as MediaStreamTrack, () => 0, options(ts))).toBe('|');
    });
  });
});
