/**
 * Shared fixtures of the package tests (test/package/*.test.ts), each built once and reused by every file of a run
 * (and by later runs while nothing that goes into the package changed):
 * - `packTarball()`: `npm pack` of this checkout (its `prepack` is the real build);
 * - `userApp()`: a fresh `npm create vite@latest -- --template vanilla-ts` app with the README's "Use it in your
 *   app" → "Vite" section applied (its ```sh block run with the tarball for `posestream`, its ```ts block as
 *   `src/main.ts`), and node_modules measured before and after;
 * - `teachApp(main, files)`: the same fresh app with only `npm install <tarball>`, `src/main.ts` = `main` and
 *   `files` (e.g. `public/teach/*.ndjson`) written (the README's "Teach your own gestures" block);
 * - `typesProject()`: a tiny TypeScript project with the tarball installed;
 * - `nodeProject()`: a fresh Node project with only the tarball and rxjs installed (no optional peer).
 *
 * They live in `$TMPDIR/posestream-package/<checkout>/<key>/`, where `key` hashes what the tarball is made of
 * (package.json, the lockfile, tsconfigs, and the paths, sizes and mtimes of src/, bin/, scripts/, models/, samples/); a new
 * key deletes the older ones. Results are written last (`*.json`), so an interrupted run is redone, never reused.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The checkout under test. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Real data (read by path, never copied into the repo): `$POSESTREAM_DATA`, else `../shared/data` beside the checkout. */
export const SHARED_DATA = process.env.POSESTREAM_DATA ?? resolve(ROOT, '../shared/data');

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
const BASE = join(tmpdir(), 'posestream-package', sha(ROOT));

