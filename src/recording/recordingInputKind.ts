import type { RecordingInput } from '../streams/recordingTypes.js';

/** What a recording input was taken as: its text, a URL, a file path, or a stream of text/bytes. */
export type RecordingInputKind = 'text' | 'url' | 'path' | 'stream';

/**
 * How `fromRecording`, `readRecording` and `replayRecording` read a recording input: a string whose first
 * character (after white space or a byte-order mark) is `{`, or that holds a line break, is recording text (blank
 * text too); an `http:`/`https:`/`file:` string or a `URL` is a URL; any other string is a file path; anything else
 * is a stream. The errors about an input say which of these it was taken as.
 *
 * Internal (no public entry exports it).
 *
 * @example
 * ```ts
 * import { recordingInputKind } from './recordingInputKind.js';
 * recordingInputKind('{"format":"posestream/v1","fps":30}\n'); // 'text'
 * recordingInputKind('takes/swipe.ndjson'); // 'path'
 * recordingInputKind('https://example.com/swipe.ndjson'); // 'url'
 * ```
 * @internal
 */
export function recordingInputKind(input: RecordingInput): RecordingInputKind {
  if (input instanceof URL) return 'url';
  if (typeof input !== 'string') return 'stream';
  if (/^[\s\uFEFF]*(\{|$)/.test(input) || /[\r\n]/.test(input)) return 'text';
  if (/^(https?|file):\/\//i.test(input)) return 'url';
  return 'path';
}

/** How an input of `kind` is named in a message: `recording text`, `the URL`, `the file path`, `a stream`. @internal */
export function describeRecordingInputKind(kind: RecordingInputKind): string {
  return { text: 'recording text', url: 'a URL', path: 'a file path', stream: 'a stream' }[kind];
}
