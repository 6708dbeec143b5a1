import type { PoseFrame } from '../types.js';
import type { ReadRecordingOptions, RecordingHeader, RecordingLabel } from '../streams/recordingTypes.js';
import { parseRecordingLine } from './parseRecordingLine.js';
import { RecordingError } from './RecordingError.js';
import { PosestreamError } from '../errors.js';

/** A line-by-line recording reader; see {@link createRecordingParser}. */
export interface RecordingParser {
  /**
   * Parses the next line; returns the frame it holds (width/height from the header), else undefined. With
   * `onInvalid: 'skip'` frames are returned one frame late (see {@link createRecordingParser}).
   */
  push(text: string): PoseFrame | undefined;
  /** Ends the frames: returns the frame still held back under `onInvalid: 'skip'`, if any. Call before `finish()`. */
  flush(): PoseFrame | undefined;
  /** Ends the input: checks the header was seen and every label lies in the recording; returns the valid labels. */
  finish(): RecordingLabel[];
  /** The header, once read. */
  readonly header: RecordingHeader | undefined;
  /** Lines skipped so far (`onInvalid: 'skip'`). */
  readonly skipped: number;
  /** The 1-based line of the frame last returned by `push()` or `flush()`, once one was. */
  readonly frameLine: number | undefined;
}

/**
 * Creates a stateful parser that reads a recording one line at a time, synchronously: the header first, then
 * frames (indices strictly increasing, `t` never decreasing; equal `t` is allowed) and labels. Throws
 * {@link RecordingError}s, or with `onInvalid: 'skip'` skips bad frame/label lines and reports them to `onSkip` (a
 * bad header always throws). A label is checked when read as far as the frames read so far allow (one that starts
 * before the first frame is an error at once); that it ends within the recording is known only at `finish()`. In skip mode each frame is held back until the next one confirms it: a frame that
 * breaks the order of its neighbours (a corrupt index such as 1000000, or a `t` far in the future) is the one
 * skipped, not every good frame after it; `flush()` returns the last held frame.
 * `fromRecording` and `readRecording` are built on it; use it directly to read lines from elsewhere.
 *
 * @internal
 */
export function createRecordingParser(source: string, options: ReadRecordingOptions = {}): RecordingParser {
  const skip = options.onInvalid === 'skip';
  let header: RecordingHeader | undefined;
  let line = 0;
  let skipped = 0;
  // The last frame returned, and (skip mode) the frame held back until the next one confirms it, with its line.
  let last: PoseFrame | undefined;
  let lastLine: number | undefined;
  let held: { frame: PoseFrame; line: number } | undefined;
  let firstIndex: number | undefined;
  const labels: { label: RecordingLabel; line: number }[] = [];

  const accept = (frame: PoseFrame, at: number): PoseFrame => {
    firstIndex ??= frame.index;
    last = frame;
    lastLine = at;
    return frame;
  };
  const outOfRange = (label: RecordingLabel, at: number, range: string): RecordingError =>
    new RecordingError('label-out-of-range', source, at, `label ${JSON.stringify(label.label)} covers frames ${label.startFrame}..${label.endFrame} but ${range}`);
  // Why `frame` may not follow `previous` (indices strictly increasing, `t` never decreasing), if it may not.
  const orderError = (previous: PoseFrame | undefined, frame: PoseFrame, at: number): RecordingError | undefined => {
    if (!previous) return undefined;
    if (frame.index <= previous.index) return new RecordingError('out-of-order', source, at, `frame ${frame.index} after frame ${previous.index}`);
    if (frame.timestamp < previous.timestamp) {
      return new RecordingError('out-of-order', source, at, `frame ${frame.index}: t ${frame.timestamp} before t ${previous.timestamp} of frame ${previous.index}`);
    }
    return undefined;
  };
  const reject = (error: RecordingError): undefined => {
    if (!skip) throw error;
    skipped++;
    options.onSkip?.(error);
    return undefined;
  };

  return {
    get header() {
      return header;
    },
    get skipped() {
      return skipped;
    },
    get frameLine() {
      return lastLine;
    },
    push(text) {
      line++;
      let parsed;
      try {
        parsed = parseRecordingLine(text, line, source, header === undefined);
      } catch (err) {
        if (header === undefined) throw err;
        return reject(err as RecordingError);
      }
      switch (parsed.kind) {
        case 'blank':
          return undefined;
        case 'header':
          header = parsed.header;
          return undefined;
        case 'label':
          // Frames come in increasing order: a label starting before the first frame can never be covered.
          if (firstIndex !== undefined && parsed.label.startFrame < firstIndex) {
            return reject(outOfRange(parsed.label, line, `the recording starts at frame ${firstIndex}`));
          }
          labels.push({ label: parsed.label, line });
          return undefined;
        case 'frame': {
          const frame = parsed.frame;
          if (header?.width !== undefined) frame.width = header.width;
          if (header?.height !== undefined) frame.height = header.height;
          if (!skip) {
            const error = orderError(last, frame, line);
            if (error) throw error;
            return accept(frame, line);
          }
          if (!held) {
            const error = orderError(last, frame, line);
            if (error) return reject(error);
            held = { frame, line };
            return undefined;
          }
          // Skip mode: the held frame is confirmed by a frame that follows it in order.
          if (!orderError(held.frame, frame, line)) {
            const confirmed = held;
            held = { frame, line };
            return accept(confirmed.frame, confirmed.line);
          }
          // Out of order after the held frame but in order after the frame before it: the held one was the outlier.
          if (!orderError(last, frame, line)) {
            reject(orderError(last, held.frame, held.line) ?? new RecordingError('out-of-order', source, held.line, `frame ${held.frame.index} is out of order with frame ${frame.index} after it`));
            held = { frame, line };
            return undefined;
          }
          return reject(orderError(held.frame, frame, line) as RecordingError);
        }
      }
    },
    flush() {
      if (!held) return undefined;
      const { frame, line: at } = held;
      held = undefined;
      return accept(frame, at);
    },
    finish() {
      if (held) throw new PosestreamError('parser-misuse', `${source}: call flush() before finish() (a frame is still held back)`);
      if (header === undefined) throw new RecordingError('missing-header', source, Math.max(1, line), 'missing header: the recording is empty');
      const valid: RecordingLabel[] = [];
      for (const { label, line: at } of labels) {
        if (last === undefined || firstIndex === undefined || label.startFrame < firstIndex || label.endFrame > last.index) {
          reject(outOfRange(label, at, last === undefined ? 'the recording has no frames' : `the recording has frames ${firstIndex}..${last.index}`));
        } else {
          valid.push(label);
        }
      }
      return valid;
    },
  };
}
