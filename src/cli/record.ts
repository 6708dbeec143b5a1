/**
 * `posestream record <video> -o out.ndjson [--hands N] [--model full|lite]`: every frame of a video file through
 * MediaPipe's hand landmarker in headless Chromium, written as a posestream/v1 NDJSON recording.
 */
import { createWriteStream, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { once } from 'node:events';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';
import { PosestreamError } from '../errors.js';
import { launchChromium } from '../browser/launchChromium.js';
import { startPageServer } from '../browser/startPageServer.js';
import type { RecordPageOptions } from '../browser/recordPage.js';

interface RecordArgs {
  video: string;
  out: string;
  model: 'full' | 'lite';
  numHands: number;
}

function parseArgs(argv: string[]): RecordArgs {
  const where = 'posestream record';
  let video: string | undefined;
  let out: string | undefined;
  let model: 'full' | 'lite' = 'full';
  let numHands = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new InvalidOptionError(where, arg, 'a value', undefined);
      return v;
    };
    if (arg === '-o' || arg === '--out' || arg === '--output') out = value();
    else if (arg === '--model') {
      const v = value();
      if (v !== 'full' && v !== 'lite') throw new InvalidOptionError(where, '--model', "'full' or 'lite'", v);
      model = v;
    } else if (arg === '--hands') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1 || v > 4) throw new InvalidOptionError(where, '--hands', 'an integer 1..4', v);
      numHands = v;
    } else if (arg.startsWith('-')) throw new InvalidOptionError(where, arg, 'one of -o, --model, --hands', arg);
    else if (video === undefined) video = arg;
    else throw new InvalidOptionError(where, 'video', 'a single video file', arg);
  }
  if (video === undefined) throw new InvalidOptionError(where, 'video', 'a video file path', undefined);
  if (out === undefined) throw new InvalidOptionError(where, '-o', 'an output .ndjson path', undefined);
  return { video: resolve(video), out: resolve(out), model, numHands };
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * width);
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} frames`;
}

/**
 * Runs `posestream record`: serves the package and the video on 127.0.0.1, drives headless Chromium
 * (`$CHROMIUM_PATH` or /usr/bin/chromium) through every frame, writes the header then one line per frame to `-o`,
 * and draws a progress bar on stderr. Fails (typed error) if the page requests any other host.
 * Resolves to the exit code.
 *
 * @example
 * ```ts
 * import { runRecord } from 'posestream/node';
 * await runRecord(['clip.mp4', '-o', 'clip.ndjson', '--model', 'lite']);
 * ```
 */
export async function runRecord(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  try {
    if (!statSync(args.video).isFile()) throw new Error('not a file');
  } catch {
    throw new InvalidOptionError('posestream record', 'video', 'an existing video file', args.video);
  }
  const videoPath = `/posestream-input/${encodeURIComponent(basename(args.video))}`;
  const server = await startPageServer({ mounts: { [videoPath]: args.video } });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const output = createWriteStream(args.out);
  try {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    let total = 0;
    let frames = 0;
    let detectSum = 0;
    let roundTripSum = 0;
    await page.exposeFunction('posestreamHeader', (line: string, frameCount: number) => {
      total = frameCount;
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
    await page.goto(`${server.origin}/src/browser/recordPage.html`);
    await page.waitForFunction(() => document.title === 'record ready', null, { timeout: 120_000 });
    const options: RecordPageOptions = { model: args.model, numHands: args.numHands, source: basename(args.video) };
    await page.evaluate(
      ([url, opts]) => (window as unknown as { posestreamRecord: (u: string, o: RecordPageOptions) => Promise<number> })
        .posestreamRecord(url, opts),
      [videoPath, options] as const,
    );
    if (browser.foreignRequests.length > 0) {
      throw new PosestreamError(
        'foreign-request',
        `posestream record: the page requested hosts other than 127.0.0.1: ${browser.foreignRequests.join(', ')}`,
      );
    }
    const avg = (sum: number): string => (frames > 0 ? (sum / frames).toFixed(1) : '-');
    process.stderr.write(
      `\n${frames} frames -> ${args.out} (detect ${avg(detectSum)} ms in worker, ${avg(roundTripSum)} ms round trip, mean)\n`,
    );
    return 0;
  } finally {
    output.end();
    await once(output, 'close');
    await browser?.close();
    await server.close();
  }
}
