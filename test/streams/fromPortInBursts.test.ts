import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fromPortInBursts } from '../../src/streams/fromPortInBursts.js';
import { newestOfBurst } from '../../src/operators/newestOfBurst.js';
import { createPipelineMonitor } from '../../src/monitor/createPipelineMonitor.js';

describe('fromPortInBursts', () => {
  it('hands on every message in order, those already waiting in one synchronous burst, and stops listening on unsubscribe', async () => {
    const channel = new MessageChannel();
    const bursts: number[][] = [[]];
    const sub = fromPortInBursts<number>(channel.port2).subscribe((v) => {
      bursts.at(-1)!.push(v);
      queueMicrotask(() => bursts.at(-1)!.length > 0 && bursts.push([])); // a new burst starts after this one
    });
    for (let i = 0; i < 5; i++) channel.port1.postMessage(i);
    await new Promise((r) => setTimeout(r, 30));
    channel.port1.postMessage(5);
    await new Promise((r) => setTimeout(r, 30));
    sub.unsubscribe();
    channel.port1.postMessage(6);
    await new Promise((r) => setTimeout(r, 30));
    expect(bursts.flat()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bursts.filter((b) => b.length > 0)).toEqual([[0, 1, 2, 3, 4], [5]]);
    channel.port1.close();
  });
});

describe('newestOfBurst', () => {
  it('passes the newest value of a synchronous burst and records the others as dropped windows', async () => {
    const monitor = createPipelineMonitor();
    const source = new Subject<number>();
    const out: number[] = [];
    const sub = source.pipe(newestOfBurst(monitor)).subscribe((v) => out.push(v));
    source.next(1);
    source.next(2);
    source.next(3);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    source.next(4);
    await new Promise((r) => setTimeout(r, 0));
    expect(out).toEqual([3, 4]);
    expect(monitor.totals().dropped.window).toBe(2);
    sub.unsubscribe();
  });
});
