import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PosestreamError } from '../../src/errors.js';
import { parseEmscriptenPackage } from '../../src/model/emscriptenPack.js';
import { locateMediapipeHands, readHandModelSources } from '../../src/model/handModelSources.js';
import { ModelBuildError } from '../../src/model/modelBuildError.js';

const handsDir = await locateMediapipeHands();
const FILES = ['hands_solution_packed_assets_loader.js', 'hands_solution_packed_assets.data', 'hand_landmark_full.tflite', 'hand_landmark_lite.tflite'];
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of @mediapipe/hands (symlinks) where `name` is replaced by `bytes`. */
function brokenHands(name: string, bytes: Uint8Array | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'posestream-hands-'));
  temps.push(dir);
  for (const file of FILES) if (file !== name) symlinkSync(join(handsDir, file), join(dir, file));
  writeFileSync(join(dir, name), bytes);
  return dir;
}

async function caught(run: () => unknown): Promise<ModelBuildError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelBuildError);
    expect(error).toBeInstanceOf(PosestreamError);
    return error as ModelBuildError;
  }
  throw new Error('expected a ModelBuildError, nothing was thrown');
}

describe('hand model sources: bad input gives ModelBuildError', () => {
  it('reads the real package (sanity: the same code accepts the untouched files)', async () => {
    const sources = await readHandModelSources('full', handsDir);
    expect(sources.palmModel.byteLength).toBe(2_341_280);
    expect(sources.landmarkModel.byteLength).toBe(5_478_688);
  });

  it('a truncated .data file names the file and both sizes', async () => {
    const data = readFileSync(join(handsDir, 'hands_solution_packed_assets.data'));
    const dir = brokenHands('hands_solution_packed_assets.data', data.subarray(0, 1_000_000));
    const error = await caught(() => readHandModelSources('lite', dir));
    expect(error.code).toBe('model-build');
    expect(error.file).toBe(join(dir, 'hands_solution_packed_assets.data'));
    expect(error.message).toContain('hands_solution_packed_assets.data: 1000000 bytes');
    expect(error.message).toContain('4326731');
  });

  it('a truncated landmark model names the model file', async () => {
    const model = readFileSync(join(handsDir, 'hand_landmark_full.tflite'));
    const dir = brokenHands('hand_landmark_full.tflite', model.subarray(0, 4096));
    const error = await caught(() => readHandModelSources('full', dir));
    expect(error.file).toBe(join(dir, 'hand_landmark_full.tflite'));
    expect(error.message).toMatch(/hand_landmark_full\.tflite: not a valid flatbuffer/);
  });

  it('a model that is not TFLite names its identifier', async () => {
    const dir = brokenHands('hand_landmark_lite.tflite', new Uint8Array(64).fill(65));
    expect((await caught(() => readHandModelSources('lite', dir))).message).toContain('file identifier is "AAAA", expected "TFL3"');
  });

  it('a missing file names the path', async () => {
    const dir = brokenHands('hand_landmark_lite.tflite', '');
    rmSync(join(dir, 'hand_landmark_lite.tflite'));
    expect((await caught(() => readHandModelSources('lite', dir))).message).toContain(`${join(dir, 'hand_landmark_lite.tflite')}: missing`);
  });

  it('a loader without a file table names the loader and the line', async () => {
    expect((await caught(() => parseEmscriptenPackage('var x = 1;\n', 'loader.js'))).message).toContain('loader.js: no "loadPackage({...})"');
    const bad = 'line1\nloadPackage({"files": [{"filename": "/a", "start": 5, "end": 2}], "remote_package_size": 9});';
    expect((await caught(() => parseEmscriptenPackage(bad, 'loader.js'))).message).toContain('loader.js:2: files[0]');
  });

  it('@mediapipe/hands not installed where posestream is resolved from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'posestream-nohands-'));
    temps.push(dir);
    const error = await caught(() => locateMediapipeHands(pathToFileURL(join(dir, 'index.js')).href));
    expect(error.message).toContain('@mediapipe/hands is not installed');
  });

  it('copies of the real files build (the broken-copy helper itself is sound)', async () => {
    const dir = brokenHands('hand_landmark_lite.tflite', '');
    copyFileSync(join(handsDir, 'hand_landmark_lite.tflite'), join(dir, 'hand_landmark_lite.tflite'));
    expect((await readHandModelSources('lite', dir)).landmarkModel.byteLength).toBe(2_071_408);
  });
});
