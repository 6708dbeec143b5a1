import { Observable } from 'rxjs';
import type { Subscribable } from 'rxjs';
import type { SourceFrame } from '../types.js';
import { EmptyFrameError, VideoSourceError } from './browserErrors.js';
import { videoElementError } from './fromVideoElement.js';

/** What {@link fromVideoFile} learnt about the video before its first frame. */
export interface VideoFileInfo {
  /** The URL `fromVideoFile` was given. */
  url: string;
  /** The video's intrinsic width, pixels. */
  width: number;
  /** The video's intrinsic height, pixels. */
  height: number;
  /** Seconds. */
  duration: number;
  /** Frame rate: the `fps` option, else measured from two consecutive frames' presentation times. */
  fps: number;
  /** round(duration * fps): the expected number of frames (for progress bars). */
  frameCount: number;
}

/** Options of {@link fromVideoFile}. */
export interface FromVideoFileOptions {
  /**
   * Consumer pacing: each emission of `pacer` acknowledges one frame; at most `prefetch` frames are emitted and
   * not yet acknowledged. Without a pacer, frames are emitted as fast as the video seeks.
   * @default undefined
   */
  pacer?: Subscribable<unknown>;
  /** With `pacer`: frames emitted ahead of acknowledgement. @default 1 */
  prefetch?: number;
  /** The video's frame rate, if known (skips measuring it by playing two frames). @default undefined */
  fps?: number;
  /** Called once with the video's size, duration and frame rate, before the first frame. @default undefined */
  onInfo?: (info: VideoFileInfo) => void;
}

const once = (target: EventTarget, ok: string, bad = 'error'): Promise<void> =>
  new Promise((resolve, reject) => {
    const done = (event: Event): void => {
      target.removeEventListener(ok, done);
      target.removeEventListener(bad, done);
      if (event.type === ok) resolve();
      else reject(event);
    };
    target.addEventListener(ok, done);
    target.addEventListener(bad, done);
  });

const nextFrame = (video: HTMLVideoElement): Promise<VideoFrameCallbackMetadata> =>
  new Promise((resolve) => video.requestVideoFrameCallback((_now, metadata) => resolve(metadata)));

/** Measures the frame duration (s) from two consecutive presented frames while playing muted. */
async function measureFrameDuration(video: HTMLVideoElement): Promise<number> {
  const first = nextFrame(video);
  await video.play();
  let previous = await first;
  for (;;) {
    const current = await Promise.race([nextFrame(video), once(video, 'ended').then(() => undefined)]);
    if (current === undefined) return video.duration; // a single-frame video
    if (current.presentedFrames === previous.presentedFrames + 1 && current.mediaTime > previous.mediaTime) {
      video.pause();
      return current.mediaTime - previous.mediaTime;
    }
    previous = current;
  }
}

/**
 * Every frame of a video file, in order, as `SourceFrame<ImageBitmap>`s: not real time, for recording.
 *
 * The video is stepped by seeking (paused) from one presented frame to the middle of the next, so no frame is
 * skipped for a constant-frame-rate video however slow the consumer is; with a `pacer` it waits for the consumer.
 * `timestamp` is the frame's presentation time (ms), `capturedAt` = `performance.now()` when it was presented.
 * Main thread only (needs `document`). Errors: {@link VideoSourceError} naming the URL (unsupported,
 * decode, network), {@link EmptyFrameError} for a video without a picture.
 *
 * @example
 * ```ts
 * import { Subject, concatMap, tap } from 'rxjs';
 * import { fromVideoFile } from 'posestream';
 * const done$ = new Subject<void>();
 * fromVideoFile('/clip.mp4', { pacer: done$ })
 *   .pipe(concatMap(async (f) => { f.image.close(); }), tap(() => done$.next()))
 *   .subscribe();
 * ```
 */
export function fromVideoFile(url: string, options: FromVideoFileOptions = {}): Observable<SourceFrame<ImageBitmap>> {
  return new Observable<SourceFrame<ImageBitmap>>((subscriber) => {
    let closed = false;
    let credit = options.pacer === undefined ? Infinity : Math.max(1, options.prefetch ?? 1);
    let wake: (() => void) | undefined;
    const pacing = options.pacer?.subscribe({
      next: () => {
        credit += 1;
        wake?.();
      },
    });
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.preload = 'auto';
    video.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:2px;opacity:0.01;pointer-events:none';
    document.body.append(video);

    const run = async (): Promise<void> => {
      const loaded = once(video, 'loadeddata');
      video.src = url;
      try {
        await loaded;
      } catch {
        throw videoElementError(video, 'fromVideoFile:');
      }
      const width = video.videoWidth;
      const height = video.videoHeight;
      if (!width || !height) throw new EmptyFrameError(`fromVideoFile: ${url} has no picture (${width}x${height})`, 0);
      if (typeof video.requestVideoFrameCallback !== 'function') {
        throw new VideoSourceError('unsupported', 'fromVideoFile: this browser has no requestVideoFrameCallback');
      }
      const frameDuration = options.fps !== undefined ? 1 / options.fps : await measureFrameDuration(video);
      const duration = video.duration;
      const fps = 1 / frameDuration;
      options.onInfo?.({ url, width, height, duration, fps, frameCount: Math.round(duration * fps) });

      let target = frameDuration / 2;
      let lastMediaTime = -Infinity;
      for (let index = 0; !closed && target < duration; index++) {
        while (credit <= 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
        if (closed) return;
        const presented = nextFrame(video);
        const seeked = once(video, 'seeked');
        video.currentTime = target;
        await seeked;
        const metadata = await presented;
        const capturedAt = performance.now();
        if (metadata.mediaTime <= lastMediaTime) break; // the seek landed on the last frame again: the end
        lastMediaTime = metadata.mediaTime;
        if (!metadata.width || !metadata.height) {
          throw new EmptyFrameError(`fromVideoFile: ${url} frame ${index} is ${metadata.width}x${metadata.height}`, index);
        }
        const image = await createImageBitmap(video);
        if (closed) {
          image.close();
          return;
        }
        credit -= 1;
        subscriber.next({
          index,
          timestamp: metadata.mediaTime * 1000,
          capturedAt,
          image,
          width: image.width,
          height: image.height,
        });
        target = metadata.mediaTime + frameDuration * 1.5;
      }
      if (!closed) subscriber.complete();
    };

    run().catch((error: unknown) => {
      if (closed) return;
      subscriber.error(
        error instanceof VideoSourceError || error instanceof EmptyFrameError
          ? error
          : error instanceof Event
            ? videoElementError(video, 'fromVideoFile:')
            : new VideoSourceError('decode', `fromVideoFile: ${url}: ${String(error)}`, { cause: error }),
      );
    });

    return () => {
      closed = true;
      wake?.();
      pacing?.unsubscribe();
      video.pause();
      video.removeAttribute('src');
      video.load();
      video.remove();
    };
  });
}
