// `posestream train --kind templates` and `posestream classify --model <taught model.json>` through the real command
// (bin/posestream.js, child processes), on real kairess takes (../shared/data, written as posestream/v1 recordings
// with label lines at test time): the model taught in Node is the page's kind, and classify runs it with its own
// window and gesture settings, giving the events runTaughtModel gives on the same frames.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTaughtModel, runTaughtModel } from 'posestream';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { joinSegments, kairessSplit } from '../../eval/teachingStreams.js';
import { cliRun, KAIRESS_DIR } from './cliRun.js';

const dir = mkdtempSync(join(tmpdir(), 'posestream-templates-cli-'));
const teachPath = join(dir, 'teach.ndjson');
const testPath = join(dir, 'test.ndjson');
const out = join(dir, 'taught');
let test: ReturnType<typeof joinSegments>;
beforeAll(async () => {
  const split = await kairessSplit(KAIRESS_DIR);
  const teach = joinSegments(split.teach, split.fps, { join: 'moving', name: 'teach', seed: 1 });
  test = joinSegments(split.test.slice(0, 12), split.fps, { join: 'still', name: 'test', seed: 2 });
  writeFileSync(teachPath, serializeRecording({ header: { format: 'posestream/v1', fps: split.fps }, frames: [...teach.frames], labels: [...teach.labels] }));
  writeFileSync(testPath, serializeRecording({ header: { format: 'posestream/v1', fps: split.fps }, frames: [...test.frames] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('posestream train --kind templates, classify --model taught.json', () => {
  it('teaches a template model from a recording with label lines (none from the unlabelled frames) and writes DIR/model.json', async () => {
    const r = await cliRun(['train', '--kind', 'templates', teachPath, '--out', out]);
    expect(r.stderr).toMatch(/matching \d+\/\d+/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/taught away, come, spin \(\+ none\) from away \d+, come \d+, spin \d+; window 30 frames over 2000 ms/);
    const model = parseTaughtModel(JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')), 'model.json');
    expect(model.labels).toEqual(['away', 'come', 'spin', 'none']);
  });

  it('--keep-swipes: the taught model keeps the four swipes (classify then names them too); without --kind templates it is a usage error', async () => {
    const kept = join(dir, 'kept');
    const r = await cliRun(['train', '--kind', 'templates', '--keep-swipes', teachPath, '--out', kept]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/taught away, come, spin \(\+ none, swipes kept\)/);
    const model = parseTaughtModel(JSON.parse(readFileSync(join(kept, 'model.json'), 'utf8')), 'model.json');
    expect(model.swipes).toEqual({});
    const bad = await cliRun(['train', '--keep-swipes', teachPath, '--out', join(dir, 'gru')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--keep-swipes/);
  });

  it("classify runs it with its own window and stableGestures settings: runTaughtModel's events on the same frames", async () => {
    const model = parseTaughtModel(JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')), 'model.json');
    const expected = runTaughtModel(model, test.frames).filter((e) => e.phase === 'end').map(({ label, startFrame, endFrame }) => ({ label, startFrame, endFrame }));
    expect(expected.length).toBeGreaterThan(3);
    for (const model of [join(out, 'model.json'), out]) {
      const r = await cliRun(['classify', testPath, '--model', model, '--timing', 'asap', '--json']);
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; label: string; startFrame: number; endFrame: number });
      expect(lines.filter((l) => l.type === 'gesture').map(({ label, startFrame, endFrame }) => ({ label, startFrame, endFrame }))).toEqual(expected);
    }
  });

  it('a --window or --window-ms other than the taught model\'s is a usage error naming it; a malformed taught model names the file and field', async () => {
    const window = await cliRun(['classify', testPath, '--model', out, '--window', '20']);
    expect(window.code).toBe(2);
    expect(window.stderr).toMatch(/--window.*30 frames, the window the model takes/);
    const ms = await cliRun(['classify', testPath, '--model', out, '--window-ms', '1000']);
    expect(ms.code).toBe(2);
    expect(ms.stderr).toMatch(/--window-ms.*2000 ms, the window the taught model was taught on/);
    const bad = join(dir, 'bad.json');
    const json = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
    writeFileSync(bad, JSON.stringify({ ...json, thresholds: {} }));
    const r = await cliRun(['classify', testPath, '--model', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/TaughtModelError: --model .*bad\.json: .*bad\.json: thresholds\["away"\] must be a finite number|TaughtModelError: .*bad\.json.*thresholds\["away"\] must be a finite number/);
  });
});
