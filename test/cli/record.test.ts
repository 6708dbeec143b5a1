/**
 * `posestream record` failures: the output path checked before Chromium starts, and a video Chromium cannot decode
 * (one run of headless Chromium) leaving no file and printing no stack or internal URL.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliRun } from './cliRun.js';

const dir = mkdtempSync(join(tmpdir(), 'posestream-record-'));
const notVideo = join(dir, 'notes.mp4');
writeFileSync(notVideo, 'this is not a video\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => cliRun(['record', ...args], 180_000);

describe('posestream record', () => {
  it('prints its help with --help, exit 0 (was a usage error, exit 2)', async () => {
    const { code, stdout, stderr } = await cli(['--help']);
    expect([code, stderr]).toEqual([0, '']);
    for (const flag of ['-o, --out FILE', '--force', '--model full|lite', '--hands N']) expect(stdout).toContain(flag);
  });

  it('checks -o before Chromium starts: a missing folder, a folder, an existing file (without --force)', async () => {
    const existing = join(dir, 'existing.ndjson');
    writeFileSync(existing, 'keep me\n');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const cases: [string, RegExp][] = [
      [join(dir, 'no', 'such', 'out.ndjson'), /option `-o` must be a path in an existing directory, got .*no\/such\/out\.ndjson \(no directory .*no\/such\)/],
      [`${join(dir, 'sub')}/`, /option `-o` must be a file path, not a directory/],
      [join(dir, 'sub'), /option `-o` must be a file path, not a directory/],
      [existing, /option `-o` must be a file that does not exist yet \(pass --force to overwrite it\), got .*existing\.ndjson \(it exists\)/],
    ];
    for (const [out, message] of cases) {
      const { code, stderr } = await cli([notVideo, '-o', out]);
      expect(code, out).toBe(2);
      expect(stderr.split('\n')[0]).toMatch(message);
      expect(stderr.split('\n')[0]).toMatch(/^posestream record: option/);
      expect(stderr).not.toMatch(/\n\s+at |posestream record: posestream record|'error' event/);
    }
    const flags = await cli([notVideo, '-o', join(dir, 'x.ndjson'), '--hands', '9']);
    expect([flags.code, flags.stderr.split('\n')[0]]).toEqual([2, 'posestream record: option `--hands` must be an integer in 1..4 (hands per frame), got 9']);
  });

  it('a file that is not a video: one line naming it, no stack, no http://127.0.0.1 URL, and no output file left', async () => {
    const out = join(dir, 'notes.ndjson');
    const { code, stderr } = await cli([notVideo, '-o', out]);
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((l) => l.startsWith('posestream record:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^posestream record: RecordError: ${notVideo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Chromium could not record it: .*`));
    expect(stderr).not.toMatch(/https?:\/\/|\n\s+at /);
    // Neither the output nor its temporary file is left (was a 0-byte out file).
    expect(readdirSync(dir).filter((f) => f.includes('notes.ndjson'))).toEqual([]);
  });
});
