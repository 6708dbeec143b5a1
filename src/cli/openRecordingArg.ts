import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RecordingError } from '../recording/RecordingError.js';
import type { RecordingInput } from '../streams/recordingTypes.js';

/** A recording named on the command line, ready for `fromRecording`. */
export interface RecordingArg {
  input: RecordingInput;
  /** The name errors use: the argument as typed, or `'<stdin>'`. */
  source: string;
}

/**
 * Turns a command-line recording argument into a `fromRecording` input: `-` is stdin, an `http(s):` or `file:` URL
 * is that URL, anything else a path (never recording text, whatever it starts with). A path or `file:` URL is
 * checked now, before any worker starts: a missing one is a `RecordingError` `'not-found'`, a directory
 * `'read-failed'`, naming the argument as typed.
 *
 * @example
 * ```ts
 * const { input, source } = openRecordingArg('takes/come.ndjson');
 * fromRecording(input, { sourceName: source });
 * ```
 * @internal
 */
export function openRecordingArg(arg: string): RecordingArg {
  if (arg === '-') return { input: process.stdin, source: '<stdin>' };
  if (/^https?:\/\//i.test(arg)) return { input: new URL(arg), source: arg };
  const url = /^file:\/\//i.test(arg) ? new URL(arg) : pathToFileURL(resolve(arg));
  let isFile: boolean;
  try {
    isFile = statSync(fileURLToPath(url)).isFile();
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new RecordingError('not-found', arg, undefined, 'no such file', { cause });
    throw new RecordingError('read-failed', arg, undefined, `cannot read it: ${(cause as Error).message}`, { cause });
  }
  if (!isFile) throw new RecordingError('read-failed', arg, undefined, 'not a file (a directory?): name a recording file');
  return { input: url, source: arg };
}
