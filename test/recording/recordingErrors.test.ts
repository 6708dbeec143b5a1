import { describe, expect, it } from 'vitest';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { fromRecording } from '../../src/streams/fromRecording.js';
import { readRecording } from '../../src/recording/readRecording.js';
import { RecordingError } from '../../src/recording/RecordingError.js';
import { PosestreamError } from '../../src/errors.js';
import { formatFrameLine } from '../../src/recording/formatRecordingLine.js';
import { syntheticPoseStream } from '../../src/testing/syntheticPoseStream.js';

const HEADER = '{"format":"posestream/v1","fps":30,"width":640,"height":480,"source":"camera"}';
const frames = syntheticPoseStream({ frames: 4, fps: 30 });
const good = frames.map(formatFrameLine);
/** A frame line with one plausible hand, but for one coordinate, the score or world landmarks (all at `world`). */
function frameWith(index: number, change: { point?: [number, number, number]; score?: number; world?: number }): string {
  const landmarks = Array.from({ length: 21 }, () => [0.5, 0.5, 0]);
  if (change.point) landmarks[change.point[0]]![change.point[1]] = change.point[2];
  const h: Record<string, unknown> = { handedness: 'Right', score: change.score ?? 0.9, landmarks };
  if (change.world !== undefined) h['world'] = Array.from({ length: 21 }, () => [change.world, 0, 0]);
  return JSON.stringify({ frame: index, t: index * 33, hands: [h] });
}
const hand = (n: number) => JSON.stringify({ handedness: 'Right', score: 0.9, landmarks: Array.from({ length: n }, () => [0.5, 0.5, 0]) });

async function failure(text: string): Promise<RecordingError> {
  const err = await readRecording(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RecordingError);
  expect(err).toBeInstanceOf(PosestreamError);
  return err as RecordingError;
}

