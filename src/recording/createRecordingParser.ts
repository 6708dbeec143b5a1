import type { PoseFrame } from '../types.js';
import type { ReadRecordingOptions, RecordingHeader, RecordingLabel } from '../streams/recordingTypes.js';
import { parseRecordingLine } from './parseRecordingLine.js';
import { RecordingError } from './RecordingError.js';

/** A line-by-line recording reader; see {@link createRecordingParser}. */
export interface RecordingParser {
  /** Parses the next line; returns the frame it holds (width/height from the header), else undefined. */
  push(text: string): PoseFrame | undefined;
  /** Ends the input: checks the header was seen and every label lies in the recording; returns the valid labels. */
  finish(): RecordingLabel[];
  /** The header, once read. */
  readonly header: RecordingHeader | undefined;
  /** Lines skipped so far (`onInvalid: 'skip'`). */
  readonly skipped: number;
}

/**
 * Creates a stateful parser that reads a recording one line at a time, synchronously: the header first, then
 * frames (indices strictly increasing, `t` never decreasing) and labels. Throws {@link RecordingError}s, or with
 * `onInvalid: 'skip'` skips bad frame/label lines and reports them to `onSkip` (a bad header always throws).
 * `fromRecording` and `readRecording` are built on it; use it directly to read lines from elsewhere.
 *
 * @internal
 */
export function createRecordingParser(source: string, options: ReadRecordingOptions = {}): RecordingParser {
  const skip = options.onInvalid === 'skip';
  let header: RecordingHeader | undefined;
  let line = 0;
  let skipped = 0;
  let last: PoseFrame | undefined;
  let firstIndex: number | undefined;
  const labels: { label: RecordingLabel; line: number }[] = [];

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
          labels.push({ label: parsed.label, line });
          return undefined;
        case 'frame': {
          const frame = parsed.frame;
          if (last && frame.index <= last.index) {
            return reject(new RecordingError('out-of-order', source, line, `frame ${frame.index} after frame ${last.index}`));
          }
          if (last && frame.timestamp < last.timestamp) {
            return reject(
              new RecordingError('out-of-order', source, line, `frame ${frame.index}: t ${frame.timestamp} before t ${last.timestamp} of frame ${last.index}`),
            );
          }
          if (header?.width !== undefined) frame.width = header.width;
          if (header?.height !== undefined) frame.height = header.height;
          firstIndex ??= frame.index;
          last = frame;
          return frame;
        }
      }
    },
    finish() {
      if (header === undefined) throw new RecordingError('missing-header', source, Math.max(1, line), 'missing header: the recording is empty');
      const valid: RecordingLabel[] = [];
      for (const { label, line: at } of labels) {
        if (last === undefined || firstIndex === undefined || label.startFrame < firstIndex || label.endFrame > last.index) {
          const range = last === undefined ? 'the recording has no frames' : `the recording has frames ${firstIndex}..${last.index}`;
          reject(new RecordingError('label-out-of-range', source, at, `label ${JSON.stringify(label.label)} covers frames ${label.startFrame}..${label.endFrame} but ${range}`));
        } else {
          valid.push(label);
        }
      }
      return valid;
    },
  };
}
