import { Observable } from 'rxjs';
import type { SourceFrame } from '../types.js';
import { EmptyFrameError, VideoSourceError } from './browserErrors.js';

/** Options of {@link fromVideoFrameStream}. */
export interface FromVideoFrameStreamOptions {
  /**
   * The clock of `capturedAt` (and of `timestamp` with `clock: 'capture'`), ms. Inside a worker pass the page's
   * clock (`performance.timeOrigin + performance.now() - pageTimeOrigin`) so that latencies line up with the page.
   * @default () => performance.now()
   */
  now?: () => number;
  /**
   * Which clock `timestamp` follows: `'media'` = the `VideoFrame`'s own timestamp (µs → ms), `'capture'` = `now()`
   * when the frame was read (a live camera's capture clock, as `fromCamera` gives it).
   * @default 'capture'
   */
  clock?: 'media' | 'capture';
}

/**
 * The `VideoFrame`s of a `ReadableStream` (a `MediaStreamTrackProcessor`'s `readable`, transferred to a worker)
 * as `SourceFrame<VideoFrame>`s: the source of the off-main-thread pipeline, in the worker that estimates hands.
 *
 * Subscribing takes the stream's reader and reads frame after frame, as fast as they come; each frame goes
 * downstream at once and is the downstream's to close (`estimateHands` closes the frames it drops, the hand
 * landmarker the ones it uses). The stream ending completes; unsubscribing cancels the stream (the processor
 * stops reading the track) and closes a frame still arriving. Timestamps are forced strictly increasing. A
 * locked stream, a read error and a 0x0 frame are typed errors (`VideoSourceError`, `EmptyFrameError`).
 *
 * @example
 * ```ts
 * // in a worker that was sent `frames`, a MediaStreamTrackProcessor's readable
 * import { fromVideoFrameStream, estimateHands } from 'posestream';
 * const poses$ = fromVideoFrameStream(frames).pipe(estimateHands(estimate));
 * ```
 */
export function fromVideoFrameStream(
  frames: ReadableStream<VideoFrame>,
  options: FromVideoFrameStreamOptions = {},
): Observable<SourceFrame<VideoFrame>> {
  const { now = () => performance.now(), clock = 'capture' } = options;
  return new Observable<SourceFrame<VideoFrame>>((subscriber) => {
    let reader: ReadableStreamDefaultReader<VideoFrame>;
    try {
      reader = frames.getReader();
    } catch (cause) {
      subscriber.error(new VideoSourceError('not-ready', `fromVideoFrameStream: the frame stream cannot be read (${String(cause)}); is it already being read?`, { cause }));
      return undefined;
    }
    let index = 0;
    let last = -Infinity;
    const pump = async (): Promise<void> => {
      for (;;) {
        const { done, value: frame } = await reader.read();
        if (subscriber.closed) {
          frame?.close();
          return;
        }
        if (done) {
          subscriber.complete();
          return;
        }
        const i = index++;
        const width = frame.displayWidth;
        const height = frame.displayHeight;
        if (!width || !height) {
          frame.close();
          subscriber.error(new EmptyFrameError(`fromVideoFrameStream: frame ${i} is ${width}x${height}`, i));
          return;
        }
        const capturedAt = now();
        let timestamp = clock === 'capture' ? capturedAt : frame.timestamp / 1000;
        if (!(timestamp > last)) timestamp = last === -Infinity ? 0 : last + 1;
        last = timestamp;
        subscriber.next({ index: i, timestamp, capturedAt, image: frame, width, height });
      }
    };
    pump().catch((cause: unknown) => {
      if (!subscriber.closed) {
        subscriber.error(new VideoSourceError('aborted', `fromVideoFrameStream: reading frame ${index} failed (${String(cause)})`, { cause }));
      }
    });
    return () => {
      reader.cancel().catch(() => undefined);
    };
  });
}
