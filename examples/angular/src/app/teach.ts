import { Component, type ElementRef, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { injectGestureTrainer, injectHandGestures } from 'posestream/angular';
import type { GestureExample, PoseFrame, SavedGestureModel, TaughtGestureModel } from 'posestream';
import { drawHands, listGestureModels, loadGestureModel, saveGestureModel } from 'posestream';
import { POSESTREAM_ASSETS, sourceFromUrl } from './hand-gestures';

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
@Component({
  selector: 'app-teach',
  template: `
    <div class="stage">
      <video #video autoplay muted playsinline></video>
      <canvas #overlay></canvas>
    </div>
    <p id="status">{{ hands.status() }}{{ hands.error() ? ': ' + hands.error()!.message : '' }}</p>
    <p id="gesture">{{ hands.gesture()?.label ?? '—' }}</p>
    <p>
      <input id="gesture-name" [value]="name()" (input)="name.set($any($event.target).value.trim())" />
      <button id="record" [disabled]="phase() !== '' || name() === '' || hands.status() !== 'running'" (click)="record(name())">Record "{{ name() }}"</button>
      <button id="record-none" [disabled]="phase() !== '' || hands.status() !== 'running'" (click)="record('none')">Record anything else</button>
    </p>
    <p id="phase">{{ phase() }}</p>
    <ul id="examples">
      @for (ex of examples(); track $index) {
        <li>{{ ex.label }} ({{ ex.frames.length }} frames) <button (click)="remove($index)">delete</button></li>
      }
    </ul>
    <p>
      <button id="train" [disabled]="trainer.status() === 'teaching' || examples().length === 0" (click)="trainer.teach({ examples: examples() })">Train</button>
      <button id="cancel" [disabled]="trainer.status() !== 'teaching'" (click)="trainer.cancel()">Cancel</button>
      <button id="apply" [disabled]="trainer.status() !== 'done'" (click)="use()">Use it</button>
      <button id="save" [disabled]="trainer.status() !== 'done'" (click)="save()">Save</button>
      <button id="load" (click)="load()">Load</button>
    </p>
    <p id="train-status">{{ trainer.status() }}{{ trainer.error() ? ': ' + trainer.error()!.message : '' }}</p>
    <p id="train-progress">{{ progressText() }}</p>
    <p id="applied">{{ applied() }}</p>
    <p id="store-status">{{ store() }}</p>
    <p id="saved">{{ savedText() }}</p>
  `,
})
export class Teach {
  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  private readonly overlay = viewChild.required<ElementRef<HTMLCanvasElement>>('overlay');
  protected readonly hands = injectHandGestures({ source: sourceFromUrl(), video: this.video, ...POSESTREAM_ASSETS });
  // The trainer worker, where `npm run posestream-assets` put it.
  protected readonly trainer = injectGestureTrainer({ pipeline: this.hands.pipeline, worker: '/posestream/workers/gestureTrainerWorker.js' });
  protected readonly name = signal('wave');
  protected readonly examples = signal<GestureExample[]>([]);
  protected readonly phase = signal('');
  protected readonly applied = signal('');
  protected readonly store = signal('');
  private readonly saved = signal<SavedGestureModel[]>([]);
  private recording: PoseFrame[] | null = null;

  constructor() {
    // Per frame, outside Angular: recording and drawing run no change detection.
    this.hands.poses$.pipe(takeUntilDestroyed()).subscribe((frame) => {
      this.recording?.push(frame);
      drawHands(this.overlay().nativeElement, frame);
    });
    this.refreshSaved();
  }

  protected progressText(): string {
    const p = this.trainer.progress();
    const r = this.trainer.result();
    const progress = p ? `${p.step} ${p.done}/${p.total}${p.score !== undefined ? ` · score ${p.score.toFixed(2)}` : ''}${p.timeLeftMs !== undefined ? ` · ${(p.timeLeftMs / 1000).toFixed(0)} s left` : ''}` : '';
    return r ? `taught in ${(r.trainMs / 1000).toFixed(1)} s, held-out score ${r.score.toFixed(2)}` : progress;
  }
  protected savedText(): string {
    return this.saved().map((s) => `${s.name} (${s.labels.join(', ')})`).join('; ');
  }
  protected async record(label: string): Promise<void> {
    this.phase.set(`get ready: "${label}" in ${(COUNTDOWN_MS / 1000).toFixed(0)} s`);
    await sleep(COUNTDOWN_MS);
    this.recording = [];
    this.phase.set(`recording "${label}"…`);
    await sleep(RECORD_MS);
    const frames = this.recording;
    this.recording = null;
    this.phase.set('');
    if (frames.length > 0) this.examples.update((list) => [...list, { label, frames }]);
  }
  protected remove(i: number): void {
    this.examples.update((list) => list.filter((_, j) => j !== i));
  }
  protected use(model?: TaughtGestureModel): void {
    this.trainer.apply(model).then((info) => this.applied.set(info.labels.join(', ')), (e: Error) => this.applied.set(`not applied: ${e.message}`));
  }
  protected save(): void {
    const model = this.trainer.result()?.model;
    if (!model) return;
    saveGestureModel(SAVED_NAME, model).then(() => (this.store.set('saved'), this.refreshSaved()), (e: Error) => this.store.set(e.message));
  }
  protected load(): void {
    loadGestureModel(SAVED_NAME).then(
      (model) => {
        if (!model) return this.store.set('nothing saved yet');
        const taught = this.trainer.result()?.model;
        const same = taught !== undefined && JSON.stringify(model) === JSON.stringify(taught);
        this.store.set(`loaded: ${model.labels.join(', ')}${same ? ' (as taught)' : ''}`);
        this.use(model);
      },
      (e: Error) => this.store.set(e.message),
    );
  }
  private refreshSaved(): void {
    listGestureModels().then((list) => this.saved.set(list), (e: Error) => this.store.set(e.message));
  }
}