describe('recording bad input', () => {
  const cases: [string, string[], number, RecordingError['kind'], RegExp][] = [
    ['bad JSON', [HEADER, good[0]!, '{"frame":1,"t":33,', good[2]!], 3, 'bad-json', /bad JSON/],
    ['a JSON array line', [HEADER, '[1,2]'], 2, 'bad-json', /JSON object/],
    ['missing header', [good[0]!, good[1]!], 1, 'missing-header', /missing header/],
    ['unknown header', ['{"format":"other/v9"}', good[0]!], 1, 'unknown-header', /unknown format "other\/v9"/],
    ['missing t', [HEADER, good[0]!, '{"frame":1,"hands":[]}'], 3, 'missing-field', /frame 1: missing "t"/],
    ['missing hands', [HEADER, '{"frame":0,"t":0}'], 2, 'missing-field', /frame 0: missing "hands"/],
    ['missing frame', [HEADER, '{"t":0,"hands":[]}'], 2, 'missing-field', /missing "frame"/],
    ['20 landmarks', [HEADER, good[0]!, good[1]!, `{"frame":2,"t":66,"hands":[${hand(20)}]}`], 4, 'bad-landmarks', /hands\[0\]\.landmarks has 20 landmarks, expected 21/],
    ['22 world landmarks', [HEADER, `{"frame":0,"t":0,"hands":[${hand(21).slice(0, -1)},"world":${JSON.stringify(Array(22).fill([0, 0, 0]))}}]}`], 2, 'bad-landmarks', /world has 22 landmarks/],
    ['null coordinate', [HEADER, good[0]!.replace(/\[[-\d.e]+,/, '[null,')], 2, 'non-finite', /landmarks\[0\]\[0\] is not a finite number \(null\)/],
    ['overflowing number', [HEADER, '{"frame":0,"t":1e999,"hands":[]}'], 2, 'non-finite', /t is not a finite number \(Infinity\)/],
    ['bad handedness', [HEADER, '{"frame":0,"t":0,"hands":[{"handedness":"Both","score":1,"landmarks":[]}]}'], 2, 'bad-value', /handedness must be "Left" or "Right"/],
    ['string t', [HEADER, '{"frame":0,"t":"0","hands":[]}'], 2, 'bad-value', /t must be a number/],
    ['frame going backwards', [HEADER, good[0]!, good[2]!, good[1]!], 4, 'out-of-order', /frame 1 after frame 2/],
    ['neither frame nor label', [HEADER, '{"foo":1}'], 2, 'missing-field', /neither a frame/],
    ['second header', [HEADER, HEADER], 2, 'bad-value', /second header/],
    ['label past the end', [HEADER, '{"label":"wave","startFrame":2,"endFrame":9}', ...good], 2, 'label-out-of-range', /label "wave" covers frames 2\.\.9 but the recording has frames 0\.\.3/],
    ['label end before start', [HEADER, ...good, '{"label":"wave","startFrame":3,"endFrame":1}'], 6, 'bad-value', /endFrame 1 < startFrame 3/],
    ['label missing endFrame', [HEADER, ...good, '{"label":"wave","startFrame":3}'], 6, 'missing-field', /missing "endFrame"/],
    ['empty recording', [''], 1, 'missing-header', /empty/],
    // Finite but implausible: 1e308 overflowed the features downstream and was blamed on the model's NaN score.
    ['coordinate 1e308', [HEADER, good[0]!, frameWith(1, { point: [3, 0, 1e308] })], 3, 'out-of-range', /^<string>:3: frame 1: hands\[0\]\.landmarks\[3\]\.x is 1e\+308, outside -1\.\.2 \(normalised image units\)$/],
    ['y below -1', [HEADER, frameWith(0, { point: [20, 1, -1.5] })], 2, 'out-of-range', /landmarks\[20\]\.y is -1\.5, outside -1\.\.2/],
    ['z of 5', [HEADER, frameWith(0, { point: [0, 2, 5] })], 2, 'out-of-range', /landmarks\[0\]\.z is 5, outside -2\.\.2/],
    ['world landmark 3 m away', [HEADER, frameWith(0, { world: 3 })], 2, 'out-of-range', /hands\[0\]\.world\[0\]\.x is 3, outside -1\.\.1 \(metres\)/],
    ['score 7', [HEADER, frameWith(0, { score: 7 })], 2, 'out-of-range', /frame 0: hands\[0\]\.score is 7, outside 0\.\.1/],
    ['negative score', [HEADER, frameWith(0, { score: -0.1 })], 2, 'out-of-range', /score is -0\.1, outside 0\.\.1/],
  ];
  for (const [name, lines, line, kind, message] of cases) {
    it(`${name}: ${kind} at line ${line}`, async () => {
      const err = await failure(lines.join('\n'));
      expect(err.kind).toBe(kind);
      expect(err.code).toBe('invalid-recording');
      expect(err.line).toBe(line);
      expect(err.source).toBe('<string>');
      expect(err.message.startsWith(`<string>:${line}: `)).toBe(true);
      expect(err.message).toMatch(message);
    });
  }

  it('emits the frames before a bad line, then errors', async () => {
    const seen: number[] = [];
    const text = [HEADER, good[0], good[1], '{"frame":2,"t":66,"hands":[' + hand(3) + ']}', good[3]].join('\n');
    const err = await lastValueFrom(fromRecording(text)).then(
      () => undefined,
      (e: unknown) => e,
    );
    await expect(firstValueFrom(fromRecording(text).pipe(toArray()))).rejects.toThrow(/<string>:4: frame 2: hands\[0\]\.landmarks has 3 landmarks/);
    fromRecording(text).subscribe({ next: (f) => seen.push(f.index), error: () => seen.push(-1) });
    expect(seen).toEqual([0, 1, -1]);
    expect((err as RecordingError).line).toBe(4);
  });

  it('accepts the edges of the plausible ranges (and the writer refuses what the reader would reject)', async () => {
    const edges = [HEADER, frameWith(0, { point: [0, 0, -1] }), frameWith(1, { point: [1, 1, 2] }), frameWith(2, { point: [2, 2, -2], score: 0 }), frameWith(3, { world: -1, score: 1 })];
    expect((await readRecording(edges.join('\n'))).frames).toHaveLength(4);
    const [frame] = (await readRecording([HEADER, good[0]!].join('\n'))).frames;
    const far = { ...frame!, hands: frame!.hands.map((h) => ({ ...h, landmarks: h.landmarks.map((p, i) => (i === 2 ? { ...p, y: 1e308 } : p)) })) };
    expect(() => formatFrameLine(far)).toThrow('frame 0: hands[0].landmarks[2].y is 1e+308, outside -1..2 (normalised image units)');
  });

  it('a label that starts before the first frame is an error when read, not at the end', () => {
    const seen: number[] = [];
    let error: RecordingError | undefined;
    const text = [HEADER, good[1], good[2], '{"label":"wave","startFrame":0,"endFrame":2}', good[3]].join('\n');
    fromRecording(text).subscribe({ next: (f) => seen.push(f.index), error: (e: RecordingError) => (error = e) });
    expect(seen).toEqual([1, 2]); // frame 3, after the label, is never read
    expect([error?.kind, error?.line]).toEqual(['label-out-of-range', 4]);
    expect(error?.message).toBe('<string>:4: label "wave" covers frames 0..2 but the recording starts at frame 1');
  });

  it("onInvalid 'skip' skips and counts bad frame and label lines", async () => {
    const skipped: RecordingError[] = [];
    const text = [
      HEADER,
      good[0],
      '{"frame":1,"t":',
      good[1],
      `{"frame":2,"t":66,"hands":[${hand(20)}]}`,
      good[3],
      '{"label":"wave","startFrame":0,"endFrame":3}',
      '{"label":"late","startFrame":2,"endFrame":7}',
    ].join('\n');
    const result = await readRecording(text, { onInvalid: 'skip', onSkip: (e) => skipped.push(e) });
    expect(result.frames.map((f) => f.index)).toEqual([0, 1, 3]);
    expect(result.labels).toEqual([{ label: 'wave', startFrame: 0, endFrame: 3 }]);
    expect(result.skipped).toBe(3);
    expect(skipped.map((e) => [e.kind, e.line])).toEqual([
      ['bad-json', 3],
      ['bad-landmarks', 5],
      ['label-out-of-range', 8],
    ]);
  });

  it("a bad header is an error even with onInvalid 'skip'", async () => {
    await expect(readRecording(['{"format":"x"}', good[0]].join('\n'), { onInvalid: 'skip' })).rejects.toThrow(/<string>:1: unknown format/);
  });

  it('uses sourceName in messages', async () => {
    await expect(readRecording([HEADER, '{oops'].join('\n'), { sourceName: 'take.ndjson' })).rejects.toThrow(/^take\.ndjson:2: bad JSON/);
  });
});
