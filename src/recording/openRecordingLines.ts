import type { RecordingInput } from '../streams/recordingTypes.js';
import { nodeBuiltin } from '../workers/nodeBuiltin.js';
import { RecordingError } from './RecordingError.js';
import { recordingInputKind } from './recordingInputKind.js';

/** The lines of a recording input and the name errors use for it. */
export interface RecordingLines {
  source: string;
  /** Synchronous for recording text (so virtual-time replays need no promises), asynchronous otherwise. */
  lines: Iterable<string> | AsyncIterable<string>;
}

/** The longest line `openRecordingLines` accepts by default: 1 MiB (a two-hand frame line with world landmarks is about 3 KB). */
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

/** Options of {@link openRecordingLines}. */
export interface OpenRecordingLinesOptions {
  /** Name used in errors instead of the path / URL / `'<string>'` / `'<stream>'`. @default derived from the input */
  sourceName?: string;
  /**
   * The longest line accepted, in UTF-8 bytes (without the `\n`; a `\r` before it counts). A longer line throws a `RecordingError` of
   * kind `'line-too-long'` naming the source and line as soon as that many bytes have been read, so a file that is
   * one huge line is neither held in memory nor parsed. `Infinity` accepts any length (still read in linear time).
   * @default 1048576 (1 MiB)
   */
  maxLineBytes?: number;
}

/**
 * Opens a recording input as lines, streaming: text is split lazily, line by line; a file path or `file:` URL is
 * read with `fs.createReadStream` (Node only, loaded on demand); an `http(s):` URL is fetched and its body read chunk
 * by chunk; an async iterable (e.g. a Node `Readable`) is decoded as UTF-8. Strings are told apart by
 * `recordingInputKind`: one starting with `{` (or blank, or holding a line break) is text (a leading byte-order mark
 * dropped, as when a file is read), an `http:`/`https:`/`file:` URL string is that URL, any other string a path.
 * Lines are split in time linear in their length, and a line longer than `maxLineBytes` throws a
 * {@link RecordingError} (`'line-too-long'`, with the source and 1-based line). A missing file, an HTTP error status
 * or a read failure throws a {@link RecordingError} (when the lines are iterated) that names the path or URL; for a
 * string taken as a path it says so (it was perhaps meant as text).
 *
 * @internal
 */
export function openRecordingLines(input: RecordingInput, options: string | OpenRecordingLinesOptions = {}): RecordingLines {
  const { sourceName, maxLineBytes = DEFAULT_MAX_LINE_BYTES } = typeof options === 'string' ? { sourceName: options } : options;
  if (!(maxLineBytes > 0)) throw new RecordingError('bad-value', sourceName ?? '<options>', undefined, `maxLineBytes must be > 0, got ${maxLineBytes}`);
  if (typeof input === 'string') {
    const kind = recordingInputKind(input);
    if (kind === 'text') {
      const source = sourceName ?? '<string>';
      return { source, lines: splitText(input.replace(/^\uFEFF/, ''), source, maxLineBytes) };
    }
    if (kind === 'url') return openRecordingLines(new URL(input), { ...(sourceName ? { sourceName } : {}), maxLineBytes });
    return { source: sourceName ?? input, lines: readFileLines(input, sourceName ?? input, maxLineBytes, TAKEN_AS_PATH) };
  }
  if (input instanceof URL) {
    const source = sourceName ?? input.href;
    if (input.protocol === 'file:') return { source, lines: readFileLines(input, source, maxLineBytes) };
    if (input.protocol === 'http:' || input.protocol === 'https:') return { source, lines: fetchLines(input, source, maxLineBytes) };
    throw new RecordingError('read-failed', input.href, undefined, `unsupported URL protocol ${input.protocol}`);
  }
  const source = sourceName ?? '<stream>';
  return { source, lines: splitLines(guard(input, source), source, maxLineBytes) };
}

/** Said of a string that was read as a file path: it may have been meant as recording text. */
const TAKEN_AS_PATH = ' (the string was taken as a file path: recording text starts with `{`)';

