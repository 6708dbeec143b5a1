/**
 * `{ stream }` sources that are not a camera, run in the pipeline test page on the workers path: a real swipe video
 * drawn on a canvas at ~30 fps and handed over as `canvas.captureStream()`, as a `MediaStreamTrackGenerator` fed with
 * `VideoFrame`s of that canvas, or as the remote track of a WebRTC loopback (two `RTCPeerConnection`s in the page,
 * sending the canvas track). Chromium gives all three `track.stats === null`.
 */
import { createHandGesturePipeline } from 'posestream';
import { live, sleep } from './pageCounters.js';

export type StreamKind = 'canvas' | 'generator' | 'webrtc';

export interface StreamReport {
  kind: StreamKind;
  /** What the source track's `stats` is: 'null' in Chromium for all three kinds. */
  trackStats: string;
  runsOn: string;
  statuses: string[];
  errors: { name: string; message: string }[];
  readyError: string | null;
  poses: number;
  handFrames: number;
  predictions: number;
  warnings: readonly string[];
  droppedFrames: number | null;
  /** Workers left after dispose, and whether the caller's track was left running (it is the caller's). */
  liveWorkers: number;
  sourceTrackLive: boolean;
}

/** Draws the looped swipe video on a canvas, ~30 times a second, calling `onFrame` after each draw. */
async function drawVideo(onFrame: (canvas: HTMLCanvasElement) => void): Promise<{ canvas: HTMLCanvasElement; stop(): void }> {
  const video = document.createElement('video');
  video.muted = true;
  video.loop = true;
  video.playsInline = true;
  video.src = '/data/video/ai-forever-dynamic-gestures/swipe_left_right.mp4';
  await video.play();
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d')!;
  const timer = setInterval(() => {
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    onFrame(canvas);
  }, 33);
  return {
    canvas,
    stop() {
      clearInterval(timer);
      video.pause();
      video.removeAttribute('src');
      video.load();
    },
  };
}

/** The source stream of `kind`, and how to stop everything behind it. */
async function openStream(kind: StreamKind): Promise<{ stream: MediaStream; stop(): void }> {
  if (kind === 'generator') {
    type Generator = MediaStreamTrack & { writable: WritableStream<VideoFrame> };
    const Ctor = (window as unknown as { MediaStreamTrackGenerator: new (init: { kind: 'video' }) => Generator }).MediaStreamTrackGenerator;
    const generator = new Ctor({ kind: 'video' });
    const writer = generator.writable.getWriter();
    let writing = false;
    const drawing = await drawVideo((canvas) => {
      if (writing) return; // one frame at a time: the generator is the sink's pace
      writing = true;
      const frame = new VideoFrame(canvas, { timestamp: Math.round(performance.now() * 1000) });
      writer.write(frame).finally(() => {
        frame.close();
        writing = false;
      });
    });
    return {
      stream: new MediaStream([generator]),
      stop() {
        drawing.stop();
        writer.close().catch(() => undefined);
        generator.stop();
      },
    };
  }
  const drawing = await drawVideo(() => undefined);
  const captured = drawing.canvas.captureStream(30);
  if (kind === 'canvas') {
    return {
      stream: captured,
      stop() {
        drawing.stop();
        captured.getTracks().forEach((t) => t.stop());
      },
    };
  }
  // A WebRTC loopback: the canvas track sent from one peer connection to the other, in this page.
  const sender = new RTCPeerConnection();
  const receiver = new RTCPeerConnection();
  sender.onicecandidate = (e) => e.candidate && receiver.addIceCandidate(e.candidate).catch(() => undefined);
  receiver.onicecandidate = (e) => e.candidate && sender.addIceCandidate(e.candidate).catch(() => undefined);
  const remote = new Promise<MediaStream>((resolve) => {
    receiver.ontrack = (e) => resolve(e.streams[0] ?? new MediaStream([e.track]));
  });
  for (const track of captured.getVideoTracks()) sender.addTrack(track, captured);
  await sender.setLocalDescription(await sender.createOffer());
  await receiver.setRemoteDescription(sender.localDescription!);
  await receiver.setLocalDescription(await receiver.createAnswer());
  await sender.setRemoteDescription(receiver.localDescription!);
  const stream = await remote;
  const track = stream.getVideoTracks()[0]!;
  const until = performance.now() + 20_000;
  while (track.muted && performance.now() < until) await sleep(100); // until media flows
  return {
    stream,
    stop() {
      drawing.stop();
      sender.close();
      receiver.close();
      captured.getTracks().forEach((t) => t.stop());
    },
  };
}

/** Runs the pipeline on the workers path on a `{ stream }` of `kind` for `ms` once it runs, disposes it, and reports. */
export async function runStreamSource(kind: StreamKind, ms: number): Promise<StreamReport> {
  const source = await openStream(kind);
  const track = source.stream.getVideoTracks()[0]!;
  const stats = (track as MediaStreamTrack & { stats?: unknown }).stats;
  const pipeline = createHandGesturePipeline({ source: { stream: source.stream }, runOn: 'workers' });
  const report: StreamReport = {
    kind, trackStats: stats === null ? 'null' : typeof stats, runsOn: pipeline.runsOn, statuses: [], errors: [], readyError: null, poses: 0,
    handFrames: 0, predictions: 0, warnings: [], droppedFrames: null, liveWorkers: 0, sourceTrackLive: false,
  };
  pipeline.ready.catch((e: Error) => (report.readyError = `${e.name}: ${e.message}`));
  pipeline.status$.subscribe((s) => report.statuses.push(s));
  pipeline.errors$.subscribe((e) => report.errors.push({ name: e.name, message: e.message }));
  pipeline.poses$.subscribe((f) => {
    report.poses++;
    if (f.hands.length > 0) report.handFrames++;
  });
  pipeline.predictions$.subscribe(() => report.predictions++);
  pipeline.stats$.subscribe((s) => {
    report.warnings = s.warnings;
    report.droppedFrames = s.droppedFrames;
  });
  const started = performance.now();
  while (pipeline.status === 'starting' && performance.now() - started < 60_000) await sleep(100);
  const running = performance.now();
  while (performance.now() - running < ms && report.errors.length === 0) await sleep(100);
  pipeline.dispose();
  await sleep(500);
  report.liveWorkers = live.size;
  report.sourceTrackLive = track.readyState === 'live';
  source.stop();
  return report;
}
