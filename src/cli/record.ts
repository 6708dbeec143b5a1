/**
 * `posestream record <video> -o out.ndjson [--hands N] [--model full|lite]`: every frame of a video file through
 * MediaPipe's hand landmarker in headless Chromium, written as a posestream/v1 NDJSON recording.
 */
import { createWriteStream, rmSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PosestreamError } from '../errors.js';
import { RecordingError } from '../recording/RecordingError.js';
import { launchChromium } from '../browser/launchChromium.js';
import { startPageServer } from '../browser/startPageServer.js';
import type { RecordPageOptions } from '../browser/recordPage.js';
import { RecordError } from './RecordError.js';
import { parseRecordArgs, RECORD_HELP } from './recordArgs.js';

const WHERE = 'posestream record';

function progressBar(done: number, total: number): string {
  const width = 30;
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * width);
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} frames`;
}

/**
 * Runs `posestream record`: serves the package and the video on 127.0.0.1, drives headless Chromium
 * (`$CHROMIUM_PATH` or /usr/bin/chromium) through every frame, writes the header then one line per frame, and draws
 * a progress bar on stderr. Every flag and the output path are checked before Chromium starts (`-o` must be a file
 * in an existing folder, and a new one unless `--force`): an `InvalidOptionError` (exit 2). The lines go to a
 * temporary file beside `-o`, renamed to it when the recording is complete, so a failed run leaves no file and
 * never clobbers one. A video Chromium cannot decode, or any failure of the page, is a {@link RecordError} naming
 * the video (one line, no internal URL); a write failure a `RecordingError` (`'write-failed'`); a page that requests
 * any other host a `PosestreamError`. `-h` / `--help` prints the help. Resolves to the exit code.
 *
 * @example
 * ```ts
 * import { runRecord } from 'posestream/node';
 * await runRecord(['clip.mp4', '-o', 'clip.ndjson', '--model', 'lite']);
 * ```
 */
export async function runRecord(argv: string[]): Promise<number> {
  const args = parseRecordArgs(argv);
  if (args === 'help') {
    process.stdout.write(RECORD_HELP);
    return 0;
  }
  const videoPath = `/posestream-input/${encodeURIComponent(basename(args.video))}`;
  const partial = join(dirname(args.out), `.${basename(args.out)}.${process.pid}.partial`);
  const server = await startPageServer({ mounts: { [videoPath]: args.video } });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const output = createWriteStream(partial, { flags: 'wx' });
  let writeError: Error | undefined;
  output.on('error', (error) => (writeError ??= error));
  let failure: { error: unknown } | undefined;
  let summary = '';
  let drawn = false; // a progress bar is on stderr's last line
  try {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    let total = 0;
    let frames = 0;
    let detectSum = 0;
    let roundTripSum = 0;
    await page.exposeFunction('posestreamHeader', (line: string, frameCount: number) => {
      total = frameCount;
      drawn = true;
      output.write(`${line}\n`);
      process.stderr.write(progressBar(0, total));
    });
    await page.exposeFunction('posestreamFrame', (line: string, detectMs: number, roundTripMs: number) => {
      frames += 1;
      detectSum += detectMs;
      roundTripSum += roundTripMs;
      output.write(`${line}\n`);
      process.stderr.write(progressBar(frames, Math.max(total, frames)));
    });
    try {
      await page.goto(`${server.origin}/src/browser/recordPage.html`);
      await page.waitForFunction(() => document.title === 'record ready', null, { timeout: 120_000 });
      const options: RecordPageOptions = { model: args.model, numHands: args.numHands, source: basename(args.video) };
      await page.evaluate(
        ([url, opts]) => (window as unknown as { posestreamRecord: (u: string, o: RecordPageOptions) => Promise<number> })
          .posestreamRecord(url, opts),
        [videoPath, options] as const,
      );
    } catch (error) {
      throw pageError(error, args.videoArg, `${server.origin}${videoPath}`, server.origin);
    }
    if (browser.foreignRequests.length > 0) {
      throw new PosestreamError('foreign-request', `${WHERE}: the page requested hosts other than 127.0.0.1: ${browser.foreignRequests.join(', ')}`);
    }
    const avg = (sum: number): string => (frames > 0 ? (sum / frames).toFixed(1) : '-');
    summary = `\n${frames} frames -> ${args.out} (detect ${avg(detectSum)} ms in worker, ${avg(roundTripSum)} ms round trip, mean)\n`;
  } catch (error) {
    failure = { error };
  } finally {
    output.end();
    await new Promise<void>((done) => (output.closed ? done() : output.once('close', () => done())));
    await browser?.close();
    await server.close();
  }
  if (!failure && writeError) failure = { error: new RecordingError('write-failed', args.out, undefined, `could not write: ${writeError.message}`, { cause: writeError }) };
  if (failure) {
    rmSync(partial, { force: true });
    if (drawn) process.stderr.write('\n');
    throw failure.error;
  }
  renameSync(partial, args.out);
  process.stderr.write(summary);
  return 0;
}

/** A failure of the page as one line naming the video as typed, without the page server's URLs or the stack. */
function pageError(error: unknown, video: string, videoUrl: string, origin: string): unknown {
  if (error instanceof PosestreamError) return error;
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  const detail = first.replace(/^page\.\w+: /, '').replaceAll(videoUrl, video).replaceAll(origin, '');
  return new RecordError(video, `Chromium could not record it: ${detail}`, { cause: error });
}
