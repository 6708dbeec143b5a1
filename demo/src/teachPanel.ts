/**
 * The Teach panel: name a gesture, record examples of it and of "anything else" from the running pipeline's
 * `poses$`, train them in a worker (`createGestureTrainer`: the page only draws the progress), use the taught model
 * live (`useGestureModel`, camera and estimator keep running) or go back to the swipes, and keep it
 * (Download / Upload, Save / Load when a store is given).
 */
import type { GestureExample, HandGesturePipelineInfo, TaughtGestureModel } from 'posestream';
import { createGestureTrainer } from 'posestream/workers';
import type { Subscription } from 'rxjs';
import { byId } from './dom.js';
import { createExampleList } from './exampleList.js';
import { recordExample, type Take } from './exampleRecorder.js';
import { downloadModel, readModelFile, type ModelStore } from './modelFiles.js';
import type { TeachProbe } from './probe.js';
import type { Session } from './session.js';
import { createTrainingPlot } from './trainingPlot.js';

/** What the panel needs from the page. */
export interface TeachPanelOptions {
  /** The running session, if any. */
  session(): Session | undefined;
  /** Whether the view is mirrored (the camera): the thumbnails follow it. */
  mirrored(): boolean;
  /** A model is now in use: `'swipes'` or the taught labels, with the pipeline's info. */
  onModel(name: string, info: HandGesturePipelineInfo): void;
  /** Where the panel's state is mirrored for tests. */
  probe: TeachProbe;
  /** Save / Load by name; without it those buttons stay hidden. */
  store?: ModelStore;
}

/** The panel, as the page drives it. */
export interface TeachPanel {
  /** After a session (re)started with the page's model: puts the taught model back if one was in use. */
  reapply(): void;
  /** Adds examples recorded elsewhere (the benchmark's). */
  addExamples(examples: readonly GestureExample[]): void;
  /** The examples recorded so far. */
  examples(): GestureExample[];
  /** Deletes every example. */
  clearExamples(): void;
}

