import { Observable } from 'rxjs';
import type { SourceFrame } from '../types.js';
import { EmptyFrameError, VideoSourceError } from './browserErrors.js';
import type { VideoSourceErrorReason } from './browserErrors.js';

/** Options of {@link fromVideoElement}. */
export interface FromVideoElementOptions {
  /** Complete when the video fires `ended`. @default true */
  completeOnEnded?: boolean;
  /**
   * Which clock `timestamp` follows: `'media'` = the frame's presentation time (`mediaTime`, ms), shifted when the
   * video loops or seeks back so it stays strictly increasing; `'capture'` = `capturedAt` (live streams).
   * @default 'media'
   */
  clock?: 'media' | 'capture';
}

/** Frames in a row that may not be drawable (InvalidStateError) before the source is given up as broken. */
const MAX_UNUSABLE_FRAMES = 30;

const mediaErrorReasons: Record<number, VideoSourceErrorReason> = { 1: 'aborted', 2: 'network', 3: 'decode', 4: 'unsupported' };

/** Describes a media element's error as a typed {@link VideoSourceError} naming its source. @internal */
export function videoElementError(video: HTMLVideoElement, what: string): VideoSourceError {
  const code = video.error?.code ?? 4;
  const reason = mediaErrorReasons[code] ?? 'unsupported';
  const src = video.currentSrc || video.src || (video.srcObject ? 'MediaStream' : '<no source>');
  const detail = video.error?.message ? `: ${video.error.message}` : '';
  return new VideoSourceError(reason, `${what} ${src}: ${reason} (MediaError ${code}${detail})`);
}

/**
 * Frames of a playing `<video>` element as `SourceFrame<ImageBitmap>`s, one per presented frame.
 *
 * Uses `requestVideoFrameCallback`; each frame is snapshotted with `createImageBitmap` at once (emitted in
 * order), with `capturedAt = performance.now()` at the callback. A frame the element presents before it is drawable
 * (right after a source change) is skipped; 30 such frames in a row are an error. Frames the element skips are not seen: this is
 * the real-time source (see `fromVideoFile` for every frame). Errors: {@link VideoSourceError} when the element
 * fails or the browser lacks `requestVideoFrameCallback`, {@link EmptyFrameError} for a 0-sized frame.
 * Unsubscribing stops listening; it does not pause the element.
 *
 * @example
 * ```ts
 * import { fromVideoElement } from 'posestream';
 * const frames$ = fromVideoElement(document.querySelector('video')!);
 * ```
 */
export function fromVideoElement(
  video: HTMLVideoElement,
  options: FromVideoElementOptions = {},
): Observable<SourceFrame<ImageBitmap>> {
  const { completeOnEnded = true, clock = 'media' } = options;
  return new Observable<SourceFrame<ImageBitmap>>((subscriber) => {
    if (typeof video.requestVideoFrameCallback !== 'function') {
      subscriber.error(new VideoSourceError('unsupported', 'fromVideoElement: this browser has no requestVideoFrameCallback'));
      return undefined;
    }
    let closed = false;
    let index = 0;
    let last = -Infinity;
    let offset = 0;
    let chain: Promise<void> = Promise.resolve();
    let unusable = 0; // frames in a row whose snapshot failed with InvalidStateError

    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
      if (closed) return;
      handle = video.requestVideoFrameCallback(onFrame);
      const capturedAt = performance.now();
      const i = index++;
      const width = metadata.width;
      const height = metadata.height;
      if (!width || !height) {
        closed = true;
        subscriber.error(new EmptyFrameError(`fromVideoElement: frame ${i} is ${width}x${height}`, i));
        return;
      }
      let timestamp = clock === 'capture' ? capturedAt : metadata.mediaTime * 1000 + offset;
      if (timestamp <= last) {
        offset += last + 1 - timestamp;
        timestamp = last + 1;
      }
      last = timestamp;
      const snapshot = createImageBitmap(video);
      chain = chain.then(() =>
        snapshot.then(
          (image) => {
            // The snapshot's own size: metadata.width/height can be the coded size of a scaled camera frame.
            unusable = 0;
            if (closed) image.close();
            else subscriber.next({ index: i, timestamp, capturedAt, image, width: image.width, height: image.height });
          },
          (cause: unknown) => {
            if (closed) return;
            // Right after a source change (a failed file, then a camera stream) the element can present a frame
            // before it is drawable: skip such frames, and give up only when none of the last ones was usable.
            const notYet = cause instanceof DOMException && cause.name === 'InvalidStateError';
            if (notYet && ++unusable < MAX_UNUSABLE_FRAMES) return;
            closed = true;
            const detail = notYet ? `, and the ${MAX_UNUSABLE_FRAMES} frames before it neither` : '';
            subscriber.error(new VideoSourceError('decode', `fromVideoElement: frame ${i} could not be read${detail} (${String(cause)})`, { cause }));
          },
        ),
      );
    };
    let handle = video.requestVideoFrameCallback(onFrame);

    const onError = (): void => {
      if (closed) return;
      closed = true;
      subscriber.error(videoElementError(video, 'fromVideoElement:'));
    };
    const onEnded = (): void => {
      if (!completeOnEnded) return;
      void chain.then(() => {
        if (closed) return;
        closed = true;
        subscriber.complete();
      });
    };
    video.addEventListener('error', onError);
    video.addEventListener('ended', onEnded);
    if (video.error) onError();

    return () => {
      closed = true;
      video.cancelVideoFrameCallback(handle);
      video.removeEventListener('error', onError);
      video.removeEventListener('ended', onEnded);
    };
  });
}
