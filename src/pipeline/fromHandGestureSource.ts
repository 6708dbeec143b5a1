import { Observable } from 'rxjs';
import { fromCamera } from '../streams/fromCamera.js';
import { fromVideoElement } from '../streams/fromVideoElement.js';
import { VideoSourceError } from '../streams/browserErrors.js';
import type { SourceFrame } from '../types.js';
import type { HandGestureSource } from './pipelineTypes.js';

/** A `<video>` to play a file or stream in: the caller's, or a hidden one appended to the page until teardown. */
function playerFor(given: HTMLVideoElement | undefined): { video: HTMLVideoElement; release(): void } {
  if (given) return { video: given, release: () => undefined };
  const video = document.createElement('video');
  video.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:2px;opacity:0.01;pointer-events:none';
  document.body.append(video);
  return { video, release: () => video.remove() };
}

/**
 * Plays `load`'s media in a `<video>` and emits its frames (`fromVideoElement`); teardown pauses the element and
 * clears what was set on it (the caller's MediaStream tracks are never stopped: they are the caller's).
 */
function playing(
  given: HTMLVideoElement | undefined,
  load: (video: HTMLVideoElement) => () => void,
  what: string,
  options: { completeOnEnded: boolean; clock: 'media' | 'capture' },
): Observable<SourceFrame<ImageBitmap>> {
  return new Observable<SourceFrame<ImageBitmap>>((subscriber) => {
    const { video, release } = playerFor(given);
    video.muted = true;
    video.playsInline = true;
    const unload = load(video);
    const frames = fromVideoElement(video, options).subscribe(subscriber);
    video.play().catch((cause: unknown) => {
      // A play() interrupted by our own teardown is not an error.
      if (!subscriber.closed) {
        subscriber.error(new VideoSourceError('aborted', `${what}: the video would not play (${String(cause)})`, { cause }));
      }
    });
    return () => {
      frames.unsubscribe();
      video.pause();
      unload();
      release();
    };
  });
}

/**
 * The frames of a {@link HandGestureSource}: the camera (`fromCamera`), a `<video>` the caller plays
 * (`fromVideoElement`), a video file played in real time (an object URL for a `Blob`, revoked on teardown), or a
 * caller's `MediaStream`. Subscribing starts it; unsubscribing stops it (camera tracks stopped).
 * @internal
 */
export function fromHandGestureSource(source: HandGestureSource): Observable<SourceFrame<ImageBitmap>> {
  if ('camera' in source) return fromCamera(source.camera);
  if ('stream' in source) {
    const { stream } = source;
    return playing(
      source.video,
      (video) => {
        video.srcObject = stream;
        return () => (video.srcObject = null);
      },
      'MediaStream source',
      { completeOnEnded: false, clock: 'capture' },
    );
  }
  if ('file' in source) {
    const { file, loop = false } = source;
    return playing(
      source.video,
      (video) => {
        const url = typeof file === 'string' ? file : URL.createObjectURL(file);
        video.loop = loop;
        video.src = url;
        return () => {
          video.removeAttribute('src');
          video.load();
          if (typeof file !== 'string') URL.revokeObjectURL(url);
        };
      },
      `video file ${typeof file === 'string' ? file : '<Blob>'}`,
      { completeOnEnded: true, clock: 'media' },
    );
  }
  return fromVideoElement(source.video, { completeOnEnded: true });
}
