import { DestroyRef, ElementRef, Injector, NgZone, afterNextRender, assertInInjectionContext, inject, signal } from '@angular/core';
import { BehaviorSubject, EMPTY, Subscription, switchMap, throttleTime } from 'rxjs';
import type { Observable } from 'rxjs';
import { withVideoElement } from '../adapters/withVideoElement.js';
import { createHandGesturePipeline } from '../pipeline/createHandGesturePipeline.js';
import type { HandGesturePipeline, HandGesturePipelineOptions, HandGesturePipelineStatus } from '../pipeline/pipelineTypes.js';
import type { GestureEvent, PipelineStats, Prediction } from '../types.js';
import type { HandGestures, InjectHandGesturesOptions } from './angularTypes.js';
import { HAND_GESTURES_OPTIONS } from './provideHandGestures.js';

/**
 * Runs one hand-gesture pipeline (`createHandGesturePipeline`) for the lifetime of the calling component, directive
 * or service, and gives its state as signals: the gesture held now, the latest prediction, stats, status, error.
 *
 * Call it in an injection context (a field initialiser or constructor), or pass `injector`. Options are those of
 * `provideHandGestures` (if any) with these on top. The pipeline starts after the first render (`afterNextRender`:
 * never on a server, and `video` — e.g. a `viewChild` — is resolved by then) and outside Angular's zone, so worker
 * messages and per-frame callbacks run no change detection in zone.js apps; signals change at most once per gesture
 * event, stats tick or status change, and `prediction` at most every 100 ms (a classifier as fast as the camera
 * predicts every frame), which is all a zoneless app re-renders for. When the owner is
 * destroyed (`DestroyRef`), the camera tracks are stopped, both workers terminated and the Observables complete.
 *
 * @example
 * ```ts
 * import { Component, type ElementRef, viewChild } from '@angular/core';
 * import { injectHandGestures } from 'posestream/angular';
 *
 * @Component({ selector: 'app-root', template: `<video #video autoplay muted playsinline></video>
 *   <p id="gesture">{{ hands.gesture()?.label ?? '-' }}</p>` })
 * export class App {
 *   readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
 *   readonly hands = injectHandGestures({ video: this.video });
 * }
 * ```
 */
export function injectHandGestures(options: InjectHandGesturesOptions = {}): HandGestures {
  const { injector: given, video, ...overrides } = options;
  if (given === undefined) assertInInjectionContext(injectHandGestures);
  const injector = given ?? inject(Injector);
  const provided = injector.get(HAND_GESTURES_OPTIONS, null) ?? {};
  const zone = injector.get(NgZone);
  const gesture = signal<GestureEvent | null>(null);
  const prediction = signal<Prediction | null>(null);
  const stats = signal<PipelineStats | null>(null);
  const status = signal<HandGesturePipelineStatus | 'idle'>('idle');
  const error = signal<Error | null>(null);
  const current = signal<HandGesturePipeline | null>(null);
  const pipeline$ = new BehaviorSubject<HandGesturePipeline | null>(null);
  const subscriptions = new Subscription();
  let destroyed = false;

  const start = (): void => {
    if (destroyed) return;
    const el = video?.();
    const element = el instanceof ElementRef ? el.nativeElement : el;
    // Relative URL options are made absolute by the factory itself.
    const opts: HandGesturePipelineOptions = {
      ...provided,
      ...overrides,
      assets: { ...provided.assets, ...overrides.assets },
      source: withVideoElement(overrides.source ?? provided.source, element),
    };
    // Outside the zone: every task the pipeline schedules (worker messages, frame callbacks, timers) stays out of
    // zone.js, so only the signal writes below, when a template reads them, schedule change detection.
    zone.runOutsideAngular(() => {
      let p: HandGesturePipeline;
      try {
        p = createHandGesturePipeline(opts);
      } catch (e) {
        error.set(e instanceof Error ? e : new Error(String(e)));
        status.set('error');
        return;
      }
      current.set(p);
      subscriptions.add(p.status$.subscribe((v) => status.set(v)));
      subscriptions.add(p.gesture$.subscribe((v) => gesture.set(v)));
      // A classifier as fast as the camera predicts every frame: the signal takes the latest at most every 100 ms.
      subscriptions.add(p.predictions$.pipe(throttleTime(100, undefined, { leading: true, trailing: true })).subscribe((v) => prediction.set(v)));
      subscriptions.add(p.stats$.subscribe((v) => stats.set(v)));
      subscriptions.add(p.errors$.subscribe((v) => error.set(v)));
      pipeline$.next(p);
    });
  };
  const afterRender = afterNextRender(start, { injector });
  injector.get(DestroyRef).onDestroy(() => {
    destroyed = true;
    afterRender.destroy();
    subscriptions.unsubscribe();
    current()?.dispose();
    pipeline$.complete();
  });

  const from = <T>(pick: (p: HandGesturePipeline) => Observable<T>): Observable<T> =>
    pipeline$.pipe(switchMap((p) => (p === null ? EMPTY : pick(p))));
  return {
    gesture: gesture.asReadonly(),
    prediction: prediction.asReadonly(),
    stats: stats.asReadonly(),
    status: status.asReadonly(),
    error: error.asReadonly(),
    pipeline: current.asReadonly(),
    poses$: from((p) => p.poses$),
    gestures$: from((p) => p.gestures$),
  };
}
