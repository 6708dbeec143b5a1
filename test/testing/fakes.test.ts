import { describe, expect, it } from 'vitest';
import { concatMap, map, switchMap } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { createFakeEstimator } from '../../src/testing/createFakeEstimator.js';
import { createFakeClassifier } from '../../src/testing/createFakeClassifier.js';
import { replayRecording } from '../../src/testing/replayRecording.js';
import { syntheticHand } from '../../src/testing/syntheticHand.js';
import { syntheticPoseStream } from '../../src/testing/syntheticPoseStream.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { RecordingError } from '../../src/recording/RecordingError.js';
import type { PoseWindow, SourceFrame } from '../../src/types.js';

const source = (index: number, timestamp: number): SourceFrame => ({ index, timestamp, capturedAt: timestamp, image: null, width: 640, height: 480 });
const window = (endIndex: number): PoseWindow => {
  const frames = syntheticPoseStream({ frames: endIndex + 1 });
  return {
    size: frames.length, frames, hands: frames.map((f) => f.hands[0]!), startTimestamp: 0, endTimestamp: frames.at(-1)!.timestamp,
    span: frames.at(-1)!.timestamp, endIndex, capturedAt: frames.at(-1)!.timestamp, emittedAt: 0, pack: () => new Float32Array(0),
  };
};
const newScheduler = () => new TestScheduler((a, b) => expect(a).toEqual(b));

describe('replayRecording', () => {
  it('replays frames on their own clock in virtual time', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      const frames = syntheticPoseStream({ frames: 3, fps: 10 });
      expectObservable(replayRecording(frames, scheduler).pipe(map((f) => `${f.index}@${f.capturedAt}`))).toBe('a 99ms b 99ms (c|)', { a: '0@0', b: '1@100', c: '2@200' });
      expect(frames[1]!.capturedAt).toBeUndefined();
    });
  });

  it('replays recording text and a Recording object alike, and stops on unsubscribe', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      const frames = syntheticPoseStream({ frames: 4, fps: 20 }).map((f) => ({ ...f, timestamp: f.timestamp + 500 }));
      const text = serializeRecording({ header: { format: 'posestream/v1' }, frames });
      const values = { a: 0, b: 1, c: 2, d: 3 };
      expectObservable(replayRecording(text, scheduler).pipe(map((f) => f.index))).toBe('a 49ms b 49ms c 49ms (d|)', values);
      expectObservable(replayRecording({ frames }, scheduler).pipe(map((f) => f.index)), '^ 60ms !').toBe('a 49ms b', values);
    });
  });

  /** What replayRecording threw for `input`, inside TestScheduler.run (where a file read would never finish). */
  const thrown = (input: unknown): RecordingError => {
    let error: unknown;
    const scheduler = newScheduler();
    scheduler.run(() => {
      try {
        replayRecording(input as string, scheduler);
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(RecordingError);
    return error as RecordingError;
  };

  it('throws a not-text RecordingError for a path or a URL, saying what it got and what it takes (it read nothing and hung before)', () => {
    const path = thrown('take.ndjson');
    expect(path).toMatchObject({ kind: 'not-text', source: 'take.ndjson', code: 'invalid-recording' });
    expect(path.message).toMatch(/^take\.ndjson: got a file path, not recording text: replayRecording takes the recording itself: its text \(starting with its header line `\{"format":"posestream\/v1",\.\.\.\}`\), a Recording or an array of PoseFrames; read the file first/);
    expect(thrown('https://example.com/take.ndjson').message).toMatch(/^https:\/\/example\.com\/take\.ndjson: got a URL, not recording text/);
    expect(thrown(new URL('file:///takes/take.ndjson')).message).toMatch(/^file:\/\/\/takes\/take\.ndjson: got a URL, not recording text/);
    expect(thrown(`${'x'.repeat(200)}.ndjson`).source).toHaveLength(80);
  });

  it('throws a not-text RecordingError for an object without frames, naming its keys', () => {
    expect(thrown({ header: {}, labels: [] }).message).toBe(
      '<replayRecording>: got an object without a frames array (keys: header, labels): replayRecording takes the recording itself: its text (starting with its header line `{"format":"posestream/v1",...}`), a Recording or an array of PoseFrames',
    );
    expect(thrown(undefined).message).toMatch(/^<replayRecording>: got undefined: /);
  });

  it('takes text with a line break as text even when it does not start with `{`: a bad first line errors, never hangs', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      const text = `# my take\n${serializeRecording({ header: { format: 'posestream/v1' }, frames: syntheticPoseStream({ frames: 2 }) })}`;
      expectObservable(replayRecording(text, scheduler)).toBe('#', undefined, expect.objectContaining({ kind: 'bad-json', source: '<string>', line: 1 }));
    });
  });
});

