import { Profiler, useEffect, useRef, useState } from 'react';
import type { HandGestureSource } from 'posestream/react';
import { useHandGestures } from 'posestream/react';
import { drawHands } from 'posestream';
import { Teach } from './Teach.tsx';

/** What the page exposes for its own counters (shown below the video, read by posestream's tests). */
interface ExampleCounters { commits: number; frames: number; stateChanges: number }
const counters: ExampleCounters = { commits: 0, frames: 0, stateChanges: 0 };
(window as unknown as { posestreamExample: ExampleCounters }).posestreamExample = counters;

/** The camera, or the video file named by `?src=` (looped), or one picked with the file input. */
function initialSource(): HandGestureSource {
  const src = new URLSearchParams(location.search).get('src');
  return src ? { file: src, loop: true } : { camera: { width: 640, height: 480 } };
}

function Gestures({ source }: { source: HandGestureSource }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { gesture, prediction, stats, status, error, pipeline, videoRef } = useHandGestures({
    source,
    onPoses: (frame) => {
      counters.frames++;
      if (canvas.current) drawHands(canvas.current, frame);
    },
  });
  useEffect(() => {
    if (!pipeline) return;
    const count = () => void counters.stateChanges++;
    const subs = [
      pipeline.status$.subscribe(count),
      pipeline.gesture$.subscribe(count),
      pipeline.predictions$.subscribe(count),
      pipeline.stats$.subscribe(count),
      pipeline.errors$.subscribe(count),
    ];
    return () => subs.forEach((s) => s.unsubscribe());
  }, [pipeline]);
  return (
    <section>
      <div className="stage">
        <video ref={videoRef} autoPlay muted playsInline />
        <canvas ref={canvas} />
      </div>
      <p id="gesture">{gesture?.label ?? '—'}</p>
      <p id="prediction">{prediction ? `${prediction.label} ${(prediction.score * 100).toFixed(0)} %` : 'no prediction yet'}</p>
      <p id="status">{status}{error ? `: ${error.message}` : ''}</p>
      <p className="stats" id="stats">
        {stats
          ? `estimator ${stats.fps.estimator.toFixed(1)} fps · classifier busy ${(stats.classifierBusy * 100).toFixed(0)} % · dropped frames ${stats.droppedFrames} · landmark age p95 ${stats.landmarkAge.p95.toFixed(0)} ms`
          : 'no stats yet'}
      </p>
    </section>
  );
}

export default function App() {
  const [source, setSource] = useState<HandGestureSource>(initialSource);
  const [on, setOn] = useState(true);
  const [teach, setTeach] = useState(() => new URLSearchParams(location.search).has('teach'));
  return (
    <main>
      <h1>posestream + React</h1>
      <p>
        <button id="toggle" onClick={() => setOn((v) => !v)}>{on ? 'Stop' : 'Start'}</button>{' '}
        <button id="teach-page" onClick={() => setTeach((v) => !v)}>{teach ? 'Gestures' : 'Teach'}</button>{' '}
        <button id="camera" onClick={() => setSource({ camera: { width: 640, height: 480 } })}>Camera</button>{' '}
        <input type="file" accept="video/*" onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) setSource({ file, loop: true });
        }} />
      </p>
      <Profiler id="gestures" onRender={() => void counters.commits++}>
        {on && (teach ? <Teach source={source} /> : <Gestures source={source} />)}
      </Profiler>
    </main>
  );
}
