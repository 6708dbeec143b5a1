import { resolveSwipeOptions } from '../filters/resolveSwipeOptions.js';
import { transfer } from 'comlink';
import { Observable } from 'rxjs';
import { packagedEntry } from './classifierClient.js';
import type { GestureTrainerApi } from './gestureTrainerService.js';
import { checkSpawnOptions, createOptionChecks } from './createOptionChecks.js';
import { spawnWorker } from './spawnWorker.js';
import { isNode } from './startRawWorker.js';
import { reviveWorkerError } from './workerErrors.js';
import type { SpawnWorkerOptions, WorkerSource } from './workerTypes.js';
import { collectSessions } from '../teach/collectSessions.js';
import { TeachingError } from '../teach/TeachingError.js';
import type { TeachEvent, TeachingInput, TeachOptions } from '../teach/teachTypes.js';

/** Options of {@link createGestureTrainer}: how to teach, and the worker it runs in. */
export interface GestureTrainerOptions extends TeachOptions, Pick<SpawnWorkerOptions, 'name'> {
  /**
   * The trainer worker: its script URL or a function making the `Worker` (Node: a worker_threads entry).
   * @default the packaged entry (`gestureTrainerWorker`), emitted by your bundler
   */
  worker?: WorkerSource;
}

/** Teaches gesture models from examples in a worker. */
export interface GestureTrainer {
  /**
   * Teaches a model from `input`. Cold: each subscription starts its own worker, emits `TeachProgress` values
   * and a last `TeachDone` (the taught model), then completes and terminates the worker; unsubscribing cancels
   * and terminates it (no half-taught model is emitted). A `TeachingError` (too few examples, one class, no hand)
   * errors the Observable before any worker starts.
   */
  teach(input: TeachingInput): Observable<TeachEvent>;
}

/**
 * The worker form of `teachGestureModel` (progress as an Observable, cancelled by unsubscribing): creates a gesture
 * trainer, which teaches a template model from a few labelled examples (`pipeline.poses$` frame arrays,
 * or posestream/v1 recordings with label lines; `none` from examples labelled `none` and from the frames outside
 * every labelled span), taught in a worker so the page's main thread does no training work. The result is a plain
 * JSON object (`JSON.stringify` it to save it) that `createClassifierWorker({ model })` runs, as the object or from
 * its URL; run it with its own `window`, `onMissingHand`, `maxGapMs` and `gestures` settings. No TensorFlow.js.
 * Options are checked here (an `InvalidOptionError` names a wrong one).
 *
 * @example
 * ```ts
 * import { lastValueFrom } from 'rxjs';
 * import { createClassifierWorker, createGestureTrainer } from 'posestream/workers';
 * const trainer = createGestureTrainer({ minExamples: 3 });
 * const done = await lastValueFrom(trainer.teach({ examples }));
 * if (done.type === 'done') createClassifierWorker({ model: done.model });
 * ```
 */
export function createGestureTrainer(options: GestureTrainerOptions = {}): GestureTrainer {
  const check = createOptionChecks('createGestureTrainer');
  check.object('window', options.window);
  if (options.window !== undefined) {
    check.number('window.frames', options.window.frames, 'a whole number of frames', { min: 3, integer: true });
    check.number('window.durationMs', options.window.durationMs, 'a duration in milliseconds', { min: 0, exclusiveMin: true });
    check.number('window.minDurationMs', options.window.minDurationMs, 'a duration in milliseconds', { min: 0, max: options.window.durationMs });
  }
  check.oneOf('onMissingHand', options.onMissingHand, ['reset', 'hold', 'skip']);
  check.oneOf('hand', options.hand, ['first', 'Left', 'Right', 'largest']);
  check.number('maxGapMs', options.maxGapMs, 'a duration in milliseconds', { min: 0 });
  check.number('minExamples', options.minExamples, 'a whole number of examples', { min: 2, integer: true });
  check.number('templatesPerClass', options.templatesPerClass, 'a whole number of templates', { min: 1, integer: true });
  check.number('folds', options.folds, 'a whole number of folds', { min: 1, integer: true });
  check.number('endSlackMs', options.endSlackMs, 'a duration in milliseconds', { min: 0 });
  check.number('falseAcceptCost', options.falseAcceptCost, 'a cost ratio', { min: 0 });
  check.object('swipes', options.swipes);
  if (options.swipes !== undefined) resolveSwipeOptions(options.swipes, 'createGestureTrainer', 'swipes.');
  checkSpawnOptions(check, {});
  const { worker: workerOption, name, ...teach } = options;
  const packaged: WorkerSource = isNode()
    ? packagedEntry('gestureTrainerWorker')
    : () => new Worker(new URL('./gestureTrainerWorker.worker.js', import.meta.url), { type: 'module', name: 'gesture-trainer' });
  return {
    teach: (input) =>
      new Observable<TeachEvent>((subscriber) => {
        try {
          collectSessions(input, { durationMs: teach.window?.durationMs ?? 2000, hand: teach.hand ?? 'first', minExamples: teach.minExamples ?? 3 });
        } catch (err) {
          subscriber.error(err);
          return undefined;
        }
        const worker = spawnWorker<GestureTrainerApi>(workerOption ?? packaged, { name: name ?? 'gesture-trainer', timeoutMs: 600_000, source: 'createGestureTrainer' });
        const channel = new MessageChannel();
        channel.port1.onmessage = (event: MessageEvent) => subscriber.next(event.data as TeachEvent);
        worker.api.teach(transfer({ input, options: teach, progress: channel.port2 }, [channel.port2])).then(
          (done) => {
            subscriber.next(done as TeachEvent);
            subscriber.complete();
          },
          (err: unknown) =>
            subscriber.error(err instanceof Error && err.name === 'TeachingError' ? new TeachingError('bad-example', err.message) : reviveWorkerError(err, 'createGestureTrainer')),
        );
        return () => {
          channel.port1.onmessage = null;
          channel.port1.close();
          void worker.terminate();
        };
      }),
  };
}