describe('createFakeEstimator', () => {
  it('answers after latencyMs with scripted hands and records calls', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const right = syntheticHand();
      const estimate = createFakeEstimator({ latencyMs: 5, script: [[right], []], scheduler });
      const frames = cold('a 9ms b 9ms c|', { a: source(0, 0), b: source(1, 10), c: source(2, 20) });
      const out = frames.pipe(concatMap(estimate), map((p) => `${p.index}:${p.hands.length}@${p.capturedAt}`));
      expectObservable(out).toBe('5ms a 9ms b 9ms (c|)', { a: '0:1@0', b: '1:0@10', c: '2:0@20' });
      scheduler.flush();
      expect(estimate.calls.map((f) => f.index)).toEqual([0, 1, 2]);
    });
  });

  it('errors on a scripted Error and cancels on unsubscribe (switchMap)', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const estimate = createFakeEstimator({ latencyMs: (call) => (call === 0 ? 30 : 5), script: (frame) => (frame.index === 2 ? new Error('lost') : [syntheticHand()]), scheduler });
      const frames = cold('a 9ms b 9ms c', { a: source(0, 0), b: source(1, 10), c: source(2, 20) });
      // Frame 0 (30 ms) is cancelled by frame 1; frame 1 answers at 15; frame 2 errors at 25.
      expectObservable(frames.pipe(switchMap(estimate), map((p) => p.index))).toBe('15ms a 9ms #', { a: 1 }, new Error('lost'));
    });
  });
});

describe('createFakeClassifier', () => {
  it('answers with scripted predictions after latencyMs, startedAt/finishedAt on the scheduler clock', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const classify = createFakeClassifier({ labels: ['none', 'swipe', 'tap'], latencyMs: 20, script: ['none', { label: 'swipe', score: 0.6 }, [0.1, 0.2, 0.7]], scheduler });
      const windows = cold('a 4ms b 4ms c|', { a: window(3), b: window(4), c: window(5) });
      const out = windows.pipe(concatMap(classify), map((p) => `${p.label} ${p.score.toFixed(2)} ${p.windowEndIndex} ${p.startedAt}-${p.finishedAt} ${p.categories.map((c) => c.score.toFixed(2)).join('/')}`));
      expectObservable(out).toBe('20ms a 19ms b 19ms (c|)', {
        a: 'none 0.90 3 0-20 0.90/0.05/0.05',
        b: 'swipe 0.60 4 20-40 0.20/0.60/0.20',
        c: 'tap 0.70 5 40-60 0.10/0.20/0.70',
      });
    });
  });

  it('errors on a scripted Error and on an unknown label', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      const failing = createFakeClassifier({ labels: ['a'], latencyMs: 3, script: [new Error('model lost')], scheduler });
      expectObservable(failing(window(1))).toBe('3ms #', undefined, new Error('model lost'));
      const unknown = createFakeClassifier({ labels: ['a', 'b'], script: ['zzz'], scheduler });
      expectObservable(unknown(window(1))).toBe('#', undefined, new RangeError('scripted label "zzz" is not one of a, b'));
    });
  });
});
