import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuildModel } from '../../src/cli/buildModel.js';
import { buildHandLandmarkerTask } from '../../src/model/buildHandLandmarkerTask.js';
import { buildHandModels, HAND_BUNDLE_STAMP } from '../../src/model/buildHandModels.js';
import { readHandModelSources } from '../../src/model/handModelSources.js';

const outDir = mkdtempSync(join(tmpdir(), 'posestream-models-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
const lite = join(outDir, 'hand_landmarker_lite.task');

describe('buildHandModels', () => {
  it('writes the bundle and a stamp, then skips it while inputs and output are unchanged', async () => {
    const first = await buildHandModels({ outDir, variants: ['lite'] });
    expect(first.written).toEqual([lite]);
    expect(first.skipped).toEqual([]);
    const bytes = readFileSync(lite);
    expect(bytes.equals(Buffer.from(buildHandLandmarkerTask(await readHandModelSources('lite'))))).toBe(true);
    const stamp = JSON.parse(readFileSync(join(outDir, HAND_BUNDLE_STAMP), 'utf8'));
    expect(Object.keys(stamp.variants)).toEqual(['lite']);
    expect(stamp.variants.lite.inputs).toMatch(/^[0-9a-f]{64}$/);

    const second = await buildHandModels({ outDir, variants: ['lite'] });
    expect(second.written).toEqual([]);
    expect(second.skipped).toEqual([lite]);
  });

  it('rebuilds a bundle whose bytes no longer match the stamp, to the same bytes', async () => {
    const good = readFileSync(lite);
    writeFileSync(lite, good.subarray(0, 1000));
    const result = await buildHandModels({ outDir, variants: ['lite'] });
    expect(result.written).toEqual([lite]);
    expect(readFileSync(lite).equals(good)).toBe(true);
  });

  it('rebuilds when the stamp records other inputs', async () => {
    const stampPath = join(outDir, HAND_BUNDLE_STAMP);
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    stamp.variants.lite.inputs = '0'.repeat(64);
    writeFileSync(stampPath, JSON.stringify(stamp));
    expect((await buildHandModels({ outDir, variants: ['lite'] })).written).toEqual([lite]);
  });
});

describe('runBuildModel (posestream build-model)', () => {
  it('returns 0 and reports the lite bundle up to date', async () => {
    expect(await runBuildModel(['--out', outDir, '--variant', 'lite'])).toBe(0);
  });

  it('returns 2 on a bad --variant or an unknown option, without building', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'posestream-models-bad-'));
    try {
      expect(await runBuildModel(['--out', empty, '--variant', 'huge'])).toBe(2);
      expect(await runBuildModel(['--out', empty, '--colour'])).toBe(2);
      expect(() => readFileSync(join(empty, HAND_BUNDLE_STAMP))).toThrow();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
