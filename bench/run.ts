/**
 * `npm run bench` / `posestream bench`: the stall benchmark. Calibrates the CPU-burn loop once, runs each
 * scenario in a fresh child process (`node --expose-gc --import tsx bench/child.ts`; the one-core stall run
 * under `taskset -c 0`), writes every record to bench/out/latest.jsonl and prints JSON lines (`--json`) or
 * markdown tables.
 *
 * Flags: --duration S (stall seconds per row, default 20), --scenario stall|chain|soak|classifiers (repeatable, default all),
 * --json, --no-pin (skip the one-core stall run), --chain-ms MS (time per chain case, default 1500),
 * --soak-minutes M (virtual minutes, default 10), --out FILE (default bench/out/latest.jsonl).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from './benchError.js';
import type { BenchRecord, Scenario } from './benchTypes.js';
import { calibrateSpin } from './burn.js';
import { toJsonLines, toMarkdown } from './report.js';

/** Parsed command line of the benchmark. */
export interface BenchArgs {
  durationS: number;
  scenarios: Scenario[];
  json: boolean;
  pin: boolean;
  chainMs: number;
  soakMinutes: number;
  out: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Parses the flags; throws a BenchError naming the bad flag. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { durationS: 20, scenarios: [], json: false, pin: true, chainMs: 1500, soakMinutes: 10, out: fileURLToPath(new URL('./out/latest.jsonl', import.meta.url)) };
  const positive = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n <= 0) throw new BenchError(`bench: ${name} needs a positive number, got ${v ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--no-pin') args.pin = false;
    else if (a === '--duration') args.durationS = positive(a, argv[++i]);
    else if (a === '--chain-ms') args.chainMs = positive(a, argv[++i]);
    else if (a === '--soak-minutes') args.soakMinutes = positive(a, argv[++i]);
    else if (a === '--out') {
      const v = argv[++i];
      if (v === undefined || v === '') throw new BenchError('bench: --out needs a file path');
      args.out = v;
    } else if (a === '--scenario') {
      const s = argv[++i];
      if (s !== 'stall' && s !== 'chain' && s !== 'soak' && s !== 'classifiers') throw new BenchError(`bench: --scenario must be stall, chain, soak or classifiers, got ${s ?? 'nothing'}`);
      if (!args.scenarios.includes(s)) args.scenarios.push(s);
    } else throw new BenchError(`bench: unknown argument ${a} (flags: --duration S, --scenario stall|chain|soak, --json, --no-pin, --chain-ms MS, --soak-minutes M, --out FILE)`);
  }
  if (args.scenarios.length === 0) args.scenarios = ['stall', 'chain', 'soak', 'classifiers'];
  return args;
}

/** Runs bench/child.ts with `childArgs` (under `taskset -c 0` when `pinned`) and parses its JSON lines. */
function runChild(childArgs: string[], pinned: boolean): Promise<BenchRecord[]> {
  const nodeArgs = ['--expose-gc', '--import', 'tsx', CHILD, ...childArgs];
  const [cmd, args] = pinned ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', (err) => reject(new BenchError(`bench: could not start ${cmd}: ${err.message}`, { cause: err })));
    child.on('close', (code) => {
      if (code !== 0) return reject(new BenchError(`bench: ${cmd} ${args.join(' ')} exited with code ${code}`));
      const records: BenchRecord[] = [];
      for (const [n, line] of stdout.split('\n').entries()) {
        if (line.trim() === '') continue;
        let r: unknown;
        try {
          r = JSON.parse(line);
        } catch (error) {
          return reject(new BenchError(`bench: child output line ${n + 1} is not JSON: ${line.slice(0, 120)}`, { cause: error }));
        }
        if (typeof r !== 'object' || r === null || typeof (r as BenchRecord).scenario !== 'string' || typeof (r as BenchRecord).row !== 'string') {
          return reject(new BenchError(`bench: child output line ${n + 1} lacks scenario/row: ${line.slice(0, 120)}`));
        }
        records.push(r as BenchRecord);
      }
      resolve(records);
    });
  });
}

function canPin(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/** Runs the benchmark; returns the records (also written to bench/out/latest.jsonl) and the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const log = (m: string): void => void process.stderr.write(`bench: ${m}\n`);
  const itersPerMs = calibrateSpin();
  log(`calibrated: ${Math.round(itersPerMs)} loop iterations per ms`);
  const records: BenchRecord[] = [];
  const emit = (rs: BenchRecord[]): void => {
    records.push(...rs);
    if (args.json) process.stdout.write(toJsonLines(rs));
  };
    for (const scenario of args.scenarios) {
      if (scenario === 'stall') {
        const stallArgs = ['--scenario', 'stall', '--duration', String(args.durationS), '--iters-per-ms', String(itersPerMs)];
        log(`stall: 5 rows (idle first) x ${args.durationS} s on every core`);
        emit(await runChild(stallArgs, false));
        if (args.pin) {
          if (canPin()) {
            log(`stall: 5 rows (idle first) x ${args.durationS} s pinned to one core (taskset -c 0)`);
            emit(await runChild(stallArgs, true));
          } else log('stall: taskset is not available, skipping the one-core run');
        }
      } else if (scenario === 'chain') {
        log('chain: window sizes 30 and 120');
        emit(await runChild(['--scenario', 'chain', '--chain-ms', String(args.chainMs)], false));
      } else if (scenario === 'classifiers') {
        log('classifiers: 400 real windows through each packaged model in a Node worker');
        emit(await runChild(['--scenario', 'classifiers', '--windows', '400'], false));
      } else {
        log(`soak: ${args.soakMinutes} virtual minutes at 240 fps`);
        emit(await runChild(['--scenario', 'soak', '--soak-minutes', String(args.soakMinutes)], false));
      }
    }
  mkdirSync(dirname(resolve(ROOT, args.out)), { recursive: true });
  writeFileSync(resolve(ROOT, args.out), toJsonLines(records));
  if (!args.json) process.stdout.write(toMarkdown(records));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof BenchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
