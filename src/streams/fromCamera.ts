import { Observable } from 'rxjs';
import type { SourceFrame } from '../types.js';
import { CameraError } from './browserErrors.js';
import { cameraError, openCamera } from './openCamera.js';
import { fromVideoElement } from './fromVideoElement.js';

/** Options of {@link fromCamera}. */
export interface FromCameraOptions {
  /** Ideal capture width, px. @default 640 */
  width?: number;
  /** Ideal capture height, px. @default 480 */
  height?: number;
  /** Which camera, on devices that have several. @default 'user' */
  facingMode?: 'user' | 'environment';
  /** A specific camera (from `enumerateDevices`); overrides `facingMode`. @default undefined */
  deviceId?: string;
  /** Ideal frame rate. @default undefined (the camera's own) */
  frameRate?: number;
  /**
   * The `<video>` element that plays the stream (e.g. one you also show). It gets `srcObject` set and cleared.
   * @default a hidden element appended to `document.body` for the subscription's lifetime
   */
  video?: HTMLVideoElement;
}

/**
 * Live camera frames as `SourceFrame<ImageBitmap>`s, one per frame the camera delivers.
 *
 * Opens the camera with `getUserMedia` on subscribe, plays it in a `<video>` and reads frames with
 * `requestVideoFrameCallback` (see `fromVideoElement`). `timestamp` and `capturedAt` are `performance.now()` at
 * capture. Unsubscribing stops every track. Errors are {@link CameraError}s whose `reason` is
 * `'permission-denied'`, `'not-found'`, `'in-use'`, `'overconstrained'`, `'insecure-context'`, `'unsupported'`
 * or `'unknown'`.
 *
 * @example
 * ```ts
 * import { fromCamera } from 'posestream';
 * const sub = fromCamera({ width: 640, height: 480 }).subscribe((frame) => frame.image.close());
 * ```
 */
export function fromCamera(options: FromCameraOptions = {}): Observable<SourceFrame<ImageBitmap>> {
  return new Observable<SourceFrame<ImageBitmap>>((subscriber) => {
    let closed = false;
    let stream: MediaStream | undefined;
    let ownVideo = false;
    let video: HTMLVideoElement | undefined;
    let inner: { unsubscribe(): void } | undefined;

    const start = async (): Promise<void> => {
      stream = await openCamera(options);
      if (closed) {
        for (const track of stream.getTracks()) track.stop(); // unsubscribed while the permission prompt was open
        return;
      }
      video = options.video ?? document.createElement('video');
      if (options.video === undefined) {
        ownVideo = true;
        video.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:2px;opacity:0.01;pointer-events:none';
        document.body.append(video);
      }
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      inner = fromVideoElement(video, { completeOnEnded: false, clock: 'capture' }).subscribe(subscriber);
      await video.play();
    };

    start().catch((error: unknown) => {
      if (!closed) subscriber.error(error instanceof CameraError ? error : cameraError(error));
    });

    return () => {
      closed = true;
      inner?.unsubscribe();
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (video !== undefined) {
        video.pause();
        video.srcObject = null;
        if (ownVideo) video.remove();
      }
    };
  });
}
