import { useEffect, useRef, useState } from 'react';
import type { GestureExample, HandGestureSource, PoseFrame, SavedGestureModel } from 'posestream';
import { drawHands, listGestureModels, loadGestureModel, saveGestureModel } from 'posestream';
import { useGestureTrainer, useHandGestures } from 'posestream/react';

/** How long one example is recorded, and the countdown before it (`?countdown=ms` shortens it), ms. */
const RECORD_MS = 2000;
const COUNTDOWN_MS = Number(new URLSearchParams(location.search).get('countdown') ?? 2000);
/** The name the taught model is saved under (IndexedDB). */
const SAVED_NAME = 'my gestures';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The teach page: record examples of a gesture from the live pipeline's pose frames (a countdown, then a fixed
 * length), record "anything else", train in a worker with progress, use the taught model at once (the camera goes
 * on), and save / load it in the browser (IndexedDB).
 */
export function Teach({ source }: { source: HandGestureSource }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const recording = useRef<PoseFrame[] | null>(null);
  const { gesture, status, error, pipeline, videoRef } = useHandGestures({
    source,
    onPoses: (frame) => {
      recording.current?.push(frame);
      if (canvas.current) drawHands(canvas.current, frame);
    },
  });
  const trainer = useGestureTrainer({ pipeline });
  const [name, setName] = useState('wave');
  const [examples, setExamples] = useState<GestureExample[]>([]);
  const [phase, setPhase] = useState('');
  const [applied, setApplied] = useState('');
  const [store, setStore] = useState('');
  const [saved, setSaved] = useState<SavedGestureModel[]>([]);
  const refreshSaved = () => listGestureModels().then(setSaved, (e: Error) => setStore(e.message));
  useEffect(() => void refreshSaved(), []);

  const record = async (label: string) => {
    setPhase(`get ready: "${label}" in ${(COUNTDOWN_MS / 1000).toFixed(0)} s`);
    await sleep(COUNTDOWN_MS);
    recording.current = [];
    setPhase(`recording "${label}"…`);
    await sleep(RECORD_MS);
    const frames = recording.current;
    recording.current = null;
    setPhase('');
    if (frames.length > 0) setExamples((list) => [...list, { label, frames }]);
  };
  const use = (model = trainer.result?.model) =>
    trainer.apply(model).then((info) => setApplied(info.labels.join(', ')), (e: Error) => setApplied(`not applied: ${e.message}`));
  const save = () => {
    const model = trainer.result?.model;
    if (!model) return;
    saveGestureModel(SAVED_NAME, model).then(() => (setStore('saved'), refreshSaved()), (e: Error) => setStore(e.message));
  };
  const load = () =>
    loadGestureModel(SAVED_NAME).then(
      (model) => {
        if (!model) return setStore('nothing saved yet');
        const same = trainer.result !== null && JSON.stringify(model) === JSON.stringify(trainer.result.model);
        setStore(`loaded: ${model.labels.join(', ')}${same ? ' (as taught)' : ''}`);
        void use(model);
      },
      (e: Error) => setStore(e.message),
    );
  const p = trainer.progress;
  return (
    <section>
      <div className="stage">
        <video ref={videoRef} autoPlay muted playsInline />
        <canvas ref={canvas} />
      </div>
      <p id="status">{status}{error ? `: ${error.message}` : ''}</p>
      <p id="gesture">{gesture?.label ?? '—'}</p>
      <p>
        <input id="gesture-name" value={name} onChange={(e) => setName(e.target.value.trim())} />{' '}
        <button id="record" disabled={phase !== '' || name === '' || status !== 'running'} onClick={() => void record(name)}>Record "{name}"</button>{' '}
        <button id="record-none" disabled={phase !== '' || status !== 'running'} onClick={() => void record('none')}>Record anything else</button>
      </p>
      <p id="phase">{phase}</p>
      <ul id="examples">
        {examples.map((ex, i) => (
          <li key={i}>
            {ex.label} ({ex.frames.length} frames){' '}
            <button onClick={() => setExamples((list) => list.filter((_, j) => j !== i))}>delete</button>
          </li>
        ))}
      </ul>
      <p>
        <button id="train" disabled={trainer.status === 'teaching' || examples.length === 0} onClick={() => trainer.teach({ examples })}>Train</button>{' '}
        <button id="cancel" disabled={trainer.status !== 'teaching'} onClick={trainer.cancel}>Cancel</button>{' '}
        <button id="apply" disabled={trainer.status !== 'done'} onClick={() => void use()}>Use it</button>{' '}
        <button id="save" disabled={trainer.status !== 'done'} onClick={save}>Save</button>{' '}
        <button id="load" onClick={() => void load()}>Load</button>
      </p>
      <p id="train-status">{trainer.status}{trainer.error ? `: ${trainer.error.message}` : ''}</p>
      <p id="train-progress">
        {p ? `${p.step} ${p.done}/${p.total}${p.score !== undefined ? ` · score ${p.score.toFixed(2)}` : ''}${p.timeLeftMs !== undefined ? ` · ${(p.timeLeftMs / 1000).toFixed(0)} s left` : ''}` : ''}
        {trainer.result ? `taught in ${(trainer.result.trainMs / 1000).toFixed(1)} s, held-out score ${trainer.result.score.toFixed(2)}` : ''}
      </p>
      <p id="applied">{applied}</p>
      <p id="store-status">{store}</p>
      <p id="saved">{saved.map((s) => `${s.name} (${s.labels.join(', ')})`).join('; ')}</p>
    </section>
  );
}
