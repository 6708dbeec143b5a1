/**
 * posestream demo: camera (default), a video file (picked, dropped, or `?src=/same/origin.mp4`) with landmarks,
 * the current gesture with its top-3 scores, a pipeline HUD, the pipeline's path (off the main thread or on it), an
 * artificial classifier delay and a drop/latest switch, a busy main thread on demand, recording to NDJSON, and
 * loading a user's model. Query parameters: `src`, `model`, `delay` (ms), `policy` (latest|drop), `landmarker`
 * (full|lite), `hands` (1|2), `runOn` (auto|workers|main-thread), `longTaskMs` (ms of busy loop every second).
 * The Teach panel records examples from the running pipeline, trains them in a worker and uses the result live.
 */
import { drawHands, type ClassifyPolicy, type HandGestureSource, type PoseFrame } from 'posestream';
import { byId } from './dom.js';
import { clearErrors, showError } from './errorsView.js';
import { createHud } from './hud.js';
import { readModelFolder } from './modelFolder.js';
import { fitCanvas } from './overlay.js';
import { clampLongTaskMs, countLongTaskEntries, startLongTasks } from './longTasks.js';
import { createProbe, pushBounded, watchFrameIntervals } from './probe.js';
import { createRecorder } from './recorder.js';
import { parseRunOn, startSession, usesClassifyWith, type DemoModel, type DemoRunOn, type Session, type TimedPrediction } from './session.js';
import { showGesture, showPrediction, resetGesture } from './gesturePanel.js';
import { createTeachPanel } from './teachPanel.js';
import { openModelStore } from './modelStore.js';

const params = new URLSearchParams(location.search);
const video = byId('video', HTMLVideoElement);
const overlay = byId('overlay', HTMLCanvasElement);
const stage = byId('stage', HTMLElement);
const errors = byId('errors', HTMLUListElement);
const delayInput = byId('delay', HTMLInputElement);
const policySelect = byId('policy', HTMLSelectElement);
const runOnSelect = byId('run-on', HTMLSelectElement);
const runsOnText = byId('runs-on', HTMLElement);
const delayNote = byId('delay-note', HTMLElement);
const longTaskInput = byId('long-task', HTMLInputElement);
const modelStatus = byId('model-status', HTMLElement);

const probe = createProbe();
const hud = createHud();
const intervals = watchFrameIntervals(video, probe, (ms) => hud.interval(ms));
const recorder = createRecorder(byId('record', HTMLButtonElement), () => probe.source);
const landmarker = params.get('landmarker') === 'lite' ? 'lite' : 'full';
const numHands = params.get('hands') === '2' ? 2 : 1;
const report = (what: string, error: unknown): void => showError(errors, probe, what, error);

/** What the page runs: a source, a model (undefined = the packaged default) and a policy; any change restarts. */
let current: { name: string; source: HandGestureSource } | undefined;
let model: (DemoModel & { revoke?: () => void }) | undefined;
let policy: ClassifyPolicy = params.get('policy') === 'drop' ? 'drop' : 'latest';
let runOn: DemoRunOn = parseRunOn(params.get('runOn'));
let session: Session | undefined;
let lastPose: PoseFrame | undefined;
let lastPrediction: TimedPrediction | undefined;

const teach = createTeachPanel({
  session: () => session,
  mirrored: () => stage.classList.contains('mirrored'),
  probe: probe.teach,
  store: openModelStore(),
  onModel(name, info) {
    probe.model = { status: 'loaded', source: name, labels: [...info.labels], backend: info.backend };
    modelStatus.textContent = `model ${name}: ${info.labels.join(', ')} (${info.windowSize} frames, ${info.backend})`;
  },
});
// For the benchmark and tests: examples recorded elsewhere in, the recorded ones out.
(window as unknown as { __posestreamTeach: unknown }).__posestreamTeach = { addExamples: teach.addExamples, examples: teach.examples, clearExamples: teach.clearExamples };

