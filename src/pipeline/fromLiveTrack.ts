import { Observable } from 'rxjs';
import { VideoSourceError } from '../streams/browserErrors.js';
import { openCamera } from '../streams/openCamera.js';
import type { HandGestureSource } from './pipelineTypes.js';

/** Shows `stream` in the caller's `<video>` (when given) until teardown. */
function show(video: HTMLVideoElement | undefined, stream: MediaStream): () => void {
  if (video === undefined) return () => undefined;
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  video.play().catch(() => undefined); // display only: frames are read from the track, not the element
  return () => {
    video.pause();
    video.srcObject = null;
  };
}

/**
 * The video track of a live source (`{ camera }` or `{ stream }`), emitted once and held until unsubscribed: the
 * camera is opened (`CameraError` on failure) and its tracks stopped on teardown; a caller's `MediaStream` is
 * never stopped. The stream plays in the source's `video`, when given, for display.
 * @internal
 */
export function fromLiveTrack(source: HandGestureSource): Observable<MediaStreamTrack> {
  return new Observable<MediaStreamTrack>((subscriber) => {
    let closed = false;
    let release = (): void => undefined;
    const emit = (stream: MediaStream, what: string): void => {
      const track = stream.getVideoTracks()[0];
      if (track === undefined) {
        subscriber.error(new VideoSourceError('unsupported', `${what} has no video track (${stream.getTracks().length} tracks)`));
        return;
      }
      subscriber.next(track);
    };
    if ('stream' in source) {
      release = show(source.video, source.stream);
      emit(source.stream, 'the MediaStream source');
    } else if ('camera' in source) {
      openCamera(source.camera).then(
        (stream) => {
          const stop = (): void => stream.getTracks().forEach((t) => t.stop());
          if (closed) return stop(); // unsubscribed while the permission prompt was open
          const hide = show(source.camera.video, stream);
          release = () => {
            hide();
            stop();
          };
          emit(stream, 'the camera stream');
        },
        (error: unknown) => {
          if (!closed) subscriber.error(error);
        },
      );
    } else {
      subscriber.error(new VideoSourceError('unsupported', 'fromLiveTrack: only a camera or MediaStream source is live'));
    }
    return () => {
      closed = true;
      release();
    };
  });
}
