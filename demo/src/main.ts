/**
 * posestream demo: camera (default), a video file (picked, dropped, or `?src=/same/origin.mp4`) with landmarks,
 * the current gesture with its top-3 scores, a pipeline HUD, an artificial classifier delay and a drop/latest
 * switch, recording to NDJSON, and loading a user's model. Query parameters: `src`, `model`, `delay` (ms),
 * `policy` (latest|drop), `landmarker` (full|lite), `hands` (1|2).
 */
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { fromCamera, fromVideoElement, type ClassifyPolicy, type PoseFrame, type SourceFrame } from 'posestream';
import { byId } from './dom.js';
import { clearErrors, showError } from './errorsView.js';
import { defaultModelExists, DEFAULT_MODEL_URL, loadGestureModel, type GestureModel } from './gestureModel.js';
import { createHud } from './hud.js';
import { readModelFolder } from './modelFolder.js';
import { drawHands, fitCanvas } from './overlay.js';
import { createProbe, pushBounded, watchFrameIntervals } from './probe.js';
import { createRecorder } from './recorder.js';
import { startSession, type TimedPrediction } from './session.js';
import { showGesture, showPrediction, resetGesture } from './gesturePanel.js';

const params = new URLSearchParams(location.search);
const video = byId('video', HTMLVideoElement);
const overlay = byId('overlay', HTMLCanvasElement);
const stage = byId('stage', HTMLElement);
const errors = byId('errors', HTMLUListElement);
const delayInput = byId('delay', HTMLInputElement);
const policySelect = byId('policy', HTMLSelectElement);
const modelStatus = byId('model-status', HTMLElement);

const probe = createProbe();
const hud = createHud();
const intervals = watchFrameIntervals(video, probe, (ms) => hud.interval(ms));
const recorder = createRecorder(byId('record', HTMLButtonElement), () => probe.source);
const model$ = new BehaviorSubject<GestureModel | undefined>(undefined);
const policy$ = new BehaviorSubject<ClassifyPolicy>(params.get('policy') === 'drop' ? 'drop' : 'latest');
const landmarker = params.get('landmarker') === 'lite' ? 'lite' : 'full';
const numHands = params.get('hands') === '2' ? 2 : 1;
const report = (what: string, error: unknown): void => showError(errors, probe, what, error);

let session: Subscription | undefined;
let lastPose: PoseFrame | undefined;
let lastPrediction: TimedPrediction | undefined;

function run(name: string, frames$: Observable<SourceFrame<ImageBitmap>>): void {
  session?.unsubscribe();
  recorder.stop();
  clearErrors(errors, probe);
  intervals.reset();
  hud.reset();
  resetGesture();
  lastPose = undefined;
  lastPrediction = undefined;
  drawHands(overlay, undefined);
  Object.assign(probe, { source: name, stats: undefined, lastLandmarks: null, poseFrames: 0, handFrames: 0, estimator: 'loading' });
  probe.wristTrack.length = 0;
  probe.classifyMs.length = 0;
  byId('source-name', HTMLElement).textContent = name;
  session = startSession({
    frames$,
    landmarker,
    numHands,
    model$,
    policy$,
    delayMs: () => probe.delayMs,
    onEstimatorReady: () => (probe.estimator = 'ready'),
    onPose(frame) {
      lastPose = frame;
      probe.poseFrames++;
      const hand = frame.hands[0];
      probe.lastLandmarks = hand ? hand.landmarks : null;
      if (hand) {
        probe.handFrames++;
        pushBounded(probe.wristTrack, { t: frame.capturedAt ?? frame.timestamp, x: hand.landmarks[0]!.x });
      }
      fitCanvas(overlay, frame.width ?? video.videoWidth, frame.height ?? video.videoHeight);
      drawHands(overlay, frame);
      recorder.add(frame);
    },
    onPrediction(result) {
      lastPrediction = result;
      probe.predictions++;
      probe.lastPrediction = { label: result.prediction.label, score: result.prediction.score };
      pushBounded(probe.classifyMs, result.tookMs);
      showPrediction(result.prediction);
    },
    onGesture(event) {
      pushBounded(probe.gestures, { label: event.label, phase: event.phase });
      showGesture(event);
    },
    onStats(stats) {
      probe.stats = stats;
      const now = performance.now();
      const landmarks = lastPose ? now - (lastPose.capturedAt ?? now) : NaN;
      hud.update(stats, { landmarks, gesture: lastPrediction ? now - lastPrediction.windowCapturedAt : undefined });
    },
    onError(what, error) {
      if (what === 'hand estimator') probe.estimator = 'error';
      report(what, error);
    },
  });
}

