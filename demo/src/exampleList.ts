/**
 * The Teach panel's examples: one row per recorded example (its trajectory, label, length and whether the hand was
 * seen), each with a delete button, and a count per label. The list owns the examples; the panel reads them.
 */
import type { GestureExample, PoseFrame } from 'posestream';
import { handFrameCount } from './exampleRecorder.js';
import { drawTrajectory } from './trajectoryThumb.js';

/** One recorded example. */
export interface DemoExample {
  id: number;
  /** The gesture's name, or `none` ("anything else"). */
  label: string;
  frames: PoseFrame[];
}

/** The examples and their rendering. */
export interface ExampleList {
  add(label: string, frames: PoseFrame[]): DemoExample;
  /** Adds several at once (one re-render). */
  addAll(examples: readonly { label: string; frames: PoseFrame[] }[]): void;
  clear(): void;
  /** The examples as the trainer takes them. */
  examples(): GestureExample[];
  /** Examples per label. */
  counts(): Record<string, number>;
}

/** Binds the list to `ul` and `summary`; `mirrored()` says whether the thumbnails are flipped (the camera view); `onChange` hears every change. */
export function createExampleList(ul: HTMLUListElement, summary: HTMLElement, mirrored: () => boolean, onChange: () => void): ExampleList {
  const items: DemoExample[] = [];
  let nextId = 1;
  const counts = (): Record<string, number> => {
    const c: Record<string, number> = {};
    for (const e of items) c[e.label] = (c[e.label] ?? 0) + 1;
    return c;
  };
  const draw = (): void => {
    ul.replaceChildren(...items.map(row));
    const c = Object.entries(counts());
    summary.textContent = c.length === 0 ? 'no examples yet' : c.map(([label, n]) => `${label === 'none' ? 'anything else' : label} ×${n}`).join(', ');
  };
  const render = (): void => {
    draw();
    onChange();
  };
  const row = (e: DemoExample): HTMLLIElement => {
    const li = document.createElement('li');
    li.dataset['label'] = e.label;
    const thumb = document.createElement('canvas');
    thumb.className = 'thumb';
    const text = document.createElement('span');
    const seen = handFrameCount(e.frames);
    const ms = e.frames.length > 1 ? e.frames[e.frames.length - 1]!.timestamp - e.frames[0]!.timestamp : 0;
    text.textContent = `${e.label === 'none' ? 'anything else' : e.label} · ${(ms / 1000).toFixed(1)} s · hand ${seen}/${e.frames.length}`;
    if (seen * 2 < e.frames.length) text.classList.add('bad');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'delete';
    remove.title = 'Delete this example';
    remove.textContent = '×';
    remove.addEventListener('click', () => {
      items.splice(items.indexOf(e), 1);
      render();
    });
    li.append(thumb, text, remove);
    queueMicrotask(() => drawTrajectory(thumb, e.frames, mirrored())); // once the row is laid out
    return li;
  };
  draw();
  return {
    add(label, frames) {
      const e = { id: nextId++, label, frames };
      items.push(e);
      render();
      return e;
    },
    addAll(examples) {
      for (const e of examples) items.push({ id: nextId++, label: e.label, frames: e.frames });
      render();
    },
    clear() {
      items.length = 0;
      render();
    },
    examples: () => items.map((e) => ({ label: e.label, frames: e.frames })),
    counts,
  };
}