/** The environment for child npm/node processes: without vitest's and the outer npm script's variables. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VITEST|NODE_ENV$|TEST$|npm_lifecycle_|npm_package_|INIT_CWD$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Runs a command to its end: its exit code (null when killed by the timeout) and stdout+stderr. */
export function runStatus(cmd: string, args: string[], cwd: string, timeoutMs = 300_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise) => {
    execFile(cmd, args, { cwd, env: childEnv(), timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : error.killed ? null : typeof error.code === 'number' ? error.code : 1;
      resolvePromise({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** Runs a command; resolves its stdout+stderr, or rejects with the command, folder, exit and the output's tail. */
export async function run(cmd: string, args: string[], cwd: string, timeoutMs = 300_000): Promise<string> {
  const { code, output } = await runStatus(cmd, args, cwd, timeoutMs);
  if (code === 0) return output;
  const how = code === null ? `killed after ${timeoutMs} ms` : `exit ${code}`;
  throw new Error(`\`${cmd} ${args.join(' ')}\` failed in ${cwd} (${how}):\n${output.slice(-6000)}`);
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePromise(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A running `vite` (dev server) or `vite preview` (the built app) of an app on 127.0.0.1. */
export interface ViteServer {
  origin: string;
  /** The server's stdout+stderr so far. */
  output(): string;
  /** Stops it (its own process group: SIGTERM, SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** Starts `vite` / `vite preview` of the app in `dir` (its own node_modules/vite) on a free port; resolves once it answers. */
export async function startViteServer(dir: string, command: 'dev' | 'preview'): Promise<ViteServer> {
  const port = await freePort();
  const args = [join(dir, 'node_modules/vite/bin/vite.js'), ...(command === 'preview' ? ['preview'] : []), '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  const child = spawn(process.execPath, args, { cwd: dir, env: childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const stop = (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
    return new Promise((resolvePromise) => {
      const kill = (signal: NodeJS.Signals): void => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          resolvePromise(); // already gone
        }
      };
      const timer = setTimeout(() => kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolvePromise();
      });
      kill('SIGTERM');
    });
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite ${command} exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(origin)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`vite ${command} did not answer on ${origin} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { origin, output: () => output, stop };
}

function walk(dir: string, visit: (path: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path);
  }
}

/** What the tarball is made of, hashed (README.md is left out: it does not change what the package does). */
function packageKey(): string {
  const parts: string[] = [];
  // The fixture itself too: a change to how the projects are made must not reuse old ones.
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'test/package/packageFixture.ts']) {
    const path = join(ROOT, file);
    if (existsSync(path)) parts.push(`${file}\n${readFileSync(path, 'utf8')}`);
  }
  for (const dir of ['src', 'bin', 'scripts', 'models', 'samples']) {
    if (!existsSync(join(ROOT, dir))) continue;
    walk(join(ROOT, dir), (path) => {
      const s = statSync(path);
      parts.push(`${relative(ROOT, path)} ${s.size} ${s.mtimeMs}`);
    });
  }
  return sha(parts.sort().join('\n'));
}

let keyDir: string | undefined;
/** This checkout's cache folder for the current key (older keys deleted). */
function cacheDir(): string {
  if (keyDir !== undefined) return keyDir;
  const key = packageKey();
  mkdirSync(BASE, { recursive: true });
  for (const old of readdirSync(BASE)) if (old !== key) rmSync(join(BASE, old), { recursive: true, force: true });
  keyDir = join(BASE, key);
  mkdirSync(keyDir, { recursive: true });
  return keyDir;
}

/** Runs `make(tmp)` in a fresh `<name>.tmp` folder and renames it to `<name>` when it succeeded; cached after that. */
async function once(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(cacheDir(), name);
  if (existsSync(join(dir, '.done'))) return dir;
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await make(tmp);
  writeFileSync(join(tmp, '.done'), new Date().toISOString());
  renameSync(tmp, dir);
  return dir;
}

/** One file of a tarball. */
export interface TarEntry {
  /** Path inside the package (`dist/index.js`; npm's `package/` prefix removed). */
  path: string;
  size: number;
  data: Buffer;
}

/** The files of a .tgz (ustar, with pax `path` records), read with zlib: no `tar` binary needed. */
export function listTarball(tarball: string): TarEntry[] {
  const data = gunzipSync(readFileSync(tarball));
  const entries: TarEntry[] = [];
  let paxPath: string | undefined;
  for (let at = 0; at + 512 <= data.length; ) {
    const header = data.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const text = (from: number, length: number): string => header.toString('utf8', from, from + length).replace(/\0.*$/s, '');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1);
    const body = data.subarray(at + 512, at + 512 + size);
    const prefix = text(345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    paxPath = undefined;
    if (type === 'x') paxPath = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    else if (type === '0' || type === '') entries.push({ path: name.replace(/^package\//, ''), size, data: body });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** `npm pack` of this checkout (prepack = the real build): the .tgz path. */
export async function packTarball(): Promise<string> {
  const dir = await once('pack', async (tmp) => {
    await run('npm', ['pack', '--pack-destination', tmp], ROOT, 600_000);
  });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tgz === undefined) throw new Error(`npm pack wrote no .tgz into ${dir}`);
  return join(dir, tgz);
}

/** Bytes of a folder: apparent (sum of file sizes) and on disk (allocated blocks, hard links once), like `du`. */
export function folderSize(dir: string): { apparent: number; disk: number } {
  let apparent = 0;
  let disk = 0;
  const seen = new Set<string>();
  const visit = (path: string): void => {
    const s = lstatSync(path);
    if (s.isDirectory()) {
      disk += s.blocks * 512;
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    apparent += s.size;
    const id = `${s.dev}:${s.ino}`;
    if (!seen.has(id)) disk += s.blocks * 512;
    seen.add(id);
  };
  visit(dir);
  return { apparent, disk };
}

/** A package-lock.json's `packages` entries (path -> flags). */
export type LockPackages = Record<string, { version?: string; dev?: boolean; devOptional?: boolean; optional?: boolean; peer?: boolean }>;

/** The README's "## Use it in your app" → "### Vite" blocks. */
export interface ReadmeVite {
  sh: string[];
  ts: string;
}

/** Extracts the ```sh lines and the ```ts block of the README section "## Use it in your app" → "### Vite". */
export function readmeVite(): ReadmeVite {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = /^## Use it in your app\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (section === undefined) throw new Error('README.md has no "## Use it in your app" section');
  const vite = /^### Vite\n([\s\S]*?)(?=^### |$(?![\s\S]))/m.exec(section)?.[1];
  if (vite === undefined) throw new Error('README.md "## Use it in your app" has no "### Vite" subsection');
  const sh = /```sh\n([\s\S]*?)```/.exec(vite)?.[1];
  const ts = /```ts\n([\s\S]*?)```/.exec(vite)?.[1];
  if (sh === undefined || ts === undefined) throw new Error('README.md "### Vite" needs a ```sh block and a ```ts block');
  const lines = sh.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  return { sh: lines, ts };
}

/** The ```ts block of README section `## <section>` → `### <subsection>` (the first one of that subsection). */
export function readmeTsBlock(section: string, subsection: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = new RegExp(`^## ${escape(section)}\n([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`, 'm').exec(readme)?.[1];
  if (body === undefined) throw new Error(`README.md has no "## ${section}" section`);
  const sub = new RegExp(`^### ${escape(subsection)}\n([\\s\\S]*?)(?=^### |$(?![\\s\\S]))`, 'm').exec(body)?.[1];
  if (sub === undefined) throw new Error(`README.md "## ${section}" has no "### ${subsection}" subsection`);
  const ts = /```ts\n([\s\S]*?)```/.exec(sub)?.[1];
  if (ts === undefined) throw new Error(`README.md "### ${subsection}" has no \`\`\`ts block`);
  return ts;
}

/** `npm create vite@latest my-app -- --template vanilla-ts` in `parent`, then its own `npm install`: the app folder. */
async function createViteApp(parent: string): Promise<string> {
  await run('npm', ['create', '-y', 'vite@latest', 'my-app', '--', '--template', 'vanilla-ts', '--no-interactive'], parent);
  const app = join(parent, 'my-app');
  await run('npm', ['install', '--prefer-offline'], app);
  return app;
}

/** The fresh user app, measured. */
export interface UserApp {
  /** The app folder (`my-app`). */
  dir: string;
  /** node_modules before and after the README's install lines. */
  before: { apparent: number; disk: number; lock: LockPackages };
  after: { apparent: number; disk: number; lock: LockPackages };
  /** Output of the README's install lines. */
  installLog: string;
}

/**
 * The fresh vanilla-ts Vite app with posestream installed from the tarball the way the README says, and its
 * `src/main.ts` replaced by the README's block. Cached per tarball key and README section.
 */
export async function userApp(): Promise<UserApp> {
  const tarball = await packTarball();
  const vite = readmeVite();
  const name = `app-${sha(JSON.stringify(vite))}`;
  const dir = await once(name, async (tmp) => {
    const app = await createViteApp(tmp);
    const measure = () => ({ ...folderSize(join(app, 'node_modules')), lock: (JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: LockPackages }).packages });
    const before = measure();
    let installLog = '';
    for (const line of vite.sh) {
      if (line === 'npm install posestream') installLog += await run('npm', ['install', '--prefer-offline', tarball], app);
      else installLog += await run('sh', ['-c', line], app);
    }
    const after = measure();
    writeFileSync(join(app, 'src', 'main.ts'), vite.ts);
    writeFileSync(join(tmp, 'app.json'), JSON.stringify({ before, after, installLog }));
  });
  const measured = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as Omit<UserApp, 'dir'>;
  return { dir: join(dir, 'my-app'), ...measured };
}

/** `npm run build` of the user app (the template's `tsc && vite build`), once: its output. */
export async function buildUserApp(): Promise<{ dir: string; log: string }> {
  const app = await userApp();
  const logFile = join(app.dir, 'build.log.json');
  if (!existsSync(logFile)) {
    rmSync(join(app.dir, 'dist'), { recursive: true, force: true });
    const log = await run('npm', ['run', 'build'], app.dir);
    writeFileSync(logFile, JSON.stringify(log));
  }
  return { dir: app.dir, log: JSON.parse(readFileSync(logFile, 'utf8')) as string };
}

/**
 * A fresh vanilla-ts Vite app with the tarball installed (`npm install <tarball>`, as "npm install posestream"),
 * `src/main.ts` = `main`, and `files` written (paths relative to the app, e.g. `public/teach/train.ndjson`), then
 * built with the template's own `npm run build` (`tsc && vite build`, so `main` is type-checked as a user's app is).
 * Cached per tarball key and per `main` + `files`. Resolves the app folder and the build's output.
 */
export async function teachApp(main: string, files: Record<string, string> = {}): Promise<{ dir: string; buildLog: string }> {
  const tarball = await packTarball();
  const name = `teach-${sha(JSON.stringify([main, Object.entries(files).sort()]))}`;
  const dir = await once(name, async (tmp) => {
    const app = await createViteApp(tmp);
    await run('npm', ['install', '--prefer-offline', tarball], app);
    writeFileSync(join(app, 'src', 'main.ts'), main);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(app, path)), { recursive: true });
      writeFileSync(join(app, path), text);
    }
    writeFileSync(join(tmp, 'build.json'), JSON.stringify(await run('npm', ['run', 'build'], app)));
  });
  return { dir: join(dir, 'my-app'), buildLog: JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8')) as string };
}

/**
 * A tiny TypeScript project (`"type": "module"`) with the tarball, this repo's TypeScript and @types/node, and the
 * optional peers whose types posestream's entries name (playwright-core, vite, flatbuffers for the Node entries; react
 * and @angular/core for the adapters) installed.
 */
export async function typesProject(): Promise<string> {
  const tarball = await packTarball();
  const repo = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const pin = (name: string): string => `${name}@${repo.devDependencies[name] ?? 'latest'}`;
  return once('types', async (tmp) => {
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: 'types-check', private: true, type: 'module' }, null, 2));
    const peers = ['typescript', '@types/node', 'playwright-core', 'vite', 'flatbuffers', 'react', '@types/react', '@angular/core'];
    await run('npm', ['install', '--prefer-offline', tarball, ...peers.map(pin)], tmp);
  });
}

/**
 * A fresh Node project (`"type": "module"`) with only the tarball and `rxjs` (this repo's version) installed: no
 * optional peer, as an app that calls `posestream/node`'s loaders gets it. Cached per tarball key.
 */
export async function nodeProject(): Promise<string> {
  const tarball = await packTarball();
  const repo = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return once('node-only', async (tmp) => {
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: 'node-only', private: true, type: 'module' }, null, 2));
    await run('npm', ['install', '--prefer-offline', tarball, `rxjs@${repo.devDependencies.rxjs ?? '^7.8.0'}`], tmp);
  });
}
