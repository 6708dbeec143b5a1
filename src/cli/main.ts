/**
 * The `posestream` command: one sub-command per file in src/cli, loaded on demand so that `posestream classify`
 * never pays for Chromium or training code.
 */
import { PosestreamError } from '../errors.js';
import { MissingDependencyError, missingDependency } from './missingDependency.js';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';

type Command = (argv: string[]) => Promise<number | void>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  classify: {
    summary:
      'classify <recording.ndjson|URL|-> [--model DIR] [--timing recorded|asap] [--policy latest|drop] [--window N]\n' +
      '           [--window-ms MS (0: no resampling)] [--threshold S] [--min-consecutive K] [--json] [--help]',
    load: async () => (await import('./classify.js')).runClassify,
  },
  record: {
    summary: 'record <video-file> -o out.ndjson [--force] [--hands N] [--model full|lite] [--help]',
    load: async () => (await import('./record.js')).runRecord,
  },
  'build-model': {
    summary: 'build-model --out DIR [--variant full|lite|both]',
    load: async () => (await import('./buildModel.js')).runBuildModel,
  },
  train: {
    summary: 'train <recordings...> --out DIR [--force] [options] [--help]',
    load: async () => (await import('./train.js')).runTrain,
  },
  eval: {
    summary: 'eval <recordings...> --model DIR [--json] [options] [--help]',
    load: async () => (await import('./eval.js')).runEval,
  },
  bench: {
    summary: 'bench [--json] [--duration S] [--scenario stall|chain|soak]',
    load: async () => (await import('./bench.js')).runBench,
  },
};

function usage(): string {
  const lines = Object.values(commands).map((c) => `  posestream ${c.summary}`);
  return `usage:\n${lines.join('\n')}\n`;
}

/** Whether `error` is a bad command line: an unknown flag or a missing or bad flag value. */
function isUsageError(error: unknown): boolean {
  if (error instanceof InvalidOptionError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** `message` without a leading `posestream <command>: ` (the CLI prints that prefix once, itself). */
function bare(name: string, message: string): string {
  const prefix = `posestream ${name}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/**
 * Runs the CLI with `argv` (without node and the script); resolves to the process exit code. A bad command line
 * (an unknown flag, a flag without its value, an out-of-range value) prints what was wrong and the command's usage,
 * exit code 2; a `PosestreamError` is printed as one line naming what was wrong (exit 1); anything else with its
 * stack. Every message carries the `posestream <command>:` prefix once. `posestream <command> --help` prints that
 * command's help (exit 0). A command whose optional peer dependency is not installed (e.g. `record` without `playwright-core`) prints a
 * `MissingDependencyError` naming the package and the `npm install -D` line that adds it.
 *
 * @example
 * ```ts
 * import { main } from 'posestream/node';
 * process.exitCode = await main(['classify', 'take.ndjson', '--json']);
 * ```
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`posestream: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  try {
    const code = await (await command.load())(rest);
    return typeof code === 'number' ? code : 0;
  } catch (thrown) {
    const missing = missingDependency(thrown, `posestream ${name}`);
    // A function the command called names itself; the CLI names the command.
    const error = missing ? new MissingDependencyError(`posestream ${name}`, missing.packageName, missing.install, { cause: thrown }) : thrown;
    if (isUsageError(error)) {
      process.stderr.write(`posestream ${name}: ${bare(name, (error as Error).message)}\nusage: posestream ${command.summary}\n`);
      return 2;
    }
    const message = error instanceof PosestreamError ? `${error.name}: ${bare(name, error.message)}` : String(error);
    process.stderr.write(`posestream ${name}: ${message}\n`);
    if (!(error instanceof PosestreamError) && error instanceof Error && error.stack) {
      process.stderr.write(`${error.stack}\n`);
    }
    return 1;
  }
}