async function* readFileLines(path: string | URL, source: string, maxLineBytes: number, takenAs = ''): AsyncGenerator<string> {
  const fs = nodeBuiltin<typeof import('node:fs')>('node:fs');
  if (!fs) throw new RecordingError('read-failed', source, undefined, `reading a file path needs Node (in a browser, pass the text or an http(s) URL)${takenAs}`);
  yield* splitLines(guard(fs.createReadStream(path), source, takenAs), source, maxLineBytes);
}

async function* fetchLines(url: URL, source: string, maxLineBytes: number): AsyncGenerator<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new RecordingError('read-failed', source, undefined, `fetch failed: ${(err as Error).message}`, { cause: err });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new RecordingError('http-status', source, undefined, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  if (!response.body) return;
  const reader = response.body.getReader();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  }
  yield* splitLines(guard(chunks(), source), source, maxLineBytes);
}

/** Re-throws I/O errors as RecordingErrors naming the source (and `takenAs`, how a string was read). */
async function* guard<T>(chunks: AsyncIterable<T>, source: string, takenAs = ''): AsyncGenerator<T> {
  try {
    yield* chunks;
  } catch (err) {
    if (err instanceof RecordingError) throw err;
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') throw new RecordingError('not-found', source, undefined, `no such file${takenAs}`, { cause: err });
    throw new RecordingError('read-failed', source, undefined, `read failed: ${(err as Error).message}${takenAs}`, { cause: err });
  }
}

function tooLong(source: string, line: number, maxLineBytes: number): RecordingError {
  return new RecordingError('line-too-long', source, line, `line longer than maxLineBytes (${maxLineBytes} bytes)`);
}

/** UTF-8 length of `text[from, to)`, stopping early once it exceeds `limit`. */
function utf8Length(text: string, from: number, to: number, limit: number): number {
  let n = 0;
  for (let i = from; i < to && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Splits recording text lazily (a consumer that stops early splits nothing more). */
function* splitText(text: string, source: string, maxLineBytes: number): Generator<string> {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    // A line of n UTF-16 units holds at least n and at most 3n UTF-8 bytes.
    if (nl - start > maxLineBytes || (3 * (nl - start) > maxLineBytes && utf8Length(text, start, nl, maxLineBytes) > maxLineBytes)) {
      throw tooLong(source, line, maxLineBytes);
    }
    if (nl === text.length && start === nl) return; // no empty line after a final newline
    yield text.slice(start, end);
    start = nl + 1;
  }
}

/**
 * Splits a stream of text or bytes into lines in time linear in the input: each chunk is searched once, the pieces
 * of a line are kept in a list and decoded once when its newline arrives; a line over `maxLineBytes` throws.
 */
async function* splitLines(chunks: AsyncIterable<string | Uint8Array>, source: string, maxLineBytes: number): AsyncGenerator<string> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');
  let pieces: Uint8Array[] = [];
  let length = 0;
  let line = 1;
  const take = (last: Uint8Array): string => {
    let bytes = last;
    if (pieces.length > 0) {
      bytes = new Uint8Array(length + last.length);
      let at = 0;
      for (const p of pieces) {
        bytes.set(p, at);
        at += p.length;
      }
      bytes.set(last, at);
    }
    pieces = [];
    length = 0;
    line++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    return decoder.decode(bytes.subarray(0, end));
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    let start = 0;
    let nl = bytes.indexOf(10, start);
    while (nl >= 0) {
      if (length + nl - start > maxLineBytes) throw tooLong(source, line, maxLineBytes);
      yield take(bytes.subarray(start, nl));
      start = nl + 1;
      nl = bytes.indexOf(10, start);
    }
    if (start < bytes.length) {
      length += bytes.length - start;
      if (length > maxLineBytes) throw tooLong(source, line, maxLineBytes);
      // Copy: the stream may reuse its buffer for the next chunk.
      pieces.push(new Uint8Array(bytes.subarray(start)));
    }
  }
  if (length > 0) yield take(new Uint8Array(0));
}
