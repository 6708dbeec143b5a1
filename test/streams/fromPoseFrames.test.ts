import { describe, expect, it } from 'vitest';
import { lastValueFrom, map, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { fromPoseFrames } from '../../src/streams/fromPoseFrames.js';
import { syntheticPoseStream } from '../../src/testing/syntheticPoseStream.js';
import type { PoseFrame } from '../../src/types.js';

const frames = syntheticPoseStream({ frames: 3, fps: 30 });

describe('fromPoseFrames', () => {
  it('emits an array synchronously, in order', () => {
    const seen: PoseFrame[] = [];
    fromPoseFrames(frames).subscribe((f) => seen.push(f));
    expect(seen).toEqual(frames);
    expect(seen[0]).toBe(frames[0]);
  });

  it('emits a generator and stops it on unsubscribe', () => {
    let produced = 0;
    function* gen() {
      for (const f of frames) {
        produced++;
        yield f;
      }
    }
    const seen: number[] = [];
    fromPoseFrames(gen()).pipe(take(2)).subscribe((f) => seen.push(f.index));
    expect(seen).toEqual([0, 1]);
    expect(produced).toBe(2);
  });

  it('emits an async iterable', async () => {
    async function* gen() {
      for (const f of frames) yield f;
    }
    expect((await lastValueFrom(fromPoseFrames(gen()).pipe(toArray()))).map((f) => f.index)).toEqual([0, 1, 2]);
  });

  it('emits on a scheduler (one task per frame)', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      expectObservable(fromPoseFrames(frames, { scheduler }).pipe(map((f) => f.index))).toBe('(abc|)', { a: 0, b: 1, c: 2 });
    });
  });

  it('errors when the iterable throws, after the frames before', () => {
    function* gen() {
      yield frames[0]!;
      throw new Error('camera gone');
    }
    const seen: string[] = [];
    fromPoseFrames(gen()).subscribe({ next: (f) => seen.push(String(f.index)), error: (e: Error) => seen.push(e.message) });
    expect(seen).toEqual(['0', 'camera gone']);
  });
});
