/**
 * The off-main-thread gesture stream in a real worker (worker_threads, the packaged classifier entry and the
 * packaged default model): real kairess pose frames go in over a MessagePort, packed and transferred, as the
 * hand-landmarker worker sends them; predictions, gesture events, stats and the end come out on another port.
 */
import type { MessagePort as NodeMessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKairess, type KairessTake } from '../../src/data/loadKairess.js';
import { DEFAULT_MODEL_SETTINGS } from '../../src/defaultModelSettings.js';
import type { GestureTrackerOptions } from '../../src/filters/handMathTypes.js';
import { packPoseFrame } from '../../src/filters/packPoseFrame.js';
import type { ClassifierWorker } from '../../src/workers/classifierClient.js';
import { createClassifierWorker } from '../../src/workers/createClassifierWorker.js';
import type { GestureStreamMessage, GestureStreamRequest, PoseChannelMessage } from '../../src/workers/streamProtocol.js';
import { readSharedPredictions } from '../../src/workers/sharedPredictionRing.js';
import { createSharedResults, DOORBELL, sharedResultsViews, type SharedResults } from '../../src/workers/sharedResults.js';

let takes: KairessTake[];
let classifier: ClassifierWorker;

beforeAll(async () => {
  takes = await loadKairess('../shared/data/landmarks/kairess-gesture-recognition');
  classifier = createClassifierWorker({ model: 'default' });
  await classifier.ready;
}, 120_000);

afterAll(async () => {
  await classifier?.dispose();
});

function request(poses: MessagePort, page: MessagePort, shared?: SharedResults, gestures: GestureTrackerOptions = DEFAULT_MODEL_SETTINGS.gestures): GestureStreamRequest {
  return {
    ...(shared !== undefined ? { shared } : {}),
    poses,
    page,
    pageTimeOrigin: performance.timeOrigin,
    window: { ...DEFAULT_MODEL_SETTINGS.window, onMissingHand: DEFAULT_MODEL_SETTINGS.onMissingHand, maxGapMs: DEFAULT_MODEL_SETTINGS.maxGapMs },
    gestures,
    policy: 'latest',
    stats: { intervalMs: 100, windowMs: 2000 },
  };
}

/** Starts a stream, returns what the page port receives until 'end', and the call's result. */
function stream(shared?: SharedResults, gestures?: GestureTrackerOptions): { poses: MessagePort; received: Promise<GestureStreamMessage[]>; started: Promise<void>; done: Promise<unknown> } {
  const poses = new MessageChannel();
  const page = new MessageChannel();
  const messages: GestureStreamMessage[] = [];
  let started = (): void => undefined;
  const first = new Promise<void>((resolve) => (started = resolve));
  const received = new Promise<GestureStreamMessage[]>((resolve) => {
    (page.port1 as unknown as NodeMessagePort).on('message', (message: GestureStreamMessage) => {
      messages.push(message);
      started();
      if (message.type === 'end') {
        page.port1.close();
        resolve(messages);
      }
    });
  });
  const done = classifier.streamGestures(request(poses.port2, page.port2, shared, gestures));
  done.catch(() => undefined); // awaited by the tests that expect it to fail
  return { poses: poses.port1, received, started: first, done };
}

const send = (port: MessagePort, message: PoseChannelMessage): void =>
  port.postMessage(message, message.type === 'pose' ? [message.data.buffer] : []);

