import type { FromCameraOptions } from './fromCamera.js';
import { CameraError, type CameraErrorReason } from './browserErrors.js';

const reasons: Record<string, CameraErrorReason> = {
  NotAllowedError: 'permission-denied',
  SecurityError: 'permission-denied',
  NotFoundError: 'not-found',
  DevicesNotFoundError: 'not-found',
  OverconstrainedError: 'overconstrained',
  NotReadableError: 'in-use',
  AbortError: 'in-use',
  TypeError: 'unsupported',
};

/** A `getUserMedia` failure as a {@link CameraError} whose `reason` says why. @internal */
export function cameraError(cause: unknown): CameraError {
  const name = cause instanceof Error ? cause.name : '';
  const reason = reasons[name] ?? 'unknown';
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new CameraError(reason, `fromCamera: getUserMedia failed, ${reason} (${detail})`, { cause });
}

/**
 * Opens the camera with `fromCamera`'s constraints (ideal 640x480, `facingMode` or `deviceId`, ideal frame rate),
 * video only. Rejects with a {@link CameraError} (`'insecure-context'` or `'unsupported'` when there is no
 * `getUserMedia`, else the reason of its failure). The caller stops the tracks.
 * @internal
 */
export async function openCamera(options: FromCameraOptions = {}): Promise<MediaStream> {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (typeof devices?.getUserMedia !== 'function') {
    const insecure = typeof isSecureContext === 'boolean' && !isSecureContext;
    throw new CameraError(
      insecure ? 'insecure-context' : 'unsupported',
      insecure
        ? `fromCamera: ${location.href} is not a secure context (https or localhost), so there is no camera API`
        : 'fromCamera: this environment has no navigator.mediaDevices.getUserMedia',
    );
  }
  const constraints: MediaTrackConstraints = {
    width: { ideal: options.width ?? 640 },
    height: { ideal: options.height ?? 480 },
  };
  if (options.deviceId !== undefined) constraints.deviceId = { exact: options.deviceId };
  else constraints.facingMode = options.facingMode ?? 'user';
  if (options.frameRate !== undefined) constraints.frameRate = { ideal: options.frameRate };
  try {
    return await devices.getUserMedia({ video: constraints, audio: false });
  } catch (cause) {
    throw cameraError(cause);
  }
}
