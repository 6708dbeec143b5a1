import { Observable, asyncScheduler } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { PoseFrame } from '../types.js';
import { createRecordingParser } from '../recording/createRecordingParser.js';
import { openRecordingLines } from '../recording/openRecordingLines.js';
import { checkNumberOption } from '../filters/InvalidOptionError.js';
import type { FromRecordingOptions, RecordingInput } from './recordingTypes.js';

/** With `'recorded'` timing, reading pauses while this many frames wait for their time. */
const HIGH_WATER = 256;

/** With `'recorded'` timing, the longest wait between two frames by default, ms. */
const DEFAULT_MAX_WAIT_MS = 10_000;

/**
 * Reads a posestream NDJSON recording (docs/recording-format.md) from text, a stream, a file or a URL and emits its
 * `PoseFrame`s as they are read or on their recorded clock (`readRecording` reads it whole into memory;
 * `replayRecording` of `posestream/testing` replays one already in memory in virtual time).
 *
 * `input` is the recording text, a Node `Readable` (any async iterable of text/bytes), a file path, or a `URL`
 * (`file:` read from disk, `http(s):` fetched); a string starting with `{` (or holding a line break) is text, an
 * `http(s):`/`file:` string a URL, any other string a path, and an error about a string taken as a path says so.
 * Files, streams and URLs are read line by line, never whole. Each frame gets `index` and `timestamp` (= `t`) from its
 * line and `width`/`height` from the header.
 *
 * Timing `'asap'` emits frames as they are read (synchronously on subscribe for text, stopping as soon as the
 * subscriber unsubscribes: text is split lazily). Timing `'recorded'` replays on the recording's own clock: frame k
 * is emitted `t_k - t_0` ms after subscription on `scheduler`, with `capturedAt = now()`: `performance.now()` by
 * default (the clock of `createPipelineMonitor` and of the live sources, so latency figures compare like with like),
 * the scheduler's clock when a `scheduler` is given (inside `TestScheduler.run` it replays in virtual time). A gap in
 * `t` longer than `maxWaitMs` (default 10 s: a clock jump, a paused camera) is never slept through: the replay waits
 * `maxWaitMs`, carries on with the frames after it at their own spacing, and tells `onTimeJump` (source and line).
 *
 * A bad line ends the stream with a `RecordingError` naming the source, the 1-based line and what was wrong, after
 * every frame read before it (with `'recorded'` timing, once those have been replayed on their clock: reading stops
 * at the bad line, and no gap waits longer than `maxWaitMs`); with `onInvalid: 'skip'` bad frame/label lines are
 * skipped and reported to `onSkip` (a frame out of order with both neighbours is the one skipped). A line longer
 * than `maxLineBytes` (default 1 MiB) is a `'line-too-long'` error, found without reading the rest of the line.
 * Labels go to `onLabel` once the recording has been read and checked (use `readRecording` to get everything at once).
 * Unsubscribing stops reading and closes the file or stream.
 *
 * @example
 * ```ts
 * import { fromRecording } from 'posestream';
 * fromRecording('takes/swipe.ndjson', { timing: 'recorded', onLabel: (l) => console.log(l.label) })
 *   .subscribe((frame) => console.log(frame.index, frame.hands.length));
 * ```
 */
export function fromRecording(input: RecordingInput, options: FromRecordingOptions = {}): Observable<PoseFrame> {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  if (maxWaitMs !== Infinity) checkNumberOption('fromRecording', 'maxWaitMs', maxWaitMs, { min: 0 });
  return new Observable<PoseFrame>((subscriber) => {
    const scheduler = options.scheduler ?? asyncScheduler;
    const recorded = options.timing === 'recorded';
    const { source, lines } = openRecordingLines(input, {
      ...(options.sourceName !== undefined ? { sourceName: options.sourceName } : {}),
      ...(options.maxLineBytes !== undefined ? { maxLineBytes: options.maxLineBytes } : {}),
    });
    const now = options.now ?? (options.scheduler ? () => scheduler.now() : () => performance.now());
    const parser = createRecordingParser(source, options);
    const startedAt = scheduler.now();
    const queue: { frame: PoseFrame; line: number }[] = [];
    let t0: number | undefined;
    // The frame replayed last, and how far the replay's clock was moved on past gaps longer than maxWaitMs.
    let previous: PoseFrame | undefined;
    let skippedMs = 0;
    let active: Subscription | undefined;
    let ended = false;
    let failure: { error: unknown } | undefined;
    let resume: (() => void) | undefined;
    let headerSent = false;

    const finish = () => {
      if (failure) subscriber.error(failure.error);
      else subscriber.complete();
    };
    const pump = () => {
      if (active || subscriber.closed) return;
      const item = queue.shift();
      if (!item) {
        if (ended) finish();
        return;
      }
      const { frame, line } = item;
      if (resume && queue.length < HIGH_WATER / 2) {
        resume();
        resume = undefined;
      }
      t0 ??= frame.timestamp;
      const gapMs = previous === undefined ? 0 : frame.timestamp - previous.timestamp;
      if (previous !== undefined && gapMs > maxWaitMs) {
        skippedMs += gapMs - maxWaitMs;
        try {
          options.onTimeJump?.({ source, line, frame: frame.index, previousFrame: previous.index, gapMs, waitedMs: maxWaitMs });
        } catch (err) {
          subscriber.error(err);
          return;
        }
      }
      previous = frame;
      const delay = Math.max(0, startedAt + (frame.timestamp - t0 - skippedMs) - scheduler.now());
      active = scheduler.schedule(() => {
        active = undefined;
        subscriber.next({ ...frame, capturedAt: now() });
        pump();
      }, delay);
    };
    const emit = (frame: PoseFrame) => {
      if (recorded) {
        queue.push({ frame, line: parser.frameLine ?? 0 });
        pump();
      } else {
        subscriber.next(frame);
      }
    };
    const take = (text: string) => {
      const frame = parser.push(text);
      if (!headerSent && parser.header) {
        headerSent = true;
        options.onHeader?.(parser.header);
      }
      if (frame) emit(frame);
    };
    const end = (error?: { error: unknown }) => {
      if (subscriber.closed) return;
      if (!error) {
        try {
          const held = parser.flush();
          if (held) emit(held);
          if (subscriber.closed) return;
          const labels = parser.finish();
          if (options.onLabel) for (const label of labels) options.onLabel(label);
        } catch (err) {
          error = { error: err };
        }
      }
      failure = error;
      ended = true;
      if (recorded) pump();
      else finish();
    };

    if (Symbol.iterator in lines) {
      try {
        for (const text of lines) {
          if (subscriber.closed) break;
          take(text);
        }
        end();
      } catch (err) {
        end({ error: err });
      }
    } else {
      void (async () => {
        try {
          for await (const text of lines) {
            if (subscriber.closed) return;
            take(text);
            if (recorded && queue.length >= HIGH_WATER) await new Promise<void>((r) => (resume = r));
          }
          end();
        } catch (err) {
          end({ error: err });
        }
      })();
    }
    return () => {
      active?.unsubscribe();
      queue.length = 0;
      resume?.();
    };
  });
}
