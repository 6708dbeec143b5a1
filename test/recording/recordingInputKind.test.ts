import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { describeRecordingInputKind, recordingInputKind } from '../../src/recording/recordingInputKind.js';

describe('recordingInputKind', () => {
  it('tells text, URLs, paths and streams apart', () => {
    expect(recordingInputKind('{"format":"posestream/v1"}')).toBe('text');
    expect(recordingInputKind('  \n{"format":"posestream/v1"}')).toBe('text');
    expect(recordingInputKind('\uFEFF{"format":"posestream/v1"}')).toBe('text');
    expect(recordingInputKind('')).toBe('text');
    expect(recordingInputKind('first line\nsecond line')).toBe('text');
    expect(recordingInputKind('https://example.com/take.ndjson')).toBe('url');
    expect(recordingInputKind('FILE:///takes/take.ndjson')).toBe('url');
    expect(recordingInputKind(new URL('http://127.0.0.1/take.ndjson'))).toBe('url');
    expect(recordingInputKind('take.ndjson')).toBe('path');
    expect(recordingInputKind('/abs/take {1}.ndjson')).toBe('path');
    expect(recordingInputKind(Readable.from(['{}']))).toBe('stream');
  });

  it('names each kind for messages', () => {
    expect((['text', 'url', 'path', 'stream'] as const).map(describeRecordingInputKind)).toEqual(['recording text', 'a URL', 'a file path', 'a stream']);
  });
});
