import { InjectionToken } from '@angular/core';
import type { Provider } from '@angular/core';
import type { HandGesturePipelineOptions } from '../pipeline/pipelineTypes.js';

/** The pipeline options `provideHandGestures` registers (read by `injectHandGestures`). */
export const HAND_GESTURES_OPTIONS = new InjectionToken<HandGesturePipelineOptions>('posestream HAND_GESTURES_OPTIONS');

/**
 * Registers default pipeline options for every `injectHandGestures()` below this injector: in
 * `bootstrapApplication`'s providers (`app.config.ts`), a route's, or a component's `providers`.
 *
 * Options given to `injectHandGestures` win over these (`assets` are merged field by field). Nothing starts here:
 * each `injectHandGestures()` owns its own pipeline.
 *
 * @example
 * ```ts
 * import { provideHandGestures } from 'posestream/angular';
 * export const appConfig = { providers: [provideHandGestures({ handModel: 'lite' })] };
 * ```
 */
export function provideHandGestures(options: HandGesturePipelineOptions = {}): Provider[] {
  return [{ provide: HAND_GESTURES_OPTIONS, useValue: options }];
}
