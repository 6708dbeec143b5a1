/**
 * Browser tests, second file: `posestream record` (runRecord) on a real video, the Chromium lookup, and
 * `fromCamera` on Chromium's fake camera (a .y4m made with ffmpeg from the same video).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runRecord } from '../../src/cli/record.js';
import { ChromiumNotFoundError, findChromium } from '../../src/browser/findChromium.js';
import { readRecording } from '../../src/recording/readRecording.js';
import { callHarness, openHarness, SHARED_DATA } from './browserSession.js';
import type { BrowserSession } from './browserSession.js';

const VIDEO = resolve(SHARED_DATA, 'video/dandan1232-mediapipe-try/test_h264_360p.mp4');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'posestream-browser-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('posestream record', () => {
  it('writes the header and one line per frame (all 180 frames, in order), hands in most frames', async () => {
    const out = join(dir, 'record.ndjson');
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    let code: number;
    try {
      code = await runRecord([VIDEO, '-o', out, '--model', 'lite']);
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({
      format: 'posestream/v1',
      fps: 30,
      width: 360,
      height: 640,
      source: 'test_h264_360p.mp4',
    });
    const frames = lines.slice(1).map((l) => JSON.parse(l) as { frame: number; t: number; hands: { landmarks: number[][] }[] });
    expect(frames).toHaveLength(180); // ffprobe -count_frames: 180
    frames.forEach((f, i) => {
      expect(f.frame).toBe(i);
      expect(f.t).toBeCloseTo((i * 1000) / 30, 0);
      for (const hand of f.hands) expect(hand.landmarks).toHaveLength(21);
    });
    expect(frames.filter((f) => f.hands.length > 0).length).toBeGreaterThan(180 * 0.8);
    const progress = stderr.join('');
    expect(progress).toContain('[------------------------------] 0/180 frames');
    expect(progress).toContain('[##############################] 180/180 frames');
    // The core reader accepts what record wrote.
    const recording = await readRecording(out);
    expect(recording.frames).toHaveLength(180);
    expect(recording.header).toMatchObject({ fps: 30, width: 360, height: 640 });
  });

  it('rejects a missing video file with a typed error naming it', async () => {
    await expect(runRecord([join(dir, 'nope.mp4'), '-o', join(dir, 'x.ndjson')])).rejects.toMatchObject({
      name: 'InvalidOptionError',
      message: expect.stringContaining('nope.mp4'),
    });
  });
});

describe('findChromium', () => {
  it('uses $CHROMIUM_PATH, and says how to install Chromium when there is none', () => {
    expect(findChromium({ CHROMIUM_PATH: '/usr/bin/chromium' })).toBe('/usr/bin/chromium');
    expect(() => findChromium({ CHROMIUM_PATH: join(dir, 'no-chromium') })).toThrow(ChromiumNotFoundError);
    expect(() => findChromium({}, [join(dir, 'no-chromium')])).toThrow(/apt-get install chromium/);
  });
});

describe('fromCamera on the fake camera', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    const y4m = join(dir, 'camera.y4m');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', VIDEO, '-frames:v', '15', '-pix_fmt', 'yuv420p', y4m]);
    // No --use-fake-ui-for-media-stream: the permission is denied until the test grants it.
    session = await openHarness(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`]);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('errors with CameraError permission-denied while the camera is not allowed', async () => {
    const r = await callHarness(session.page, 'cameraFrames', 1);
    expect(r).toMatchObject({ error: { name: 'CameraError', reason: 'permission-denied', code: 'camera-permission-denied' } });
  });

  it('emits frames with increasing timestamps once allowed, and stops the tracks on unsubscribe', async () => {
    await session.browser.context.grantPermissions(['camera'], { origin: session.server.origin });
    const r = await callHarness(session.page, 'cameraFrames', 5);
    const frames = r.frames;
    if (frames === undefined) throw new Error(`camera failed: ${JSON.stringify(r)}`);
    expect(frames.map((f) => f.index)).toEqual([0, 1, 2, 3, 4]);
    expect(frames[0]).toMatchObject({ width: 320, height: 240 }); // the requested size, scaled from the 360x640 file
    for (const f of frames) {
      expect(f.width).toBeGreaterThan(0);
      expect(f.height).toBeGreaterThan(0);
      expect(f.imageWidth).toBe(f.width);
      expect(f.capturedAt).toBe(f.timestamp);
    }
    for (let i = 1; i < frames.length; i++) expect(frames[i]!.timestamp).toBeGreaterThan(frames[i - 1]!.timestamp);
    expect(r.srcObjectCleared).toBe(true);
    expect(await callHarness(session.page, 'cameraTracksAfterUnsubscribe')).toEqual(['ended']);
  });

  it('the page requested nothing outside 127.0.0.1', () => {
    expect(session.browser.requests.length).toBeGreaterThan(5);
    expect(session.browser.foreignRequests).toEqual([]);
  });
});
