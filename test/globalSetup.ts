/**
 * Once per test run: builds the package (scripts/build.ts: hand models, dist/, wasm assets) when dist/ is older
 * than any file in src/, because the browser tests of the demo and of the pipeline factory run the built package,
 * as an app does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const p = join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
}

export default function setup(): void {
  const stamp = 'dist/index.js';
  if (existsSync(stamp) && existsSync('dist/assets/tfjs') && statSync(stamp).mtimeMs >= newest('src')) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: 'inherit' });
}
