/**
 * Runs one scenario in this process and prints its records as JSON lines on stdout (progress goes to stderr).
 * bench/run.ts starts it as `node --expose-gc --import tsx bench/child.ts ...`, under `taskset -c 0` for the
 * one-core stall run, so each scenario gets a fresh heap and its own CPU affinity.
 */
import { BenchError } from './benchError.js';
import type { BenchRecord } from './benchTypes.js';
import { loadOperators } from './compiled.js';
import { runChain } from './scenarios/chain.js';
import { runClassifiers } from './scenarios/classifiers.js';
import { runSoak } from './scenarios/soak.js';
import { runStall } from './scenarios/stall.js';

function flag(argv: readonly string[], name: string): number {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : NaN;
  if (!Number.isFinite(v) || v <= 0) throw new BenchError(`bench/child.ts: ${name} needs a positive number, got ${argv[i + 1]}`);
  return v;
}

/** Runs the scenario named by `--scenario` and writes its JSON lines to stdout. */
export async function child(argv: readonly string[]): Promise<void> {
  const scenario = argv[argv.indexOf('--scenario') + 1];
  const ops = await loadOperators();
  let records: BenchRecord[];
  if (scenario === 'stall') {
    records = await runStall({ durationS: flag(argv, '--duration'), itersPerMs: flag(argv, '--iters-per-ms') }, ops);
  } else if (scenario === 'chain') {
    records = runChain(ops, flag(argv, '--chain-ms'));
  } else if (scenario === 'classifiers') {
    records = await runClassifiers(flag(argv, '--windows'));
  } else if (scenario === 'soak') {
    records = runSoak(ops, flag(argv, '--soak-minutes'));
  } else {
    throw new BenchError(`bench/child.ts: unknown --scenario ${String(scenario)} (stall, chain, soak or classifiers)`);
  }
  for (const r of records) process.stdout.write(`${JSON.stringify(r)}\n`);
}

child(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
