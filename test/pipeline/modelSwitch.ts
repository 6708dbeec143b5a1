/**
 * `pipeline.useGestureModel` on the pipeline test page: a pipeline on the fake camera (a real video), switched to a
 * taught model and back to 'swipes', counting what was (re)started; and a pipeline whose `window` option cannot
 * take the taught model.
 */
import { createHandGesturePipeline, type HandGesturePipelineRunsOn, type TaughtGestureModel } from 'posestream';
import { live, named, sleep, tracks } from './pageCounters.js';

/** What one switching run saw. */
export interface ModelSwitchReport {
  runsOn: string;
  errors: string[];
  /** Labels and window size of each model in turn (first, taught, 'swipes' again). */
  infos: { labels: string[]; windowSize: number; backend: string }[];
  /** Per phase: predictions and the labels they scored. */
  phases: { predictions: number; labels: string[] }[];
  /** getUserMedia calls after the first; hand-landmarker workers started after the first; the first one still live. */
  cameraRequestsAfterStart: number;
  landmarkerWorkersStarted: number;
  landmarkerStillLive: boolean;
  cameraTrackLive: boolean;
  /** Classifier workers live after the switches (the old ones terminated). */
  classifiersLive: number;
  /** Every gesture end's reason ('none' when it ended on its own). */
  endReasons: string[];
  /** What useGestureModel rejected with on a pipeline created with window: { frames: 61, durationMs: 3000 }. */
  mismatch: { name: string; message: string } | null;
  liveWorkersAfterDispose: number;
  liveTracksAfterDispose: number;
}

/** Runs the switching scenario on `runOn` with `taught`. */
export async function runModelSwitch(taught: TaughtGestureModel, runOn: HandGesturePipelineRunsOn): Promise<ModelSwitchReport> {
  const video = document.getElementById('video') as HTMLVideoElement;
  let cameraRequests = 0;
  const media = navigator.mediaDevices;
  const counted = media.getUserMedia;
  media.getUserMedia = (c) => {
    cameraRequests++;
    return counted.call(media, c);
  };
  let landmarkers = 0;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name === 'hand-landmarker') landmarkers++;
    }
  };
  const pipeline = createHandGesturePipeline({ source: { camera: { video } }, runOn });
  const report: ModelSwitchReport = {
    runsOn: pipeline.runsOn, errors: [], infos: [], phases: [{ predictions: 0, labels: [] }], cameraRequestsAfterStart: 0, landmarkerWorkersStarted: 0,
    landmarkerStillLive: false, cameraTrackLive: false, classifiersLive: 0, endReasons: [], mismatch: null, liveWorkersAfterDispose: 0, liveTracksAfterDispose: 0,
  };
  pipeline.errors$.subscribe((e) => report.errors.push(`${e.name}: ${e.message}`));
  pipeline.gestures$.subscribe((e) => e.phase === 'end' && report.endReasons.push(e.reason ?? 'none'));
  pipeline.predictions$.subscribe((p) => {
    const phase = report.phases.at(-1)!;
    phase.predictions++;
    for (const l of [p.label, ...p.categories.map((c) => c.categoryName)]) if (!phase.labels.includes(l)) phase.labels.push(l);
  });
  const waitFor = async (n: number): Promise<void> => {
    const until = performance.now() + 30_000;
    while (report.phases.at(-1)!.predictions < n && performance.now() < until && report.errors.length === 0) await sleep(100);
  };
  const info = (i: { labels: readonly string[]; windowSize: number; backend: string }) => ({ labels: [...i.labels], windowSize: i.windowSize, backend: i.backend });
  try {
    report.infos.push(info(await pipeline.ready));
    await waitFor(10);
    const startedWith = { requests: cameraRequests, landmarkers, landmarker: named.get('hand-landmarker'), camera: tracks[tracks.length - (runOn === 'workers' ? 2 : 1)] };
    for (const model of [taught, 'swipes'] as const) {
      const next = await pipeline.useGestureModel(model);
      report.phases.push({ predictions: 0, labels: [] }); // every prediction from here on is the new model's
      report.infos.push(info(next));
      await waitFor(10);
    }
    report.cameraRequestsAfterStart = cameraRequests - startedWith.requests;
    report.landmarkerWorkersStarted = landmarkers - startedWith.landmarkers;
    report.landmarkerStillLive = startedWith.landmarker !== undefined && live.has(startedWith.landmarker);
    report.cameraTrackLive = startedWith.camera?.readyState === 'live';
    report.classifiersLive = [...live].filter((w) => w !== startedWith.landmarker).length;
  } catch (e) {
    report.errors.push(`${(e as Error).name}: ${(e as Error).message}`);
  }
  pipeline.dispose();
  const fixed = createHandGesturePipeline({ source: { camera: { video } }, runOn, window: { frames: 61, durationMs: 3000 } });
  await fixed.useGestureModel(taught).then(
    () => undefined,
    (e: Error) => (report.mismatch = { name: e.name, message: e.message }),
  );
  fixed.dispose();
  media.getUserMedia = counted;
  window.Worker = NativeWorker;
  await sleep(1500);
  report.liveWorkersAfterDispose = live.size;
  report.liveTracksAfterDispose = tracks.filter((t) => t.readyState === 'live').length;
  return report;
}
