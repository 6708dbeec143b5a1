import { describe, expect, it } from 'vitest';
import { createMainThreadTimer } from '../../src/pipeline/createMainThreadTimer.js';

describe('createMainThreadTimer', () => {
  it("sums posestream's handlers per frame, leaves out what it excludes, and closes a frame after the outer handler", () => {
    let t = 0;
    const timer = createMainThreadTimer(() => t);
    timer.time(() => {
      t += 2;
      timer.time(() => (t += 1)); // nested: counted once, by the outer call
      timer.exclude(() => (t += 10)); // the user's subscriber
      timer.endFrame(); // inside a handler: the frame closes when the handler returns
      t += 1;
    });
    timer.time(() => (t += 0.5));
    timer.endFrame();
    const stats = timer.since(-Infinity);
    expect(stats.count).toBe(2);
    expect(stats.max).toBe(4); // 2 + 1 + 1, not the 10 excluded
    expect(stats.p50).toBe(0.5);
    expect(timer.since(t).count).toBe(0);
  });

  it('counts an error thrown by a handler and stays usable', () => {
    let t = 0;
    const timer = createMainThreadTimer(() => t);
    expect(() =>
      timer.time(() => {
        t += 3;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    timer.endFrame();
    expect(timer.since(-1).max).toBe(3);
  });
});
