/** The record button: keeps the pose frames while recording, then downloads them as posestream NDJSON. */
import { RECORDING_FORMAT, serializeRecording, type PoseFrame } from 'posestream';

/** A recorder bound to one button. */
export interface Recorder {
  /** Called with every pose frame; kept only while recording. */
  add(frame: PoseFrame): void;
  /** Stops (downloading what was recorded) when recording. */
  stop(): void;
}

/** Binds the record button; `source()` names the current source in the recording header. */
export function createRecorder(button: HTMLButtonElement, source: () => string): Recorder {
  let frames: PoseFrame[] | undefined;
  let name = '';
  const stop = (): void => {
    if (frames === undefined) return;
    const taken = frames;
    frames = undefined;
    button.classList.remove('recording');
    button.textContent = '● Record';
    if (taken.length === 0) return;
    const first = taken[0]!;
    const last = taken[taken.length - 1]!;
    const span = last.timestamp - first.timestamp;
    const fps = span > 0 ? Math.round(((taken.length - 1) * 1000) / span) : undefined;
    const text = serializeRecording({
      header: { format: RECORDING_FORMAT, fps, width: first.width, height: first.height, source: name },
      frames: taken,
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `posestream-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  button.addEventListener('click', () => {
    if (frames !== undefined) {
      stop();
      return;
    }
    frames = [];
    name = source();
    button.classList.add('recording');
    button.textContent = '■ Stop & download';
  });
  return {
    add(frame) {
      if (frames === undefined) return;
      // Re-index from 0 so the recording is self-contained.
      frames.push({ ...frame, index: frames.length });
    },
    stop,
  };
}
