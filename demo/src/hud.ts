/** The pipeline HUD: fps per stage, drops, latency, staleness and frame intervals, each with a sparkline. */
import type { HandGesturePipelineStats } from 'posestream';
import { byId } from './dom.js';
import { createSparkline, type Sparkline } from './sparkline.js';

/** What the HUD shows between two stats snapshots. */
export interface Hud {
  /** A stats snapshot, plus staleness (now minus capture time of the newest landmarks / prediction shown), ms. */
  update(
    stats: HandGesturePipelineStats,
    staleness: { landmarks: number; gesture: number | undefined },
    longTasks: { count: number; totalMs: number },
  ): void;
  /** One frame-callback interval of the shown video, ms. */
  interval(ms: number): void;
  reset(): void;
}

const fmt = (v: number, digits = 0): string => (Number.isFinite(v) ? v.toFixed(digits) : '–');

/** Binds the HUD to its elements in index.html. */
export function createHud(): Hud {
  const text = (id: string) => byId(id, HTMLElement);
  const canvas = (id: string) => byId(id, HTMLCanvasElement);
  const sparks: Record<string, Sparkline> = {
    source: createSparkline(canvas('spark-source'), { minMax: 30 }),
    estimator: createSparkline(canvas('spark-estimator'), { minMax: 30 }),
    classifier: createSparkline(canvas('spark-classifier'), { minMax: 5, color: '#f6c453' }),
    latency: createSparkline(canvas('spark-latency'), { minMax: 100, color: '#8fb3ff' }),
    staleness: createSparkline(canvas('spark-staleness'), { minMax: 200, color: '#ff9f6b' }),
    interval: createSparkline(canvas('spark-interval'), { minMax: 50, reference: 1000 / 30, capacity: 120 }),
  };
  let intervals: number[] = [];
  return {
    update(stats, staleness, longTasks) {
      const main = stats.mainThread;
      text('main-thread').textContent = main.count === 0 ? '–' : `${fmt(main.p50, 2)} / ${fmt(main.p95, 2)} ms/frame`;
      text('main-thread').title = `p50 / p95; results reach the page by ${stats.resultsVia}`;
      text('long-tasks').textContent = `${longTasks.count} long tasks`;
      for (const stage of ['source', 'estimator', 'classifier'] as const) {
        text(`fps-${stage}`).textContent = `${fmt(stats.fps[stage], 1)} fps`;
        sparks[stage]?.push(stats.fps[stage]);
      }
      text('latency').textContent = `${fmt(stats.landmarkAge.p50)} / ${fmt(stats.captureToResult.p50)} ms`;
      text('latency').title = 'capture → landmarks p50 / capture → gesture p50';
      sparks['latency']?.push(stats.landmarkAge.p50);
      const gesture = staleness.gesture === undefined ? '' : ` / ${fmt(staleness.gesture)}`;
      text('staleness').textContent = `${fmt(staleness.landmarks)}${gesture} ms`;
      text('staleness').title = 'age of the landmarks shown / of the gesture shown';
      sparks['staleness']?.push(staleness.gesture ?? staleness.landmarks);
      const sorted = [...intervals].sort((a, b) => a - b);
      const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
      text('frame-interval').textContent = `p95 ${fmt(p95)} ms`;
      text('dropped').textContent =
        `dropped: ${stats.droppedFrames} frames, ${stats.droppedWindows} windows · classifier busy ${fmt(stats.classifierBusy * 100)}%`;
      intervals = intervals.slice(-120);
    },
    interval(ms) {
      intervals.push(ms);
      sparks['interval']?.push(ms);
    },
    reset() {
      intervals = [];
      for (const spark of Object.values(sparks)) spark.clear();
    },
  };
}
