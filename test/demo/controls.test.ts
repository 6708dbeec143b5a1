/**
 * The demo's pure control logic (demo/src/session.ts, demo/src/longTasks.ts): which path `?runOn=` asks for, when
 * the artificial classifier delay is passed as `classifyWith` (never on the workers path), and the busy loop's
 * length. The page itself is driven in test/browser/demo.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { busyWait, clampLongTaskMs } from '../../demo/src/longTasks.js';
import { parseRunOn, usesClassifyWith } from '../../demo/src/session.js';

describe('demo controls', () => {
  it('reads ?runOn=, anything else being auto', () => {
    expect(parseRunOn('workers')).toBe('workers');
    expect(parseRunOn('main-thread')).toBe('main-thread');
    for (const v of [null, '', 'auto', 'Workers', 'main']) expect(parseRunOn(v)).toBe('auto');
  });

  it('passes classifyWith always on the main thread, never on workers, under auto only while a delay is set', () => {
    expect(usesClassifyWith('main-thread', 0)).toBe(true);
    expect(usesClassifyWith('main-thread', 300)).toBe(true);
    expect(usesClassifyWith('workers', 0)).toBe(false);
    expect(usesClassifyWith('workers', 300)).toBe(false);
    expect(usesClassifyWith('auto', 0)).toBe(false);
    expect(usesClassifyWith('auto', 50)).toBe(true);
  });

  it('clamps the busy loop to 0..1000 ms, NaN being off', () => {
    expect([-5, 0, 200.4, 500, 1000, 5000, Number.NaN, Infinity].map(clampLongTaskMs)).toEqual([0, 0, 200, 500, 1000, 1000, 0, 0]);
  });

  it('busyWait holds the thread at least the time asked', () => {
    const start = performance.now();
    busyWait(5);
    expect(performance.now() - start).toBeGreaterThanOrEqual(5);
  });
});