function restart(): void {
  if (current === undefined) return;
  const { name, source } = current;
  session?.stop();
  recorder.stop();
  clearErrors(errors, probe);
  intervals.reset();
  hud.reset();
  resetGesture();
  lastPose = undefined;
  lastPrediction = undefined;
  drawHands(overlay, undefined);
  Object.assign(probe, { source: name, stats: undefined, lastLandmarks: null, poseFrames: 0, handFrames: 0, repeatedPoseFrames: 0, estimator: 'loading' });
  probe.wristTrack.length = 0;
  probe.classifyMs.length = 0;
  probe.landmarkLatencyMs.length = 0;
  probe.clockFloorMs.length = 0;
  probe.gestureLatencyMs.length = 0;
  probe.statsSnapshots.length = 0;
  probe.runOn = null;
  const modelName = model?.name ?? 'default';
  probe.model = { status: 'loading', source: modelName };
  modelStatus.textContent = `loading ${modelName}…`;
  byId('source-name', HTMLElement).textContent = name;
  session = undefined;
  try {
    session = start(name, source, modelName);
  } catch (error) {
    // Options the factory rejects at once (e.g. runOn 'workers' with a video file): said on the page.
    probe.estimator = 'error';
    probe.model = { status: 'error', source: modelName };
    modelStatus.textContent = 'no gesture model loaded';
    report('pipeline', error);
  }
  probe.runOn = session?.runsOn ?? null;
  showPath();
}

/** Starts a session on `source`, reporting to the page and the probe. */
function start(name: string, source: HandGestureSource, modelName: string): Session {
  return startSession({
    source,
    landmarker,
    numHands,
    model,
    policy,
    runOn,
    delayMs: () => probe.delayMs,
    onReady(info) {
      probe.model = { status: 'loaded', source: modelName, labels: [...info.labels], backend: info.backend };
      modelStatus.textContent = `model ${modelName}: ${info.labels.join(', ')} (${info.windowSize} frames, ${info.backend})`;
      teach.reapply(); // a taught model in use stays in use across restarts
    },
    onRunning: () => (probe.estimator = 'ready'),
    onPose(frame) {
      const clock = performance.now();
      pushBounded(probe.clockFloorMs, performance.now() - clock);
      if (frame.capturedAt !== undefined) pushBounded(probe.landmarkLatencyMs, clock - frame.capturedAt);
      if (lastPose !== undefined && frame.index <= lastPose.index) probe.repeatedPoseFrames++;
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
      // A camera frame's timestamp is its capture time on this page's clock; a file's is media time.
      if (event.phase === 'start' && name === 'camera') pushBounded(probe.gestureLatencyMs, performance.now() - event.endT);
      pushBounded(probe.gestures, { label: event.label, phase: event.phase });
      showGesture(event);
    },
    onStats(stats) {
      probe.stats = stats;
      pushBounded(probe.statsSnapshots, { fps: { ...stats.fps }, mainThread: stats.mainThread, resultsVia: stats.resultsVia, droppedFrames: stats.droppedFrames });
      const now = performance.now();
      const landmarks = lastPose ? now - (lastPose.capturedAt ?? now) : NaN;
      const shown = lastPrediction?.windowCapturedAt;
      hud.update(stats, { landmarks, gesture: shown !== undefined && Number.isFinite(shown) ? now - shown : undefined }, probe.longTaskEntries);
    },
    onError(error) {
      // A fatal error stops the session (camera and workers released); the page says what and where.
      if (probe.model.status === 'loading') {
        probe.model = { status: 'error', source: modelName };
        modelStatus.textContent = 'no gesture model loaded';
      }
      probe.estimator = 'error';
      report('pipeline', error);
    },
  });
}

