// What `npm install posestream` costs a fresh Vite app (vanilla-ts template): node_modules growth, and that none
// of the repo's tools (Vite, sirv, Playwright, the legacy hand solution, the tfjs union, tsx) come with it.
import { beforeAll, describe, expect, it } from 'vitest';
import { userApp } from './packageFixture.js';
import type { LockPackages, UserApp } from './packageFixture.js';

/** At most this much node_modules growth on disk, in MB as `du -sm` counts them (MiB of allocated blocks). */
const MAX_GROWTH_MB = 180;
/** Packages that must not arrive with posestream (anywhere in the tree, nested duplicates included). */
const FORBIDDEN = [
  'vite',
  'rolldown',
  'esbuild',
  'sirv',
  'playwright-core',
  'playwright',
  '@mediapipe/hands',
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-node',
  'tsx',
  'typescript',
  'fflate',
  'flatbuffers',
];

const nameOf = (lockPath: string): string => lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
const added = (before: LockPackages, after: LockPackages): string[] => Object.keys(after).filter((p) => p !== '' && !(p in before));

let app: UserApp;
beforeAll(async () => {
  app = await userApp();
}, 900_000);

describe('npm install posestream in a fresh Vite app', () => {
  it(`grows node_modules by at most ${MAX_GROWTH_MB} MB`, () => {
    const apparent = (app.after.apparent - app.before.apparent) / 2 ** 20;
    const disk = (app.after.disk - app.before.disk) / 2 ** 20;
    const newPackages = added(app.before.lock, app.after.lock);
    console.log(
      `install size: node_modules grew by ${disk.toFixed(1)} MiB on disk (du -sm; ${apparent.toFixed(1)} MiB of file ` +
        `contents), ${(app.before.disk / 2 ** 20).toFixed(1)} -> ${(app.after.disk / 2 ** 20).toFixed(1)} MiB, ${newPackages.length} packages added`,
    );
    expect(newPackages).toContain('node_modules/posestream');
    expect(disk).toBeLessThanOrEqual(MAX_GROWTH_MB);
  });

  it('brings none of the tools: no vite duplicate, sirv, playwright-core, @mediapipe/hands, the tfjs union, tsx', () => {
    const arrived = added(app.before.lock, app.after.lock).filter((p) => FORBIDDEN.includes(nameOf(p)));
    expect(arrived).toEqual([]);
    // The app's own vite stays a dev-only package: nothing in the production tree (posestream) requires it
    // (an optional peer is allowed: npm marks that `devOptional`).
    const vite = app.after.lock['node_modules/vite'];
    expect(vite, 'the app lost its own vite').toBeDefined();
    expect(vite!.dev === true || vite!.devOptional === true, JSON.stringify(vite)).toBe(true);
    expect(app.after.lock['node_modules/vite']?.version).toBe(app.before.lock['node_modules/vite']?.version);
  });
});
