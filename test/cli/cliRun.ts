/** Runs the real `posestream` command (bin/posestream.js) in a child process and collects its exit code and output. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = resolve('bin/posestream.js');

/** The exit code, stdout and stderr of `posestream ...args` (a kill after `timeoutMs` is exit code -1). */
export async function cliRun(args: string[], timeoutMs = 120_000): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { timeout: timeoutMs, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The kairess takes (../shared/data) the CLI tests write as posestream/v1 recordings at test time. */
export const KAIRESS_DIR = resolve('../shared/data/landmarks/kairess-gesture-recognition');
