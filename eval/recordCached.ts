/**
 * Recordings of evaluation clips, made at eval time with `posestream record` and cached under `.cache/eval/`
 * (gitignored; recordings of shared data are never committed), keyed by the video's content hash and the
 * estimator settings, so a changed video or model re-records and an unchanged one is read from the cache.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { runRecord } from '../src/cli/record.js';

/** Options of {@link recordCached}. */
export interface RecordCachedOptions {
  /** Cache directory. @default '.cache/eval' (relative to the working directory) */
  cacheDir?: string;
  /** Hand landmarker model. @default 'full' */
  model?: 'full' | 'lite';
  /** Hands per frame. @default 1 */
  hands?: number;
  /** Called before a clip is recorded (it takes a while: ~0.2 s per frame). */
  onRecord?: (video: string, out: string) => void;
}

/**
 * Path of the cached recording of `video`, recording it first when the cache has none. The file is written to a
 * temporary name and renamed when complete, so an interrupted recording is never mistaken for a cached one.
 *
 * @example
 * ```ts
 * const path = await recordCached('../shared/data/video/ai-forever-dynamic-gestures/swipe_up_down.mp4');
 * ```
 */
export async function recordCached(video: string, options: RecordCachedOptions = {}): Promise<string> {
  const model = options.model ?? 'full';
  const hands = options.hands ?? 1;
  const dir = resolve(options.cacheDir ?? '.cache/eval');
  const hash = createHash('sha256').update(await readFile(video)).digest('hex').slice(0, 16);
  const name = basename(video).replace(/\.[^.]+$/, '');
  const out = resolve(dir, `${name}.${hash}.${model}.h${hands}.ndjson`);
  try {
    if ((await stat(out)).size > 0) return out;
  } catch {
    // not cached yet
  }
  await mkdir(dir, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  options.onRecord?.(video, out);
  try {
    const code = await runRecord([video, '-o', tmp, '--model', model, '--hands', String(hands)]);
    if (code !== 0) throw new Error(`posestream record ${video} exited with ${code}`);
    await rename(tmp, out);
  } finally {
    await rm(tmp, { force: true });
  }
  return out;
}
