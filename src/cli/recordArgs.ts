import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import { checkOutputPath } from './checkOutputPath.js';
import { flagChoice } from './flagChoice.js';
import { flagNumber } from './flagNumber.js';
import { parseCommandLine } from './parseCommandLine.js';

const WHERE = 'posestream record';

/** The help `posestream record --help` prints. */
export const RECORD_HELP = `usage: posestream record <video-file> -o out.ndjson [options]

Runs every frame of a video file through MediaPipe's hand landmarker in headless Chromium and writes a
posestream/v1 recording (docs/recording-format.md). The output is written to a temporary file beside it and
renamed when complete: a failed run leaves no file behind.

  -o, --out FILE        the recording to write; its directory must exist
  --force               overwrite FILE if it exists (default: refuse)
  --model full|lite     the hand landmarker model (default full)
  --hands N             hands per frame, 1..4 (default 1)
  -h, --help            this help

Exit codes: 0 done; 1 the video could not be recorded; 2 a bad command line.
`;

/** `posestream record`'s command line, checked. */
export interface RecordArgs {
  /** The video as typed, and its absolute path. */
  videoArg: string;
  video: string;
  out: string;
  model: 'full' | 'lite';
  numHands: number;
}

/**
 * Reads and checks `posestream record`'s flags and paths before Chromium starts: `--model`, `--hands` (1..4), `-o`
 * (see `checkOutputPath`: a new file in an existing folder unless `--force`) and that the video is a file. Returns
 * `'help'` for `-h` / `--help`; a bad flag is an `InvalidOptionError` naming it as typed (the CLI exits 2).
 *
 * @example
 * ```ts
 * const args = parseRecordArgs(['clip.mp4', '-o', 'clip.ndjson']);
 * ```
 * @internal
 */
export function parseRecordArgs(argv: string[]): RecordArgs | 'help' {
  const { values, typed, positionals, help } = parseCommandLine(WHERE, argv, {
    out: { type: 'string', short: 'o', value: 'an output .ndjson path' },
    output: { type: 'string', value: 'an output .ndjson path' },
    force: { type: 'boolean' },
    model: { type: 'string', value: "'full' or 'lite'" },
    hands: { type: 'string', value: 'a number of hands' },
  });
  if (help) return 'help';
  const [video, ...extra] = positionals;
  if (video === undefined || video === '') throw new InvalidOptionError(WHERE, 'video', 'a video file path', 'nothing');
  if (extra.length > 0) throw new InvalidOptionError(WHERE, 'video', 'a single video file', positionals.join(' '));
  const model = flagChoice(WHERE, typed['model'] ?? '--model', (values['model'] as string | undefined) ?? 'full', ['full', 'lite'] as const);
  const numHands = flagNumber(WHERE, typed['hands'] ?? '--hands', (values['hands'] as string | undefined) ?? '1', { min: 1, max: 4, integer: true, unit: 'hands per frame' });
  const outFlag = values['out'] !== undefined ? 'out' : 'output';
  const out = values[outFlag] as string | undefined;
  if (out === undefined || out === '') throw new InvalidOptionError(WHERE, typed[outFlag] ?? '-o', 'an output .ndjson path', 'nothing');
  let isFile = false;
  try {
    isFile = statSync(video).isFile();
  } catch {
    // not there: isFile stays false
  }
  if (!isFile) throw new InvalidOptionError(WHERE, 'video', 'an existing video file', resolve(video));
  // Checked before Chromium starts: a missing folder, a folder given as the file, a file that exists.
  const outPath = checkOutputPath(WHERE, typed[outFlag] ?? '-o', out, { kind: 'file', force: values['force'] === true });
  return { videoArg: video, video: resolve(video), out: outPath, model, numHands };
}

