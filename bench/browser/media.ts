/**
 * The benchmark's input media, made with ffmpeg in a temporary folder from a real video of shared/data: the
 * clip fitted into 640x480 (pillar- or letterboxed, grey) at 30 fps, as an H.264 mp4 (for the round-trip page) and
 * as a .y4m (Chromium's fake camera plays it in a loop).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BenchError } from '../benchError.js';

const run = promisify(execFile);

/** The real video both scenarios use (6 s, 30 fps, 360x640 portrait, a hand showing palm/fist/thumbs up). */
export const BENCH_VIDEO = fileURLToPath(new URL('../../../shared/data/video/dandan1232-mediapipe-try/test_h264_360p.mp4', import.meta.url));

/**
 * The real swipe video of the `longtasks` scenario (5.3 s, 15 fps, 530x292: a person swiping right, left, right;
 * the demo test names its swipes with the default model).
 */
export const SWIPE_VIDEO = fileURLToPath(new URL('../../../shared/data/video/ai-forever-dynamic-gestures/swipe_left_right.mp4', import.meta.url));

/** The project root (this file is bench/browser/media.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Frame size of the benchmark's frames and fake camera. */
export const BENCH_WIDTH = 640;
export const BENCH_HEIGHT = 480;
export const BENCH_FPS = 30;

/** The prepared media; `close()` deletes the folder. */
export interface BenchMedia {
  dir: string;
  /** `<dir>/frames.mp4`, 640x480 H.264. */
  mp4: string;
  /** `<dir>/camera.y4m`, 640x480 yuv420p. */
  y4m: string;
  close(): void;
}

/** Runs ffmpeg twice on {@link BENCH_VIDEO}. Throws a BenchError when the video or ffmpeg is missing. */
export async function prepareMedia(video = BENCH_VIDEO): Promise<BenchMedia> {
  if (!existsSync(video)) {
    throw new BenchError(`bench:browser: real video ${video} not found (the project must sit next to shared/data)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'posestream-bench-browser-'));
  const mp4 = join(dir, 'frames.mp4');
  const y4m = join(dir, 'camera.y4m');
  const fit = `scale=${BENCH_WIDTH}:${BENCH_HEIGHT}:force_original_aspect_ratio=decrease:force_divisible_by=2`;
  const filter = `${fit},pad=${BENCH_WIDTH}:${BENCH_HEIGHT}:(ow-iw)/2:(oh-ih)/2:color=0x808080,fps=${BENCH_FPS},format=yuv420p`;
  try {
    await run('ffmpeg', ['-v', 'error', '-y', '-i', video, '-vf', filter, '-an', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-g', '30', mp4]);
    await run('ffmpeg', ['-v', 'error', '-y', '-i', video, '-vf', filter, '-an', y4m]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const why = error instanceof Error ? error.message : String(error);
    throw new BenchError(`bench:browser: ffmpeg could not convert ${video} to ${BENCH_WIDTH}x${BENCH_HEIGHT}: ${why}`, { cause: error });
  }
  return { dir, mp4, y4m, close: () => rmSync(dir, { recursive: true, force: true }) };
}
