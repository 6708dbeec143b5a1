// `posestream/node` as a Node tool's author gets it: a fresh project with only posestream (from the packed tarball)
// and rxjs installed, none of the optional peers. The entry loads, its loaders run, and a function that needs a tool
// rejects with MissingDependencyError naming the package and its install line (it failed with
// ERR_MODULE_NOT_FOUND 'playwright-core' at import before).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv, nodeProject, ROOT, SHARED_DATA } from './packageFixture.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const OPTIONAL = Object.entries(pkg.peerDependenciesMeta).filter(([, m]) => m.optional).map(([name]) => name);
const KAIRESS = join(SHARED_DATA, 'landmarks/kairess-gesture-recognition');

/** What the project's own Node saw. */
interface Seen {
  loaded: Record<string, number | string>;
  kairess: number;
  launchChromium: Record<string, unknown>;
  runTrain: Record<string, unknown>;
}

const script = `
const outcome = (p) => p.then((value) => ({ value }), (e) => ({ name: e?.name, code: e?.code, packageName: e?.packageName, install: e?.install, message: e?.message, typed: e instanceof node.MissingDependencyError }));
const loaded = {};
for (const entry of ['posestream/node', 'posestream', 'posestream/workers', 'posestream/testing']) {
  loaded[entry] = await import(entry).then((m) => Object.keys(m).length, (e) => String(e));
}
const node = await import('posestream/node');
const kairess = (await node.loadKairess(${JSON.stringify(KAIRESS)})).length;
const launchChromium = await outcome(node.launchChromium());
const runTrain = await outcome(node.runTrain(['take.ndjson', '--out', 'model']));
process.stdout.write(JSON.stringify({ loaded, kairess, launchChromium, runTrain }));
`;

let project: string;
let seen: Seen;
beforeAll(async () => {
  project = await nodeProject();
  const stdout = await new Promise<string>((resolvePromise, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env: childEnv(), timeout: 120_000 }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolvePromise(out),
    ),
  );
  seen = JSON.parse(stdout) as Seen;
}, 900_000);

describe('posestream/node in a project with only posestream and rxjs', () => {
  it('has none of the optional peers installed (the control)', () => {
    expect(OPTIONAL).toEqual(expect.arrayContaining(['playwright-core', 'vite', 'sirv', '@tensorflow/tfjs', 'fflate', 'flatbuffers']));
    expect(OPTIONAL.filter((name) => existsSync(join(project, 'node_modules', name)))).toEqual([]);
    expect(existsSync(join(project, 'node_modules/posestream/dist/node.js'))).toBe(true);
  });

  it('loads posestream/node (and posestream, /workers, /testing), and its loaders run', () => {
    for (const [entry, names] of Object.entries(seen.loaded)) expect(names, entry).toBeTypeOf('number');
    expect(seen.loaded['posestream/node']).toBeGreaterThan(10);
    expect(seen.kairess).toBeGreaterThan(0);
  });

  it('launchChromium() rejects with MissingDependencyError naming playwright-core and its install line', () => {
    const install = `npm install -D playwright-core@${pkg.peerDependencies['playwright-core']}`;
    expect(seen.launchChromium).toEqual({
      name: 'MissingDependencyError',
      code: 'missing-dependency',
      packageName: 'playwright-core',
      install,
      message: `launchChromium() of posestream/node needs playwright-core, an optional peer dependency that is not installed; install it with: ${install}`,
      typed: true,
    });
  });

  it('runTrain() rejects with MissingDependencyError naming @tensorflow/tfjs', () => {
    expect(seen.runTrain).toMatchObject({
      name: 'MissingDependencyError',
      packageName: '@tensorflow/tfjs',
      install: `npm install -D @tensorflow/tfjs@${pkg.peerDependencies['@tensorflow/tfjs']}`,
      typed: true,
    });
  });
});
