import { afterEach, describe, expect, it } from 'vitest';
import { createHandEstimatorWorker, type HandEstimatorWorker } from '../../src/workers/createHandEstimatorWorker.js';

const entry = new URL('../fixtures/workers/slowInitHandStream.ts', import.meta.url);

/** A stream of `n` chunks (stand-ins for VideoFrames: Node has none), ending after them. */
function chunks(n: number): ReadableStream<VideoFrame> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === n) controller.close();
      else controller.enqueue({ index: sent++ } as unknown as VideoFrame);
    },
  });
}

/** A stream of chunks every 10 ms until cancelled. */
function endless(): ReadableStream<VideoFrame> {
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      controller.enqueue({ index: sent++ } as unknown as VideoFrame);
    },
  });
}

describe('createHandEstimatorWorker streamHands (a Node worker with a 300 ms init, no landmarker)', () => {
  let estimator: HandEstimatorWorker | undefined;
  afterEach(() => estimator?.dispose());

  const request = (frames: ReadableStream<VideoFrame> | (() => ReadableStream<VideoFrame>)) => ({
    frames,
    poses: new MessageChannel().port1,
    page: new MessageChannel().port1,
    pageTimeOrigin: performance.timeOrigin,
  });

  it('makes the frame stream from a function only once the worker is initialised, then transfers it', async () => {
    estimator = createHandEstimatorWorker({ worker: entry });
    let madeAt: number | undefined;
    const summary = (await estimator.streamHands(
      request(() => {
        madeAt = Date.now();
        return chunks(5);
      }),
    )) as unknown as { frames: number; initialisedAt: number };
    expect(summary.frames).toBe(5); // the worker read the stream the function made
    expect(madeAt).toBeDefined();
    expect(madeAt!).toBeGreaterThanOrEqual(summary.initialisedAt); // not while the model loaded
  });

  it('still takes a stream made beforehand', async () => {
    estimator = createHandEstimatorWorker({ worker: entry });
    const summary = await estimator.streamHands(request(chunks(3)));
    expect(summary.frames).toBe(3);
  });

  it('makes the next stream only once the worker has stopped the one before (its call resolves first)', async () => {
    estimator = createHandEstimatorWorker({ worker: entry });
    const first = estimator.streamHands(request(endless()));
    let madeAt: number | undefined;
    const second = estimator.streamHands(
      request(() => {
        madeAt = Date.now();
        return chunks(2);
      }),
    );
    const one = (await first) as unknown as { frames: number; endedAt: number };
    const two = await second;
    expect(madeAt!).toBeGreaterThanOrEqual(one.endedAt);
    expect(two.frames).toBe(2);
  });

  it('never makes the stream when disposed while initialising', async () => {
    estimator = createHandEstimatorWorker({ worker: entry });
    let made = false;
    const run = estimator.streamHands(
      request(() => {
        made = true;
        return chunks(1);
      }),
    );
    estimator.dispose();
    await expect(run).rejects.toThrow(/disposed/);
    expect(made).toBe(false);
  });
});
