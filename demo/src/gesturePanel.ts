/** The gesture panel: the current prediction with its confidence and top-3 scores, and stable gesture events. */
import type { GestureEvent, Prediction } from 'posestream';
import { byId } from './dom.js';

/** Shows one prediction: best label, its confidence, and the three best classes as bars. */
export function showPrediction(prediction: Prediction): void {
  byId('gesture-label', HTMLElement).textContent = prediction.label;
  byId('gesture-score', HTMLElement).textContent = `confidence ${(prediction.score * 100).toFixed(1)}%`;
  const top = [...prediction.categories].sort((a, b) => b.score - a.score).slice(0, 3);
  byId('top3', HTMLOListElement).replaceChildren(
    ...top.map((c) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = c.categoryName;
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${Math.max(1, c.score * 100).toFixed(0)}%`;
      const value = document.createElement('span');
      value.textContent = c.score.toFixed(2);
      item.append(name, bar, value);
      return item;
    }),
  );
}

/** Gesture events kept in the panel's log. */
const LOG_LENGTH = 8;

/** Marks a stable gesture: its label is outlined while it lasts, and each start is logged (newest first). */
export function showGesture(event: GestureEvent): void {
  if (event.phase === 'start') {
    const log = byId('gesture-log', HTMLOListElement);
    const item = document.createElement('li');
    item.dataset['label'] = event.label;
    item.textContent = `${event.label} · ${new Date().toLocaleTimeString()}`;
    log.prepend(item);
    while (log.children.length > LOG_LENGTH) log.lastElementChild?.remove();
  }
  const label = byId('gesture-label', HTMLElement);
  label.dataset['stable'] = event.phase === 'start' ? event.label : '';
  label.style.textDecoration = event.phase === 'start' ? 'underline' : 'none';
}

/** Clears the panel (a new source). */
export function resetGesture(): void {
  byId('gesture-label', HTMLElement).textContent = '—';
  byId('gesture-score', HTMLElement).textContent = '';
  byId('top3', HTMLOListElement).replaceChildren();
  byId('gesture-log', HTMLOListElement).replaceChildren();
}
