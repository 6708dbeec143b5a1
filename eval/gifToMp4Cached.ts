/**
 * H.264 copies of the ai-forever GIFs that have none in ../shared/data (Chromium's <video> cannot play a GIF),
 * made with ffmpeg into the gitignored cache (derived data is never committed).
 */
import { execFile } from 'node:child_process';
import { mkdir, rename, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * Path of an H.264 (yuv420p, even size, 15 fps) copy of `gif` in `cacheDir`, converting it with ffmpeg first when
 * absent. The recording cache is keyed by the copy's content hash, so the copy must be deterministic: one thread.
 *
 * @example
 * ```ts
 * const mp4 = await gifToMp4Cached('../shared/data/video/ai-forever-dynamic-gestures/zoom.gif', '.cache/eval/videos');
 * ```
 */
export async function gifToMp4Cached(gif: string, cacheDir: string): Promise<string> {
  const out = resolve(cacheDir, basename(gif).replace(/\.gif$/, '.mp4'));
  try {
    if ((await stat(out)).size > 0) return out;
  } catch {
    // not converted yet
  }
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp.mp4`;
  await promisify(execFile)('ffmpeg', ['-v', 'error', '-y', '-i', gif, '-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-r', '15', '-threads', '1', tmp]);
  await rename(tmp, out);
  return out;
}
