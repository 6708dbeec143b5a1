import type { RecordingInput } from '../streams/recordingTypes.js';
import { nodeBuiltin } from '../workers/nodeBuiltin.js';
import { RecordingError } from './RecordingError.js';

/** The lines of a recording input and the name errors use for it. */
export interface RecordingLines {
  source: string;
  /** Synchronous for recording text (so virtual-time replays need no promises), asynchronous otherwise. */
  lines: Iterable<string> | AsyncIterable<string>;
}

/**
 * Opens a recording input as lines, streaming: text is split in place; a file path or `file:` URL is read with
 * `fs.createReadStream` (Node only, loaded on demand); an `http(s):` URL is fetched and its body read chunk by chunk;
 * an async iterable (e.g. a Node `Readable`) is decoded as UTF-8. A string starting with `{` (or blank) is text, any
 * other string a path. A missing file, an HTTP error status or a read failure throws a {@link RecordingError}
 * (when the lines are iterated) that names the path or URL.
 *
 * @internal
 */
export function openRecordingLines(input: RecordingInput, sourceName?: string): RecordingLines {
  if (typeof input === 'string') {
    if (/^\s*(\{|$)/.test(input)) return { source: sourceName ?? '<string>', lines: input.split(/\r?\n/) };
    return { source: sourceName ?? input, lines: readFileLines(input, sourceName ?? input) };
  }
  if (input instanceof URL) {
    if (input.protocol === 'file:') return { source: sourceName ?? input.href, lines: readFileLines(input, sourceName ?? input.href) };
    if (input.protocol === 'http:' || input.protocol === 'https:') {
      return { source: sourceName ?? input.href, lines: fetchLines(input, sourceName ?? input.href) };
    }
    throw new RecordingError('read-failed', input.href, undefined, `unsupported URL protocol ${input.protocol}`);
  }
  const source = sourceName ?? '<stream>';
  return { source, lines: splitLines(guard(input, source)) };
}

async function* readFileLines(path: string | URL, source: string): AsyncGenerator<string> {
  const fs = nodeBuiltin<typeof import('node:fs')>('node:fs');
  if (!fs) throw new RecordingError('read-failed', source, undefined, 'reading a file path needs Node (in a browser, pass the text or an http(s) URL)');
  yield* splitLines(guard(fs.createReadStream(path), source));
}

async function* fetchLines(url: URL, source: string): AsyncGenerator<string> {
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
  yield* splitLines(guard(chunks(), source));
}

/** Re-throws I/O errors as RecordingErrors naming the source. */
async function* guard<T>(chunks: AsyncIterable<T>, source: string): AsyncGenerator<T> {
  try {
    yield* chunks;
  } catch (err) {
    if (err instanceof RecordingError) throw err;
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') throw new RecordingError('not-found', source, undefined, 'no such file', { cause: err });
    throw new RecordingError('read-failed', source, undefined, `read failed: ${(err as Error).message}`, { cause: err });
  }
}

async function* splitLines(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of chunks) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield rest.slice(start, nl > start && rest[nl - 1] === '\r' ? nl - 1 : nl);
      start = nl + 1;
      nl = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') yield rest;
}
