'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Subscription } from 'rxjs';
import { applyTaughtModel, startTeaching } from '../adapters/startTeaching.js';
import { INITIAL_GESTURE_TRAINER_STATE, type GestureTrainerState } from '../adapters/trainerTypes.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import type { HandGesturePipelineInfo } from '../pipeline/pipelineTypes.js';
import type { TeachingInput } from '../teach/teachTypes.js';
import type { UseGestureTrainerOptions, UseGestureTrainerResult } from './reactTypes.js';

/**
 * Teaches gesture models from examples for the component's lifetime (`createGestureTrainer`: a trainer worker per
 * teaching, the page's main thread does no training work) and gives its state to React: `status`, `progress` (step,
 * score so far, time left; at most every 100 ms and at each new step), `result` (the taught model) and `error`.
 *
 * `teach(input)` starts teaching (cancelling one under way); `cancel()` stops it: the worker is terminated and no
 * half-taught model is kept (status back to `'idle'`). `apply()` switches the running pipeline given as `pipeline`
 * (`useHandGestures().pipeline`) to the taught model (`pipeline.useGestureModel`: the camera and the hand estimator
 * go on) and resolves with its info; `apply(model)` applies another one (e.g. `loadGestureModel`'s). Unmounting
 * cancels teaching and terminates its worker; nothing starts before `teach` is called, so StrictMode's mount,
 * unmount, mount starts nothing. The newest options are used at each `teach`; the functions keep their identity.
 *
 * @example
 * ```tsx
 * import { useGestureTrainer, useHandGestures } from 'posestream/react';
 * import type { GestureExample } from 'posestream';
 *
 * export function Teach({ examples }: { examples: GestureExample[] }) {
 *   const { pipeline, gesture, videoRef } = useHandGestures();
 *   const trainer = useGestureTrainer({ pipeline });
 *   return (<>
 *     <video ref={videoRef} autoPlay muted playsInline />
 *     <button onClick={() => trainer.teach({ examples })}>Train</button>
 *     <button disabled={trainer.status !== 'done'} onClick={() => void trainer.apply()}>Use it</button>
 *     <p>{trainer.status} {trainer.progress?.step} · {gesture?.label ?? '—'}</p>
 *   </>);
 * }
 * ```
 */
export function useGestureTrainer(options: UseGestureTrainerOptions = {}): UseGestureTrainerResult {
  const [state, setState] = useState<GestureTrainerState>(INITIAL_GESTURE_TRAINER_STATE);
  const latest = useRef(options);
  latest.current = options;
  const result = useRef<GestureTrainerState['result']>(null);
  result.current = state.result;
  const running = useRef<Subscription | null>(null);
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      running.current?.unsubscribe(); // terminates the worker
      running.current = null;
    };
  }, []);

  const teach = useCallback((input: TeachingInput): void => {
    running.current?.unsubscribe();
    const { pipeline: _pipeline, ...trainerOptions } = latest.current;
    const set = (next: GestureTrainerState): void => {
      if (mounted.current) setState(next);
    };
    running.current = startTeaching(trainerOptions, input, set);
  }, []);
  const cancel = useCallback((): void => {
    if (running.current === null) return;
    running.current.unsubscribe();
    running.current = null;
    setState((s) => (s.status === 'teaching' ? INITIAL_GESTURE_TRAINER_STATE : s));
  }, []);
  const apply = useCallback(
    (model?: TaughtGestureModel): Promise<HandGesturePipelineInfo> => applyTaughtModel('useGestureTrainer', latest.current.pipeline, model ?? result.current?.model),
    [],
  );
  return { ...state, teach, cancel, apply };
}
