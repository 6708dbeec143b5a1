'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefCallback } from 'react';
import { throttleTime, type Subscription } from 'rxjs';
import { createHandGesturePipeline } from '../pipeline/createHandGesturePipeline.js';
import { withVideoElement } from '../adapters/withVideoElement.js';
import type { HandGesturePipeline, HandGesturePipelineOptions } from '../pipeline/pipelineTypes.js';
import type { PoseFrame } from '../types.js';
import { createOptionsKey } from './createOptionsKey.js';
import { INITIAL_HAND_GESTURES_STATE } from './reactTypes.js';
import type { HandGesturesState, UseHandGesturesOptions, UseHandGesturesResult } from './reactTypes.js';

/** The prediction state is the latest prediction at most this often, ms. */
const PREDICTION_STATE_MS = 100;

/**
 * Runs one hand-gesture pipeline (`createHandGesturePipeline`) for the component's lifetime and gives its
 * low-frequency state to React: the gesture held now, the latest prediction, stats, status and the last error.
 *
 * State changes at most once per gesture event, stats tick or status change, and for predictions at most every
 * 100 ms (the latest one; every prediction is on `pipeline.predictions$`); never once per frame.
 * Landmarks for drawing go to `onPoses` (called for every pose frame, outside rendering; the latest callback is
 * used without restarting anything). Attach `videoRef` to a `<video>` rendered by the same component to show the
 * camera or file in it. The pipeline starts after mounting settles (StrictMode's mount, unmount, mount opens the
 * camera and the two workers once) and is disposed on unmount, even before the camera has opened: every track is
 * stopped and both workers are terminated. Options are compared by value (elements, files and functions by
 * identity): changing one disposes the pipeline and starts a new one. Safe to import and render on a server
 * (nothing starts there: status stays `'idle'`). With `throwOnError`, a fatal error is thrown during rendering so
 * that the nearest error boundary shows it.
 *
 * @example
 * ```tsx
 * import { useHandGestures } from 'posestream/react';
 *
 * export default function App() {
 *   const { gesture, videoRef } = useHandGestures({ source: { camera: {} } });
 *   return (<><video ref={videoRef} autoPlay muted playsInline /><p id="gesture">{gesture?.label ?? '-'}</p></>);
 * }
 * ```
 */
export function useHandGestures(options: UseHandGesturesOptions = {}): UseHandGesturesResult {
  const { enabled = true, onPoses, throwOnError = false, ...pipelineOptions } = options;
  const [state, setState] = useState<HandGesturesState>(INITIAL_HAND_GESTURES_STATE);
  const video = useRef<HTMLVideoElement | null>(null);
  const videoRef: RefCallback<HTMLVideoElement> = useCallback((el: HTMLVideoElement | null) => {
    video.current = el;
  }, []);
  const onPosesRef = useRef(onPoses);
  onPosesRef.current = onPoses;
  const latest = useRef(pipelineOptions);
  latest.current = pipelineOptions;
  const keyOf = useRef<((o: object) => string) | null>(null);
  keyOf.current ??= createOptionsKey();
  const key = keyOf.current({ enabled, pipelineOptions });

  useEffect(() => {
    if (!enabled) {
      setState(INITIAL_HAND_GESTURES_STATE);
      return undefined;
    }
    let pipeline: HandGesturePipeline | undefined;
    let subscriptions: Subscription[] = [];
    let cancelled = false;
    // Deferred to a microtask: StrictMode's synchronous unmount + remount cancels the first start, so only one
    // camera and one pair of workers is ever opened.
    queueMicrotask(() => {
      if (cancelled) return;
      const current = latest.current;
      // Relative URL options are made absolute by the factory itself.
      const opts: HandGesturePipelineOptions = { ...current, source: withVideoElement(current.source, video.current) };
      try {
        pipeline = createHandGesturePipeline(opts);
      } catch (error) {
        setState({ ...INITIAL_HAND_GESTURES_STATE, status: 'error', error: error as Error });
        return;
      }
      const p = pipeline;
      const patch = <K extends keyof HandGesturesState>(k: K, v: HandGesturesState[K]): void =>
        setState((s) => (s[k] === v && s.pipeline === p ? s : { ...s, pipeline: p, [k]: v }));
      setState({ ...INITIAL_HAND_GESTURES_STATE, pipeline: p, status: p.status });
      subscriptions = [
        p.status$.subscribe((v) => patch('status', v)),
        p.gesture$.subscribe((v) => patch('gesture', v)),
        // A classifier as fast as the camera predicts every frame: the state takes the latest at most every 100 ms.
        p.predictions$.pipe(throttleTime(PREDICTION_STATE_MS, undefined, { leading: true, trailing: true })).subscribe((v) => patch('prediction', v)),
        p.stats$.subscribe((v) => patch('stats', v)),
        p.errors$.subscribe((v) => patch('error', v)),
        p.poses$.subscribe((frame: PoseFrame) => onPosesRef.current?.(frame)),
      ];
    });
    return () => {
      cancelled = true;
      for (const s of subscriptions) s.unsubscribe();
      pipeline?.dispose();
    };
    // `key` stands for every option (compared by value); the options themselves are read through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (throwOnError && state.status === 'error' && state.error !== null) throw state.error;
  return { ...state, videoRef };
}
