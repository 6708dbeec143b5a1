/**
 * Training progress as the trainer reports it: a progress bar over the steps (features, matching, held-out folds,
 * settings), the time left, and a plot of the held-out folds' event-level F1 as the settings are searched.
 */
import type { TeachEvent } from 'posestream';

/** Where each step sits on the progress bar (start, share), 0..1. */
const STEPS: Record<string, readonly [number, number]> = {
  checking: [0, 0.02],
  features: [0.02, 0.08],
  matching: [0.1, 0.6],
  folds: [0.7, 0.28],
  settings: [0.98, 0.02],
};

/** The progress bar, its text and the score plot. */
export interface TrainingPlot {
  reset(): void;
  /** Takes one event of `trainer.teach()`. */
  update(event: TeachEvent): void;
}

/** Binds the plot to its elements. */
export function createTrainingPlot(bar: HTMLProgressElement, text: HTMLElement, canvas: HTMLCanvasElement): TrainingPlot {
  const scores: { at: number; score: number }[] = [];
  const draw = (): void => {
    const ratio = window.devicePixelRatio || 1;
    const w = (canvas.width = Math.max(1, Math.round((canvas.clientWidth || 200) * ratio)));
    const h = (canvas.height = Math.max(1, Math.round((canvas.clientHeight || 50) * ratio)));
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    ctx.clearRect(0, 0, w, h);
    ctx.strokeStyle = '#666a';
    ctx.setLineDash([3 * ratio, 3 * ratio]);
    for (const v of [0.5, 1]) {
      ctx.beginPath();
      ctx.moveTo(0, h - 2 - v * (h - 4));
      ctx.lineTo(w, h - 2 - v * (h - 4));
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.strokeStyle = ctx.fillStyle = '#4fd1a5';
    ctx.lineWidth = 1.5 * ratio;
    ctx.beginPath();
    scores.forEach((s, i) => {
      const x = s.at * (w - 1);
      const y = h - 2 - s.score * (h - 4);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
    for (const s of scores) ctx.fillRect(s.at * (w - 1) - ratio, h - 2 - s.score * (h - 4) - ratio, 2 * ratio, 2 * ratio);
  };
  return {
    reset() {
      scores.length = 0;
      bar.value = 0;
      text.textContent = '';
      draw();
    },
    update(event) {
      if (event.type === 'done') {
        bar.value = 1;
        scores.push({ at: 1, score: event.score });
        text.textContent = `taught in ${(event.trainMs / 1000).toFixed(1)} s · held-out F1 ${event.score.toFixed(2)} · ${event.model.labels.join(', ')}`;
        draw();
        return;
      }
      const [start, share] = STEPS[event.step] ?? [0, 0];
      const at = start + share * (event.total > 0 ? event.done / event.total : 1);
      bar.value = Math.max(bar.value, at);
      if (event.score !== undefined) {
        scores.push({ at, score: event.score });
        draw();
      }
      const left = event.timeLeftMs === undefined ? '' : ` · ${Math.ceil(event.timeLeftMs / 1000)} s left`;
      const score = event.score === undefined ? '' : ` · F1 ${event.score.toFixed(2)}`;
      text.textContent = `${event.step} ${event.done}/${event.total}${score}${left}`;
    },
  };
}
