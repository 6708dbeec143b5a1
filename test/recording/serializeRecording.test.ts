import { describe, expect, it } from 'vitest';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { formatFrameLine, formatHeaderLine } from '../../src/recording/formatRecordingLine.js';
import { parseRecordingLine } from '../../src/recording/parseRecordingLine.js';
import { InvalidPoseError } from '../../src/errors.js';
import type { Hand, PoseFrame } from '../../src/types.js';

const landmarks = Array.from({ length: 21 }, (_, i) => ({ x: 0.1234567 + i / 100, y: 1 / 3, z: -0.000001 }));
const hand: Hand = { handedness: 'Left', score: 0.987654, landmarks };

describe('serializeRecording', () => {
  it('writes header, frames then labels, one compact line each, newline-terminated', () => {
    const frames: PoseFrame[] = [
      { index: 0, timestamp: 0, hands: [] },
      { index: 1, timestamp: 33.3333333, hands: [hand] },
    ];
    const text = serializeRecording({ header: { format: 'posestream/v1', fps: 30, width: 640, height: 480, source: 'camera' }, frames, labels: [{ label: 'swipe_left', startFrame: 0, endFrame: 1 }] });
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[0]).toBe('{"format":"posestream/v1","fps":30,"width":640,"height":480,"source":"camera"}');
    expect(lines[1]).toBe('{"frame":0,"t":0,"hands":[]}');
    expect(lines[2]!.startsWith('{"frame":1,"t":33.333,"hands":[{"handedness":"Left","score":0.9877,"landmarks":[[0.12346,0.33333,0],[0.13346,0.33333,0],')).toBe(true);
    expect(lines[3]).toBe('{"label":"swipe_left","startFrame":0,"endFrame":1}');
  });

  it('writes world landmarks as "world" and reads them back', () => {
    const line = formatFrameLine({ index: 7, timestamp: 5, hands: [{ ...hand, worldLandmarks: landmarks }] });
    expect(line).toContain('"world":[[0.12346,0.33333,0]');
    const parsed = parseRecordingLine(line, 2, '<string>', false);
    expect(parsed.kind === 'frame' && parsed.frame.hands[0]!.worldLandmarks?.length).toBe(21);
  });

  it('leaves out absent header fields', () => {
    expect(formatHeaderLine({ format: 'posestream/v1' })).toBe('{"format":"posestream/v1"}');
  });

  it('refuses to write what could not be read back', () => {
    expect(() => formatFrameLine({ index: 3, timestamp: 0, hands: [{ ...hand, landmarks: landmarks.slice(1) }] })).toThrow(InvalidPoseError);
    expect(() => formatFrameLine({ index: 3, timestamp: 0, hands: [{ ...hand, score: Number.NaN }] })).toThrow('frame 3: hands[0].score is not finite (NaN)');
  });
});
