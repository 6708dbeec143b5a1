import { Observable, from } from 'rxjs';
import { subscribeLinked } from '../operators/subscribeLinked.js';
import type { MonoTypeOperatorFunction, Subscription } from 'rxjs';
import type { PoseFrame } from '../types.js';
import { formatFrameLine, formatHeaderLine, formatLabelLine } from '../recording/formatRecordingLine.js';
import { RecordingError } from '../recording/RecordingError.js';
import { RECORDING_FORMAT } from './recordingTypes.js';
import type { RecordingLabel, RecordingTarget, RecordingWritable, RecordPosesOptions } from './recordingTypes.js';

interface Sink {
  write(text: string): void;
  /** Ends the target; a promise when that is asynchronous (files, Writables), else completion is synchronous. */
  end(): Promise<void> | undefined;
}

/**
 * Records the pose frames that pass through it in the posestream NDJSON format (docs/recording-format.md): a
 * pass-through tap, frames go on unchanged.
 *
 * The header (`fps`/`source` from the options, `width`/`height` from the options or else the first frame) is
 * written with the first frame (or at completion for an empty stream), then one line per frame, with labels from
 * `options.labels` written after the header as they arrive. `target` is a Node `Writable`, a file path or `file:`
 * URL (Node only), or a function receiving each line. On completion the target is ended (a file is flushed and
 * closed) before the output completes, so `await lastValueFrom(frames$.pipe(recordPoses(path)))` leaves the whole
 * file on disk (with a function target, or `end: false`, the output completes synchronously with its source, so
 * it also works in virtual time). A frame that cannot be written (not 21 landmarks, non-finite numbers) errors with
 * `InvalidPoseError`; a file that cannot be written errors with a `RecordingError` naming the path. Unsubscribing
 * closes the file. For browsers without a stream, `serializeRecording` writes a whole recording to a string.
 *
 * @example
 * ```ts
 * import { fromPoseFrames } from 'posestream';
 * import { recordPoses } from 'posestream/node';
 * fromPoseFrames(frames)
 *   .pipe(recordPoses('take.ndjson', { fps: 30, source: 'camera', labels: [{ label: 'wave', startFrame: 0, endFrame: 29 }] }))
 *   .subscribe();
 * ```
 */
export function recordPoses(target: RecordingTarget, options: RecordPosesOptions = {}): MonoTypeOperatorFunction<PoseFrame> {
  return (source) =>
    new Observable<PoseFrame>((subscriber) => {
      const sink = openSink(target, options.end ?? true, (err) => subscriber.error(err));
      let header = false;
      let ended = false;
      const pendingLabels: RecordingLabel[] = [];
      const writeHeader = (frame?: PoseFrame) => {
        if (header) return;
        header = true;
        const { fps, source: name } = options;
        const width = options.width ?? frame?.width;
        const height = options.height ?? frame?.height;
        sink.write(formatHeaderLine({ format: RECORDING_FORMAT, fps, width, height, source: name }) + '\n');
        for (const label of pendingLabels.splice(0)) sink.write(formatLabelLine(label) + '\n');
      };
      const close = (then: () => void) => {
        if (ended) return;
        ended = true;
        labels?.unsubscribe();
        const ending = sink.end();
        if (ending) ending.then(then, (err: unknown) => subscriber.error(err));
        else then();
      };
      const labels: Subscription | undefined = options.labels
        ? subscribeLinked(from(options.labels), subscriber, {
            next: (label) => {
              if (ended) return;
              if (header) sink.write(formatLabelLine(label) + '\n');
              else pendingLabels.push(label);
            },
            error: (err: unknown) => subscriber.error(err),
          })
        : undefined;
      // Linked before the source runs, so a synchronous source stops at take(n).
      subscribeLinked(source, subscriber, {
        next: (frame) => {
          try {
            writeHeader(frame);
            sink.write(formatFrameLine(frame) + '\n');
          } catch (err) {
            subscriber.error(err);
            return;
          }
          subscriber.next(frame);
        },
        error: (err: unknown) => close(() => subscriber.error(err)),
        complete: () => {
          writeHeader();
          close(() => subscriber.complete());
        },
      });
      return () => {
        labels?.unsubscribe();
        close(() => undefined);
      };
    });
}

function openSink(target: RecordingTarget, endWritable: boolean, fail: (err: RecordingError) => void): Sink {
  if (typeof target === 'function') return { write: target, end: () => undefined };
  if (typeof target === 'string' || target instanceof URL) {
    const name = typeof target === 'string' ? target : target.href;
    const buffered: string[] = [];
    let file: RecordingWritable | undefined;
    let failed: RecordingError | undefined;
    const opened = import('node:fs').then((fs) => {
      const stream = fs.createWriteStream(target);
      stream.once('error', (err) => {
        failed = new RecordingError('write-failed', name, undefined, `cannot write: ${err.message}`, { cause: err });
        fail(failed);
      });
      file = stream;
      for (const text of buffered.splice(0)) stream.write(text);
      return stream;
    });
    return {
      write: (text) => (file ? file.write(text) : buffered.push(text)),
      end: () =>
        opened.then(
          (stream) =>
            new Promise<void>((resolve, reject) => {
              if (failed) return reject(failed);
              const done = (err?: Error | null) => {
                if (failed) return reject(failed);
                if (err) return reject(new RecordingError('write-failed', name, undefined, `cannot write: ${err.message}`, { cause: err }));
                resolve();
              };
              (stream.end as (cb: (err?: Error | null) => void) => void).call(stream, done);
            }),
        ),
    };
  }
  return {
    write: (text) => target.write(text),
    end: () => (endWritable ? new Promise<void>((resolve) => target.end(() => resolve())) : undefined),
  };
}