function useCamera(): void {
  stage.classList.add('mirrored');
  video.removeAttribute('src');
  video.load(); // resets the element (a failed video leaves it in an error state that can stall play())
  video.loop = false;
  run('camera', fromCamera({ video, width: 640, height: 480 }));
}

function useVideo(url: string, name = url): void {
  stage.classList.remove('mirrored');
  video.srcObject = null;
  video.loop = true;
  video.src = url;
  run(name, fromVideoElement(video, { completeOnEnded: false }));
  video.play().catch((error: unknown) => {
    if (video.error === null) report('video', error); // decode/format errors come through the pipeline
  });
}

function useFile(file: File | undefined): void {
  if (file === undefined) return;
  useVideo(URL.createObjectURL(file), file.name);
}

async function loadModel(url: string, options: { labels?: string[]; name?: string; onDispose?: () => void } = {}): Promise<void> {
  const name = options.name ?? url;
  probe.model = { status: 'loading', source: name };
  modelStatus.textContent = `loading ${name}…`;
  try {
    const model = await loadGestureModel(url, options);
    model$.value?.dispose();
    model$.next(model);
    probe.model = { status: 'loaded', source: name, labels: model.labels, backend: model.backend };
    modelStatus.textContent = `model ${name}: ${model.labels.join(', ')} (${model.windowSize} frames, ${model.backend})`;
  } catch (error) {
    probe.model = { status: 'error', source: name };
    modelStatus.textContent = model$.value ? `still using ${model$.value.name}` : 'no gesture model loaded';
    report('gesture model', error);
  }
}

// Controls.
const setDelay = (ms: number): void => {
  probe.delayMs = Math.max(0, Math.min(1000, Number.isFinite(ms) ? ms : 0));
  delayInput.value = String(probe.delayMs);
  byId('delay-value', HTMLOutputElement).textContent = `${probe.delayMs} ms`;
};
delayInput.addEventListener('input', () => setDelay(Number(delayInput.value)));
setDelay(Number(params.get('delay') ?? 0));
policySelect.value = policy$.value;
probe.policy = policy$.value;
policySelect.addEventListener('change', () => {
  probe.policy = policySelect.value === 'drop' ? 'drop' : 'latest';
  policy$.next(probe.policy);
});
byId('use-camera', HTMLButtonElement).addEventListener('click', useCamera);
byId('video-file', HTMLInputElement).addEventListener('change', (e) => useFile((e.target as HTMLInputElement).files?.[0]));
stage.addEventListener('dragover', (e) => (e.preventDefault(), stage.classList.add('dragging')));
stage.addEventListener('dragleave', () => stage.classList.remove('dragging'));
stage.addEventListener('drop', (e) => {
  e.preventDefault();
  stage.classList.remove('dragging');
  useFile(e.dataTransfer?.files[0]);
});
byId('model-form', HTMLFormElement).addEventListener('submit', (e) => {
  e.preventDefault();
  const url = byId('model-url', HTMLInputElement).value.trim() || DEFAULT_MODEL_URL;
  void loadModel(url);
});
byId('model-folder', HTMLInputElement).addEventListener('change', (e) => {
  const files = (e.target as HTMLInputElement).files;
  if (files === null || files.length === 0) return;
  readModelFolder(files).then(
    (folder) => loadModel(folder.modelUrl, { labels: folder.labels, name: folder.name, onDispose: folder.revoke }),
    (error: unknown) => report('gesture model', error),
  );
});

// Start: the source first (the video must not wait for models), then the gesture model.
const src = params.get('src');
if (src !== null && src !== '') useVideo(src);
else useCamera();
const modelParam = params.get('model');
if (modelParam !== null && modelParam !== '') void loadModel(modelParam);
else
  void defaultModelExists().then((exists) => {
    if (exists) return loadModel(DEFAULT_MODEL_URL);
    modelStatus.textContent = 'no gesture model loaded';
    return undefined;
  });
