import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKairess, KAIRESS_LABELS } from '../../src/data/loadKairess.js';
import { NpyFormatError } from '../../src/data/readNpy.js';
import { readRecording } from '../../src/recording/readRecording.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';

const DIR = '../shared/data/landmarks/kairess-gesture-recognition';

describe('loadKairess', () => {
  it('reads the three real takes into labelled pose frames at 15 fps', async () => {
    const takes = await loadKairess(DIR);
    expect(takes.map((t) => [t.label, t.classIndex, t.frames.length, t.angles.length])).toEqual([
      ['away', 1, 454, 454],
      ['come', 0, 454, 454],
      ['spin', 2, 454, 454],
    ]);
    expect(KAIRESS_LABELS).toEqual(['come', 'away', 'spin']);
    for (const take of takes) {
      const wrong = take.frames.filter(
        (f, i) =>
          f.index !== i ||
          Math.abs(f.timestamp - (i * 1000) / 15) > 1e-9 ||
          f.hands.length !== 1 ||
          f.hands[0]!.handedness !== 'Right' ||
          f.hands[0]!.landmarks.length !== 21,
      );
      expect(wrong).toEqual([]);
      expect(take.frames[15]!.timestamp).toBe(1000);
      expect(take.angles[0]).toHaveLength(15);
      // The wrist is the z origin in MediaPipe's landmarks (stored as ~0).
      expect(Math.abs(take.frames[0]!.hands[0]!.landmarks[0]!.z)).toBeLessThan(1e-3);
    }
  });

  it('round-trips a real take through the recording format', async () => {
    const [take] = await loadKairess(DIR, { handedness: 'Left', fps: 15 });
    const text = serializeRecording({ header: { format: 'posestream/v1', fps: 15, source: `kairess/${take!.label}` }, frames: take!.frames, labels: [{ label: take!.label, startFrame: 0, endFrame: 453 }] });
    const back = await readRecording(text);
    expect(back.frames).toHaveLength(454);
    expect(back.labels).toEqual([{ label: 'away', startFrame: 0, endFrame: 453 }]);
    const a = back.frames[200]!.hands[0]!;
    const b = take!.frames[200]!.hands[0]!;
    expect(a.handedness).toBe('Left');
    a.landmarks.forEach((p, k) => expect(Math.abs(p.x - b.landmarks[k]!.x)).toBeLessThanOrEqual(5e-6));
  });

  it('errors naming the file when the class column does not match the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'posestream-kairess-'));
    try {
      // The real "away" take (class 1) under a "come" name.
      writeFileSync(join(dir, 'raw_come_1.npy'), readFileSync(join(DIR, 'raw_away_1627646273.npy')));
      await expect(loadKairess(dir)).rejects.toThrow(NpyFormatError);
      await expect(loadKairess(dir)).rejects.toThrow(`${join(dir, 'raw_come_1.npy')}: row 0 has class 1, expected 0 (come)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