/** Shows the path asked for and the one running, and whether the classifier delay can apply. */
function showPath(): void {
  const running = session?.runsOn;
  runsOnText.textContent = running === undefined ? '' : `running on: ${running === 'workers' ? 'workers (main thread free)' : 'main thread'}`;
  delayInput.disabled = runOn === 'workers';
  delayNote.textContent =
    runOn === 'workers'
      ? 'the classifier delay needs the main-thread path (run on: main thread or auto)'
      : session?.delayed === true && runOn === 'auto'
        ? 'the delay needs the main-thread path: running there while it is set'
        : 'needs the main-thread path';
}

function useCamera(): void {
  stage.classList.add('mirrored');
  video.removeAttribute('src');
  video.load(); // resets the element (a failed video leaves it in an error state that can stall play())
  video.loop = false;
  current = { name: 'camera', source: { camera: { video, width: 640, height: 480 } } };
  restart();
}

function useVideo(url: string, name = url): void {
  stage.classList.remove('mirrored');
  video.srcObject = null;
  current = { name, source: { file: url, video, loop: true } };
  restart();
}

function useFile(file: File | undefined): void {
  if (file === undefined) return;
  useVideo(URL.createObjectURL(file), file.name);
}

function useModel(next: (DemoModel & { revoke?: () => void }) | undefined): void {
  model?.revoke?.();
  model = next;
  restart();
}

// Controls.
const setDelay = (ms: number): void => {
  const before = usesClassifyWith(runOn, probe.delayMs);
  probe.delayMs = Math.max(0, Math.min(1000, Number.isFinite(ms) ? ms : 0));
  delayInput.value = String(probe.delayMs);
  byId('delay-value', HTMLOutputElement).textContent = `${probe.delayMs} ms`;
  // Under 'auto', a delay moves the pipeline to the main thread and no delay moves it back: a restart each way.
  if (session !== undefined && usesClassifyWith(runOn, probe.delayMs) !== before) restart();
};
delayInput.addEventListener('input', () => setDelay(Number(delayInput.value)));
setDelay(Number(params.get('delay') ?? 0));
policySelect.value = policy;
probe.policy = policy;
runOnSelect.value = runOn;
probe.runOnRequested = runOn;
runOnSelect.addEventListener('change', () => {
  runOn = probe.runOnRequested = parseRunOn(runOnSelect.value);
  restart();
  showPath();
});
showPath();
countLongTaskEntries(probe.longTaskEntries);
const longTasks = startLongTasks(0, () => probe.busyLoops++);
const setLongTask = (ms: number): void => {
  longTasks.set(ms);
  probe.longTaskMs = longTasks.ms;
  longTaskInput.value = String(longTasks.ms);
  byId('long-task-value', HTMLOutputElement).textContent = `${longTasks.ms} ms every second`;
};
longTaskInput.addEventListener('input', () => setLongTask(Number(longTaskInput.value)));
setLongTask(clampLongTaskMs(Number(params.get('longTaskMs') ?? 0)));
policySelect.addEventListener('change', () => {
  policy = probe.policy = policySelect.value === 'drop' ? 'drop' : 'latest';
  restart();
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
  const url = byId('model-url', HTMLInputElement).value.trim();
  useModel(url === '' ? undefined : { url: new URL(url, location.href).href, name: url });
});
byId('model-folder', HTMLInputElement).addEventListener('change', (e) => {
  const files = (e.target as HTMLInputElement).files;
  if (files === null || files.length === 0) return;
  readModelFolder(files).then(
    (folder) => useModel({ url: folder.modelUrl, labels: folder.labels, name: folder.name, revoke: folder.revoke }),
    (error: unknown) => report('gesture model', error),
  );
});

// Start: the model named by ?model= (else the packaged default) on ?src= (else the camera).
const modelParam = params.get('model');
if (modelParam !== null && modelParam !== '') model = { url: new URL(modelParam, location.href).href, name: modelParam };
const src = params.get('src');
if (src !== null && src !== '') useVideo(src);
else useCamera();
