// The README's quick start and its "Test with recorded pose streams" block, run exactly as written (each saved as
// an .mjs file, run with `node`) in a fresh project that installed only the packed tarball and rxjs: they read the
// sample recording the package ships (node_modules/posestream/samples/swipes.ndjson) and print its swipes.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv, nodeProject, ROOT } from './packageFixture.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const quickStart = /## Quick start\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
const testing = /## Test with recorded pose streams[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
const SWIPE = /^swipe_(up|down|left|right)$/;

/** Runs `node <file>` in the project: exit code and stdout + stderr. */
function node(project: string, file: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [file], { cwd: project, env: childEnv(), timeout: timeoutMs }, (error, stdout, stderr) =>
      resolvePromise({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
    );
  });
}

let project: string;
beforeAll(async () => {
  project = await nodeProject();
}, 900_000);

describe('the README in a fresh project (tarball + rxjs only)', () => {
  it('ships the sample recording where the README reads it', () => {
    expect(quickStart).toContain("'node_modules/posestream/samples/swipes.ndjson'");
    expect(testing).toContain("'node_modules/posestream/samples/swipes.ndjson'");
    expect(existsSync(join(project, 'node_modules/posestream/samples/swipes.ndjson'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/posestream/samples/README.md'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/posestream/samples/LICENSE-seniormars-gesture'))).toBe(true);
  });

  it('runs the quick start: start/end pairs of swipes over the whole recording, then exits', async () => {
    writeFileSync(join(project, 'quickstart.mjs'), quickStart!);
    // The recording is replayed on its own clock (40 s); the worker is terminated when it ends, so node exits.
    const { code, stdout, stderr } = await node(project, 'quickstart.mjs', 180_000);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => l.split(' '));
    expect(lines.length).toBeGreaterThanOrEqual(2 * 6);
    for (const [k, line] of lines.entries()) {
      expect(line[0], line.join(' ')).toBe(k % 2 === 0 ? 'start' : 'end');
      expect(line[1], line.join(' ')).toMatch(SWIPE);
      if (k % 2 === 1) expect(line[1]).toBe(lines[k - 1]![1]);
    }
  }, 240_000);

  it('runs the testing example: the swipes found, at once, in virtual time', async () => {
    writeFileSync(join(project, 'testing.mjs'), testing!);
    const { code, stdout, stderr } = await node(project, 'testing.mjs', 60_000);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) expect(line).toMatch(/^swipe_(up|down|left|right) \d+(\.\d+)? \d+(\.\d+)?$/);
  });
});
