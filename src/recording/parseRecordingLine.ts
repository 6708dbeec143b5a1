import type { Hand, Landmark, PoseFrame } from '../types.js';
import { RECORDING_FORMAT } from '../streams/recordingTypes.js';
import type { RecordingHeader, RecordingLabel } from '../streams/recordingTypes.js';
import { RecordingError } from './RecordingError.js';
import type { RecordingErrorKind } from './RecordingError.js';
import { implausibleHandValue } from '../filters/validateHand.js';

/** One parsed line of a recording. Frames carry no width/height (those come from the header). */
export type RecordingLine =
  | { kind: 'header'; header: RecordingHeader }
  | { kind: 'frame'; frame: PoseFrame }
  | { kind: 'label'; label: RecordingLabel }
  | { kind: 'blank' };

type Json = Record<string, unknown>;
type Fail = (kind: RecordingErrorKind, detail: string) => never;

/**
 * Parses one line of a posestream NDJSON recording (see docs/recording-format.md) and checks it.
 *
 * `first` says whether this is the first non-blank line, which must be the header. Throws a
 * {@link RecordingError} naming `source` and the 1-based `line` on bad JSON, a missing or unknown header, a missing
 * field, a hand with other than 21 landmarks, a non-finite number (`null` or an overflowing literal such as `1e999`),
 * a finite number outside its plausible range (`'out-of-range'`: landmark x, y outside -1..2, z outside -2..2, world
 * landmarks outside -1..1 m, a score outside 0..1; see `HAND_VALUE_RANGES`) or a value of the wrong type. Blank lines
 * parse to `{ kind: 'blank' }`.
 *
 * @internal
 */
export function parseRecordingLine(text: string, line: number, source: string, first: boolean): RecordingLine {
  const fail: Fail = (kind, detail) => {
    throw new RecordingError(kind, source, line, detail);
  };
  if (text.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    fail('bad-json', `bad JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('bad-json', 'a line must be a JSON object');
  const obj = value as Json;
  if (first) {
    if (!('format' in obj)) fail('missing-header', `missing header: the first line must be {"format":"${RECORDING_FORMAT}",...}`);
    return { kind: 'header', header: parseHeader(obj, fail) };
  }
  if ('frame' in obj || 'hands' in obj || 't' in obj) return { kind: 'frame', frame: parseFrame(obj, fail) };
  if ('label' in obj) return { kind: 'label', label: parseLabel(obj, fail) };
  if ('format' in obj) fail('bad-value', 'a second header line');
  return fail('missing-field', 'neither a frame ("frame") nor a label ("label") line');
}

function parseHeader(obj: Json, fail: Fail): RecordingHeader {
  if (obj['format'] !== RECORDING_FORMAT) {
    fail('unknown-header', `unknown format ${JSON.stringify(obj['format'])}, expected "${RECORDING_FORMAT}"`);
  }
  const header: RecordingHeader = { format: RECORDING_FORMAT };
  for (const key of ['fps', 'width', 'height'] as const) {
    if (obj[key] === undefined) continue;
    const n = finite(obj[key], `header ${key}`, fail);
    if (n <= 0) fail('bad-value', `header ${key} must be positive, got ${n}`);
    header[key] = n;
  }
  if (obj['source'] !== undefined) {
    if (typeof obj['source'] !== 'string') fail('bad-value', 'header source must be a string');
    header.source = obj['source'] as string;
  }
  return header;
}

function parseFrame(obj: Json, fail: Fail): PoseFrame {
  if (obj['frame'] === undefined) fail('missing-field', 'frame line: missing "frame"');
  const index = nonNegativeInt(obj['frame'], 'frame', fail);
  if (obj['t'] === undefined) fail('missing-field', `frame ${index}: missing "t"`);
  const timestamp = finite(obj['t'], `frame ${index}: t`, fail);
  const hands = obj['hands'];
  if (hands === undefined) fail('missing-field', `frame ${index}: missing "hands"`);
  if (!Array.isArray(hands)) return fail('bad-value', `frame ${index}: "hands" must be an array`);
  return { index, timestamp, hands: hands.map((h, i) => parseHand(h, `frame ${index}: hands[${i}]`, fail)) };
}

function parseHand(value: unknown, where: string, fail: Fail): Hand {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('bad-value', `${where} must be an object`);
  const obj = value as Json;
  const handedness = obj['handedness'];
  if (handedness === undefined) fail('missing-field', `${where}: missing "handedness"`);
  if (handedness !== 'Left' && handedness !== 'Right') {
    fail('bad-value', `${where}: handedness must be "Left" or "Right", got ${JSON.stringify(handedness)}`);
  }
  if (obj['score'] === undefined) fail('missing-field', `${where}: missing "score"`);
  const score = finite(obj['score'], `${where}.score`, fail);
  if (obj['landmarks'] === undefined) fail('missing-field', `${where}: missing "landmarks"`);
  const hand: Hand = { handedness, score, landmarks: parseLandmarks(obj['landmarks'], `${where}.landmarks`, fail) };
  if (obj['world'] !== undefined) hand.worldLandmarks = parseLandmarks(obj['world'], `${where}.world`, fail);
  const implausible = implausibleHandValue(hand);
  if (implausible !== undefined) fail('out-of-range', `${where}.${implausible}`);
  return hand;
}

function parseLandmarks(value: unknown, where: string, fail: Fail): Landmark[] {
  if (!Array.isArray(value)) return fail('bad-landmarks', `${where} must be an array of 21 [x,y,z]`);
  if (value.length !== 21) fail('bad-landmarks', `${where} has ${value.length} landmarks, expected 21`);
  return value.map((p: unknown, i) => {
    if (!Array.isArray(p) || p.length !== 3) return fail('bad-landmarks', `${where}[${i}] must be [x,y,z]`);
    return {
      x: finite(p[0], `${where}[${i}][0]`, fail),
      y: finite(p[1], `${where}[${i}][1]`, fail),
      z: finite(p[2], `${where}[${i}][2]`, fail),
    };
  });
}

function parseLabel(obj: Json, fail: Fail): RecordingLabel {
  const label = obj['label'];
  if (typeof label !== 'string' || label === '') fail('bad-value', 'label must be a non-empty string');
  for (const key of ['startFrame', 'endFrame']) {
    if (obj[key] === undefined) fail('missing-field', `label ${JSON.stringify(label)}: missing "${key}"`);
  }
  const startFrame = nonNegativeInt(obj['startFrame'], `label ${JSON.stringify(label)}: startFrame`, fail);
  const endFrame = nonNegativeInt(obj['endFrame'], `label ${JSON.stringify(label)}: endFrame`, fail);
  if (endFrame < startFrame) fail('bad-value', `label ${JSON.stringify(label)}: endFrame ${endFrame} < startFrame ${startFrame}`);
  return { label: label as string, startFrame, endFrame };
}

function finite(value: unknown, what: string, fail: Fail): number {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
    fail('non-finite', `${what} is not a finite number (${String(value)})`);
  }
  if (typeof value !== 'number') return fail('bad-value', `${what} must be a number, got ${JSON.stringify(value)}`);
  return value;
}

function nonNegativeInt(value: unknown, what: string, fail: Fail): number {
  const n = finite(value, what, fail);
  if (!Number.isInteger(n) || n < 0) fail('bad-value', `${what} must be a non-negative integer, got ${n}`);
  return n;
}