describe('withGestureStream (packaged classifier worker, real kairess frames)', () => {
  it("classifies a take sent at the camera's pace and ends with its last window", { timeout: 120_000 }, async () => {
    const take = takes.find((t) => t.label === 'spin')!;
    const frames = take.frames.slice(0, 150);
    const { poses, received, done } = stream();
    const start = performance.now();
    for (const frame of frames) {
      const t = performance.now();
      // The estimator's monitor events ride with its pose frames.
      send(poses, { type: 'pose', data: packPoseFrame({ ...frame, capturedAt: t }), events: [{ stage: 'estimator', kind: 'emit', t, captureT: t }] });
      await new Promise((r) => setTimeout(r, 33));
    }
    send(poses, { type: 'end' });
    const messages = await received;
    const result = (await done) as { predictions: number; gestures: number };
    const predictions = messages.flatMap((m) => (m.type === 'prediction' ? [m.prediction] : []));
    const stats = messages.flatMap((m) => (m.type === 'stats' ? [m.stats] : []));
    const spin = predictions.filter((p) => p.label === 'spin').length;
    console.info(`${frames.length} frames in ${(performance.now() - start).toFixed(0)} ms: ${predictions.length} predictions (${spin} spin), ${stats.length} stats, last ${JSON.stringify(stats.at(-1)?.fps)}`);
    expect(result.predictions).toBe(predictions.length);
    expect(predictions.length).toBeGreaterThan(10);
    expect(predictions.at(-1)!.windowEndIndex).toBe(frames.at(-1)!.index); // 'latest' never loses the last window
    const ends = predictions.map((p) => p.windowEndIndex);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(spin / predictions.length).toBeGreaterThan(0.5);
    expect(messages.at(-1)).toEqual({ type: 'end' });
    expect(stats.length).toBeGreaterThan(0);
    expect(stats.at(-1)!.fps.window).toBeGreaterThan(0);
    expect(stats.at(-1)!.fps.estimator).toBeGreaterThan(0); // recorded from the events that came with the frames
  });

  it('with shared results, writes predictions into the ring and rings the doorbell; a full ring keeps the rest for the next message', { timeout: 120_000 }, async () => {
    const take = takes.find((t) => t.label === 'spin')!;
    const frames = take.frames.slice(0, 120);
    const labels = (await classifier.ready).labels;
    const shared = createSharedResults({ maxHands: 1, labels: labels.length, capacity: 4 });
    const views = sharedResultsViews(shared);
    const { poses, received, done } = stream(shared);
    for (const frame of frames) {
      send(poses, { type: 'pose', data: packPoseFrame({ ...frame, capturedAt: performance.now() }) });
      await new Promise((r) => setTimeout(r, 33));
    }
    send(poses, { type: 'end' });
    const messages = await received; // the page reads nothing until the end: the ring fills
    const result = (await done) as { predictions: number; gestures: number };
    const fromRing = readSharedPredictions(views, labels, shared.capacity);
    const fromMessages = messages.flatMap((m) => (m.type === 'gesture' || m.type === 'end' ? (m.predictions ?? []) : []));
    const all = [...fromRing, ...fromMessages];
    const ends = all.map((p) => p.windowEndIndex);
    console.info(`shared results, ring of 4 never read: ${fromRing.length} from the ring, ${fromMessages.length} kept back and sent with ${messages.filter((m) => 'predictions' in m && m.predictions !== undefined).length} messages, doorbell ${Atomics.load(views.ints, DOORBELL)}; ${result.predictions} predictions, ${result.gestures} gestures`);
    expect(messages.filter((m) => m.type === 'prediction')).toEqual([]);
    expect(fromRing).toHaveLength(4);
    expect(Atomics.load(views.ints, DOORBELL)).toBe(4); // rung for each prediction written
    expect(all).toHaveLength(result.predictions);
    expect(ends).toEqual([...ends].sort((a, b) => a - b)); // in order across ring and messages
    expect(new Set(ends).size).toBe(ends.length);
    expect(ends.at(-1)).toBe(frames.at(-1)!.index);
    expect(all.every((p) => labels.includes(p.label) && p.categories.length === labels.length)).toBe(true);
    expect(all.filter((p) => p.label === 'spin').length / all.length).toBeGreaterThan(0.5);
  });

  it('classifies only the newest window of frames that piled up while it was busy', { timeout: 120_000 }, async () => {
    const frames = takes.find((t) => t.label === 'come')!.frames.slice(0, 200);
    const { poses, received, done } = stream();
    for (const frame of frames) send(poses, { type: 'pose', data: packPoseFrame(frame) }); // all at once
    send(poses, { type: 'end' });
    const predictions = (await received).flatMap((m) => (m.type === 'prediction' ? [m.prediction] : []));
    await done;
    console.info(`${frames.length} frames at once: ${predictions.length} predictions, ends ${predictions.map((p) => p.windowEndIndex).join(',')}`);
    expect(predictions.length).toBeGreaterThan(0);
    expect(predictions.length).toBeLessThan(10); // 171 windows: one per burst, never one per queued frame
    expect(predictions.at(-1)!.windowEndIndex).toBe(frames.at(-1)!.index);
  });

  it("ends a gesture still held when the stream is stopped (reason 'disposed') or replaced (reason 'restart'), before its end", { timeout: 120_000 }, async () => {
    // Any label is a gesture after 3 predictions, and only 3 predictions of another label end it: one is held.
    const held = { threshold: 0, minConsecutive: 3, ignore: [], cooldownMs: 0 };
    const frames = takes.find((t) => t.label === 'spin')!.frames.slice(0, 60);
    const run = async (stop: () => Promise<unknown>): Promise<GestureStreamMessage[]> => {
      const s = stream(undefined, held);
      for (const frame of frames) {
        send(s.poses, { type: 'pose', data: packPoseFrame(frame) });
        await new Promise((r) => setTimeout(r, 33));
      }
      await new Promise((r) => setTimeout(r, 500)); // the last classifications
      await stop();
      await s.done;
      return s.received;
    };
    for (const [reason, stop] of [
      ['disposed', () => classifier.stopGestures()],
      [
        'restart',
        async () => {
          const next = stream(); // replaces the running stream
          await next.started;
          await classifier.stopGestures();
          await next.done;
        },
      ],
    ] as const) {
      const messages = await run(stop);
      const events = messages.flatMap((m) => (m.type === 'gesture' ? [m.event] : []));
      console.info(`stopped (${reason}): ${events.map((e) => `${e.phase} ${e.label}${e.reason ? ` (${e.reason})` : ''}`).join(', ')}`);
      expect(events.filter((e) => e.phase === 'start').length).toBeGreaterThan(0);
      expect(events.at(-1)).toMatchObject({ phase: 'end', reason });
      expect(events.filter((e) => e.phase === 'start')).toHaveLength(events.filter((e) => e.phase === 'end').length);
      expect(messages.at(-1)!.type).toBe('end');
    }
  });

  it('stopGestures() ends the running stream; a bad frame is a typed error naming it', { timeout: 60_000 }, async () => {
    const first = stream();
    await first.started; // its first stats snapshot: the stream is running
    await classifier.stopGestures();
    await expect(first.done).resolves.toEqual({ predictions: 0, gestures: 0 });
    const second = stream();
    second.poses.postMessage({ type: 'pose', data: new Float64Array([7, 0, NaN, NaN, NaN, 1, 0, 1]) });
    await expect(second.done).rejects.toThrow(/unpackPoseFrame: frame 7 is cut short in hand 0/);
  });
});
