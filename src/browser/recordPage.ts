/**
 * The page `posestream record` drives in headless Chromium (served by `startPageServer`): every frame of a video
 * file through the hand-landmarker worker, each result handed to Node as one formatted NDJSON line.
 */
import { Subject, concatMap, lastValueFrom } from 'rxjs';
import { fromVideoFile } from '../streams/fromVideoFile.js';
import { createHandEstimatorWorker } from '../workers/createHandEstimatorWorker.js';
import { formatFrameLine, formatHeaderLine } from '../recording/formatRecordingLine.js';
import { RECORDING_FORMAT } from '../streams/recordingTypes.js';
import type { RecordingHeader } from '../streams/recordingTypes.js';
import type { HandLandmarkerOptions } from '../workers/handLandmarkerWorker.js';

/** What the page asks Node to do (installed with playwright's `exposeFunction`). */
export interface RecordPageBridge {
  /** The header line and the expected frame count (for the progress bar). */
  posestreamHeader(line: string, frameCount: number): Promise<void>;
  /** One frame line, with the in-worker detect time and the round trip, ms. */
  posestreamFrame(line: string, detectMs: number, roundTripMs: number): Promise<void>;
}

/** Options of one recording run. */
export interface RecordPageOptions extends Pick<HandLandmarkerOptions, 'model' | 'numHands' | 'modelAssetPath'> {
  /** Free text for the header's `source`. */
  source: string;
}

async function record(videoUrl: string, options: RecordPageOptions): Promise<number> {
  const bridge = window as unknown as RecordPageBridge;
  let timing = { detectMs: 0, roundTripMs: 0 };
  const { source, ...landmarker } = options;
  const estimator = createHandEstimatorWorker({ ...landmarker, onTiming: (t) => (timing = t) });
  try {
    await estimator.ready;
    const done$ = new Subject<void>();
    let headerSent: Promise<void> | undefined;
    let frames = 0;
    const frames$ = fromVideoFile(videoUrl, {
      pacer: done$,
      onInfo: (info) => {
        const fps = Math.round(info.fps * 100) / 100;
        const header: RecordingHeader = { format: RECORDING_FORMAT, fps, width: info.width, height: info.height, source };
        headerSent = bridge.posestreamHeader(formatHeaderLine(header), info.frameCount);
      },
    });
    await lastValueFrom(
      frames$.pipe(
        concatMap(async (frame) => {
          const pose = await estimator.estimate(frame);
          await headerSent;
          await bridge.posestreamFrame(formatFrameLine(pose), timing.detectMs, timing.roundTripMs);
          frames += 1;
          done$.next();
        }),
      ),
      { defaultValue: undefined },
    );
    return frames;
  } finally {
    estimator.dispose();
  }
}

(window as unknown as { posestreamRecord: typeof record }).posestreamRecord = record;
document.title = 'record ready';
