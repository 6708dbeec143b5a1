// `posestream/node` in an app that installed none of the optional peers: every optional peer of package.json is
// hidden by a resolve hook (test/fixtures/node/hideOptionalPeers.mjs) in a child Node process. The entry loads,
// its loaders work, and each function that needs a tool rejects with MissingDependencyError naming the package.
// (test/package/nodeEntry.test.ts does the same from the packed tarball in a fresh project.)
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const KAIRESS = resolve(ROOT, '../shared/data/landmarks/kairess-gesture-recognition');
const HIDE = join(ROOT, 'test/fixtures/node/hideOptionalPeers.mjs');
const peers = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> }).peerDependencies;

/** What the child saw: the entry's export names, and per call its outcome. */
interface Seen {
  exports: string[];
  direct: { code?: string; message?: string };
  kairess: number;
  calls: Record<string, { name?: string; code?: string; packageName?: string; install?: string; message?: string; value?: unknown }>;
  mainStderr: string;
}

const script = `
const node = await import(${JSON.stringify(join(ROOT, 'src/node.ts'))});
const outcome = (p) => p.then((value) => ({ value }), (e) => ({ name: e?.name, code: e?.code, packageName: e?.packageName, install: e?.install, message: e?.message }));
const seen = { exports: Object.keys(node).sort(), calls: {} };
seen.direct = await import('playwright-core').then(() => ({}), (e) => ({ code: e.code, message: e.message }));
seen.kairess = (await node.loadKairess(${JSON.stringify(KAIRESS)})).length;
seen.calls.launchChromium = await outcome(node.launchChromium());
seen.calls.runRecord = await outcome(node.runRecord(['package.json', '-o', ${JSON.stringify(join(tmpdir(), 'posestream-node-test-none.ndjson'))}]));
seen.calls.runBuildModel = await outcome(node.runBuildModel(['--out', ${JSON.stringify(join(tmpdir(), 'posestream-node-test-models'))}]));
seen.calls.runTrain = await outcome(node.runTrain(['take.ndjson', '--out', 'none']));
seen.calls.runEval = await outcome(node.runEval(['take.ndjson', '--model', 'none']));
let stderr = '';
const write = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk) => ((stderr += chunk), true);
seen.calls.main = await outcome(node.main(['record', 'package.json', '-o', 'none.ndjson']));
process.stderr.write = write;
seen.mainStderr = stderr;
process.stdout.write(JSON.stringify(seen));
`;

let seen: Seen;
beforeAll(async () => {
  const stdout = await new Promise<string>((resolvePromise, reject) =>
    execFile(process.execPath, ['--import', 'tsx', '--import', HIDE, '--input-type=module', '-e', script], { cwd: ROOT, timeout: 60_000 }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolvePromise(out),
    ),
  );
  seen = JSON.parse(stdout) as Seen;
}, 90_000);

describe('posestream/node without the optional peers', () => {
  it('hides them (the control: importing playwright-core itself fails as when it is not installed)', () => {
    expect(seen.direct).toMatchObject({ code: 'ERR_MODULE_NOT_FOUND', message: expect.stringContaining("Cannot find package 'playwright-core'") });
  });

  it('loads, and its loaders work', () => {
    expect(seen.exports).toEqual(expect.arrayContaining(['loadKairess', 'readNpy', 'recordPoses', 'main', 'launchChromium', 'MissingDependencyError']));
    expect(seen.kairess).toBeGreaterThan(0);
  });

  it('launchChromium() rejects with MissingDependencyError naming playwright-core and its install line', () => {
    expect(seen.calls.launchChromium).toEqual({
      name: 'MissingDependencyError',
      code: 'missing-dependency',
      packageName: 'playwright-core',
      install: `npm install -D playwright-core@${peers['playwright-core']}`,
      message: `launchChromium() of posestream/node needs playwright-core, an optional peer dependency that is not installed; install it with: npm install -D playwright-core@${peers['playwright-core']}`,
    });
  });

  it('runRecord, runBuildModel, runTrain and runEval name the tool each needs first', () => {
    expect(seen.calls.runRecord).toMatchObject({ name: 'MissingDependencyError', packageName: 'vite', install: `npm install -D vite@${peers.vite}` });
    expect(seen.calls.runBuildModel).toMatchObject({ name: 'MissingDependencyError', packageName: expect.stringMatching(/^(flatbuffers|fflate|@mediapipe\/hands)$/) });
    expect(seen.calls.runBuildModel?.message).toMatch(/^runBuildModel\(\) of posestream\/node needs /);
    for (const call of [seen.calls.runTrain, seen.calls.runEval]) {
      expect(call).toMatchObject({ name: 'MissingDependencyError', packageName: '@tensorflow/tfjs', install: `npm install -D @tensorflow/tfjs@${peers['@tensorflow/tfjs']}` });
    }
  });

  it('the CLI names the command that needs the tool (exit code 1)', () => {
    expect(seen.calls.main).toEqual({ value: 1 });
    expect(seen.mainStderr).toBe(
      `posestream record: MissingDependencyError: posestream record needs vite, an optional peer dependency that is not installed; install it with: npm install -D vite@${peers.vite}\n`,
    );
  });
});