/** Binds the panel to its elements in index.html. */
export function createTeachPanel(options: TeachPanelOptions): TeachPanel {
  const el = <T extends HTMLElement>(id: string, type: new () => T): T => byId(`teach-${id}`, type);
  const [nameInput, countdown, length, recording, status] = [el('name', HTMLInputElement), el('countdown', HTMLSelectElement), el('length', HTMLSelectElement), el('recording', HTMLElement), el('status', HTMLElement)];
  const [recordButton, noneButton, trainButton, cancelButton] = [el('record', HTMLButtonElement), el('record-none', HTMLButtonElement), el('train', HTMLButtonElement), el('cancel', HTMLButtonElement)];
  const [applyButton, swipesButton, downloadButton, saveButton, loadButton] = ['apply', 'swipes', 'download', 'save', 'load'].map((id) => el(id, HTMLButtonElement)) as [HTMLButtonElement, HTMLButtonElement, HTMLButtonElement, HTMLButtonElement, HTMLButtonElement];
  const probe = options.probe;
  const plot = createTrainingPlot(el('progress', HTMLProgressElement), el('progress-text', HTMLElement), el('plot', HTMLCanvasElement));
  let take: Take | undefined;
  let training: Subscription | undefined;
  let taught: TaughtGestureModel | undefined;
  let applied: TaughtGestureModel | undefined;

  const say = (text: string, bad = false): void => {
    status.textContent = text;
    status.classList.toggle('bad', bad);
    probe.error = bad ? text : null;
  };
  const refresh = (): void => {
    probe.examples = list.counts();
    probe.training = training !== undefined;
    trainButton.disabled = training !== undefined || take !== undefined || list.examples().length === 0;
    cancelButton.hidden = training === undefined;
    applyButton.disabled = downloadButton.disabled = saveButton.disabled = taught === undefined;
    recordButton.disabled = take !== undefined && recordButton.dataset['active'] !== 'true';
    noneButton.disabled = take !== undefined && noneButton.dataset['active'] !== 'true';
  };
  const list = createExampleList(el('examples', HTMLUListElement), el('summary', HTMLElement), options.mirrored, refresh);
  const labelsOf = (m: TaughtGestureModel): string => m.labels.filter((l) => l !== 'none').join(', ');
  const use = (model: TaughtGestureModel | 'swipes'): void => {
    const session = options.session();
    if (session === undefined) return say('no running source to use it on', true);
    session.useGestureModel(model).then(
      (info) => {
        applied = model === 'swipes' ? undefined : model;
        probe.applied = model === 'swipes' ? null : [...model.labels];
        options.onModel(model === 'swipes' ? 'swipes' : `taught: ${labelsOf(model)}`, info);
        say(model === 'swipes' ? 'back to the swipes' : `recognising ${labelsOf(model)} live`);
      },
      (error: unknown) => say(`${(error as Error).name}: ${(error as Error).message}`, true),
    );
  };
  const keep = (model: TaughtGestureModel, where: string): void => {
    taught = model;
    say(`${where}: ${labelsOf(model)}`);
    refresh();
  };

  const record = (button: HTMLButtonElement, label: () => string | undefined): void => {
    button.addEventListener('click', () => {
      if (take !== undefined) return take.stop(); // the active button stops its take
      const name = label();
      const session = options.session();
      if (name === undefined) return;
      if (session === undefined) return say('start the camera or a video first', true);
      const idle = button.textContent;
      const plan = { countdownMs: Number(countdown.value) * 1000, lengthMs: Number(length.value) };
      take = recordExample(session.poses$, plan, (t) => (recording.textContent = t.phase === 'countdown' ? `get ready… ${Math.ceil(t.ms / 1000)}` : `recording ${name === 'none' ? 'anything else' : name} ${(t.ms / 1000).toFixed(1)} s`));
      button.dataset['active'] = 'true';
      button.classList.add('recording');
      button.textContent = '■ Stop';
      refresh();
      take.frames
        .then((frames) => (frames.length > 0 ? list.add(name, frames) : say('nothing recorded: no pose frames arrived', true)))
        .finally(() => {
          take = undefined;
          button.dataset['active'] = 'false';
          button.classList.remove('recording');
          button.textContent = idle;
          recording.textContent = '';
          refresh();
        });
    });
  };
  record(recordButton, () => {
    const name = nameInput.value.trim();
    if (name === '' || name === 'none') return void say(name === '' ? 'name the gesture first' : '"none" is "anything else": pick another name', true);
    return name;
  });
  record(noneButton, () => 'none');

  trainButton.addEventListener('click', () => {
    plot.reset();
    say('training in a worker…');
    const started = performance.now();
    const examples = list.examples();
    const finish = (): void => {
      training = undefined;
      refresh();
    };
    const trainer = createGestureTrainer(el('keep-swipes', HTMLInputElement).checked ? { swipes: {} } : {});
    training = trainer.teach({ examples }).subscribe({
      next: (event) => {
        plot.update(event);
        if (event.type !== 'done') return;
        probe.trainings.push({ wallMs: Math.round(performance.now() - started), trainMs: Math.round(event.trainMs), score: event.score, labels: [...event.model.labels], examples: examples.length });
        keep(event.model, 'taught');
      },
      error: (error: unknown) => {
        say(`${(error as Error).name}: ${(error as Error).message}`, true);
        finish();
      },
      complete: finish,
    });
    refresh();
  });
  cancelButton.addEventListener('click', () => {
    training?.unsubscribe(); // terminates the worker; nothing half-taught is kept
    training = undefined;
    plot.reset();
    say('training cancelled');
    refresh();
  });
  applyButton.addEventListener('click', () => taught !== undefined && use(taught));
  swipesButton.addEventListener('click', () => use('swipes'));
  downloadButton.addEventListener('click', () => taught !== undefined && downloadModel(taught));
  el('upload', HTMLInputElement).addEventListener('change', (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file === undefined) return;
    readModelFile(file).then(
      (model) => (keep(model, `uploaded ${file.name}`), use(model)),
      (error: unknown) => say(`${(error as Error).name}: ${(error as Error).message}`, true),
    );
  });
  const store = options.store;
  saveButton.hidden = loadButton.hidden = store === undefined;
  if (store !== undefined) {
    saveButton.addEventListener('click', () => taught !== undefined && store.save(labelsOf(taught), taught).then(() => say(`saved "${labelsOf(taught!)}" in this browser`), (error: unknown) => say(String(error), true)));
    loadButton.addEventListener('click', () => {
      store.names().then(async (names) => {
        const name = names.length <= 1 ? names[0] : (prompt(`Load which? ${names.join(' | ')}`, names[names.length - 1]) ?? undefined);
        const model = name === undefined ? undefined : await store.load(name);
        if (model === undefined) return say(names.length === 0 ? 'nothing saved in this browser yet' : `no saved model "${name}"`, true);
        keep(model, `loaded "${name}"`);
        use(model);
      }, (error: unknown) => say(String(error), true));
    });
  }
  refresh();
  return {
    reapply: () => applied !== undefined && use(applied),
    addExamples: (examples) => list.addAll(examples.map((e) => ({ label: e.label, frames: [...e.frames] }))),
    examples: () => list.examples(),
    clearExamples: () => list.clear(),
  };
}
