import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fromVideoFrameStream } from '../../src/streams/fromVideoFrameStream.js';
import { EmptyFrameError, VideoSourceError } from '../../src/streams/browserErrors.js';

/** What fromVideoFrameStream reads of a VideoFrame (Node has none), with a record of closes. */
function frame(timestampUs: number, closed: number[], width = 640, height = 480): VideoFrame {
  return { timestamp: timestampUs, displayWidth: width, displayHeight: height, close: () => closed.push(timestampUs) } as unknown as VideoFrame;
}

function streamOf(frames: VideoFrame[], pulls: { n: number } = { n: 0 }, cancelled: { value: boolean } = { value: false }): ReadableStream<VideoFrame> {
  let i = 0;
  return new ReadableStream<VideoFrame>(
    {
      pull(controller) {
        pulls.n += 1;
        if (i < frames.length) controller.enqueue(frames[i++]!);
        else controller.close();
      },
      cancel() {
        cancelled.value = true;
      },
    },
    { highWaterMark: 0 },
  );
}

describe('fromVideoFrameStream', () => {
  it('emits every frame as a SourceFrame on the capture clock (or the media clock), then completes', async () => {
    const closed: number[] = [];
    let t = 10;
    const frames = [frame(1000, closed), frame(34000, closed), frame(34000, closed)];
    const got = await lastValueFrom(fromVideoFrameStream(streamOf(frames), { now: () => (t += 5) }).pipe(toArray()));
    expect(got.map((f) => [f.index, f.timestamp, f.capturedAt, f.width, f.height])).toEqual([
      [0, 15, 15, 640, 480],
      [1, 20, 20, 640, 480],
      [2, 25, 25, 640, 480],
    ]);
    expect(got[0]!.image).toBe(frames[0]);
    const media = await lastValueFrom(fromVideoFrameStream(streamOf([frame(1000, closed), frame(34000, closed), frame(34000, closed)]), { clock: 'media' }).pipe(toArray()));
    expect(media.map((f) => f.timestamp)).toEqual([1, 34, 35]); // strictly increasing: a repeated timestamp is bumped
    expect(closed).toEqual([]); // the frames it emits are the downstream's to close
  });

  it('take(n) cancels the stream: nothing more is pulled', async () => {
    const closed: number[] = [];
    const pulls = { n: 0 };
    const cancelled = { value: false };
    const frames = Array.from({ length: 100 }, (_, i) => frame(i * 33000, closed));
    const first = await firstValueFrom(fromVideoFrameStream(streamOf(frames, pulls, cancelled)).pipe(take(1)));
    expect(first.index).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(cancelled.value).toBe(true);
    expect(pulls.n).toBeLessThanOrEqual(2);
  });

  it('a 0x0 frame is an EmptyFrameError (the frame closed); a locked stream is a VideoSourceError', async () => {
    const closed: number[] = [];
    const stream = streamOf([frame(0, closed), frame(1, closed, 0, 0)]);
    await expect(lastValueFrom(fromVideoFrameStream(stream))).rejects.toThrow(EmptyFrameError);
    expect(closed).toEqual([1]);
    const locked = streamOf([]);
    locked.getReader();
    await expect(lastValueFrom(fromVideoFrameStream(locked))).rejects.toThrow(VideoSourceError);
  });
});
