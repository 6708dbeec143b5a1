import { Component, type ElementRef, afterEveryRender, effect, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { injectHandGestures } from 'posestream/angular';
import type { HandGestureSource } from 'posestream/angular';
import { drawHands } from 'posestream';
import { counters } from './counters';

/** The camera, or the video file named by `?src=` (looped). */
export function sourceFromUrl(): HandGestureSource {
  const src = new URLSearchParams(location.search).get('src');
  return src ? { file: src, loop: true } : { camera: { width: 640, height: 480 } };
}

/** Where `npm run posestream-assets` put the workers, wasm and models (see README). */
export const POSESTREAM_ASSETS = {
  handModel: '/posestream/models/hand_landmarker_full.task',
  assets: {
    handLandmarkerWorker: '/posestream/workers/handLandmarker.js',
    classifierWorker: '/posestream/workers/classifierWorker.js',
    mediapipeWasmBase: '/posestream/assets/mediapipe',
    tfjsWasmBase: '/posestream/assets/tfjs/',
  },
};

/** Video with the landmarks drawn over it, the gesture, status and stats of one hand-gesture pipeline. */
@Component({
  selector: 'app-hand-gestures',
  template: `
    <div class="stage">
      <video #video autoplay muted playsinline></video>
      <canvas #overlay></canvas>
    </div>
    <p id="gesture">{{ hands.gesture()?.label ?? '—' }}</p>
    <p id="prediction">{{ hands.prediction() ? hands.prediction()!.label + ' ' + (hands.prediction()!.score * 100).toFixed(0) + ' %' : 'no prediction yet' }}</p>
    <p id="status">{{ hands.status() }}{{ hands.error() ? ': ' + hands.error()!.message : '' }}</p>
    @if (hands.stats(); as s) {
      <p class="stats" id="stats">estimator {{ s.fps.estimator.toFixed(1) }} fps · classifier busy {{ (s.classifierBusy * 100).toFixed(0) }} % · dropped frames {{ s.droppedFrames }} · landmark age p95 {{ s.landmarkAge.p95.toFixed(0) }} ms</p>
    } @else {
      <p class="stats" id="stats">no stats yet</p>
    }
  `,
})
export class HandGestures {
  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  private readonly overlay = viewChild.required<ElementRef<HTMLCanvasElement>>('overlay');
  protected readonly hands = injectHandGestures({
    source: sourceFromUrl(),
    video: this.video,
    ...POSESTREAM_ASSETS,
  });

  constructor() {
    // Per frame, outside Angular: drawing runs no change detection.
    this.hands.poses$.pipe(takeUntilDestroyed()).subscribe((frame) => {
      counters.frames++;
      drawHands(this.overlay().nativeElement, frame);
    });
    // Counted for the page's own figures: every low-frequency state emission, and every render.
    effect((onCleanup) => {
      const p = this.hands.pipeline();
      if (p === null) return;
      const count = () => void counters.stateChanges++;
      const subs = [
        p.status$.subscribe(count),
        p.gesture$.subscribe(count),
        p.predictions$.subscribe(count),
        p.stats$.subscribe(count),
        p.errors$.subscribe(count),
      ];
      onCleanup(() => subs.forEach((s) => s.unsubscribe()));
    });
    afterEveryRender(() => void counters.renders++);
  }
}
