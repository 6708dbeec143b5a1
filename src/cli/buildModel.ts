import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { ModelBuildError } from '../model/modelBuildError.js';
import type { HandModelVariant } from '../model/modelTypes.js';
import { importOptional, missingDependency } from './missingDependency.js';

const NEEDED_BY = 'runBuildModel() of posestream/node';

const USAGE = 'usage: posestream build-model --out DIR [--variant full|lite|both] [--force]\n';

/**
 * The `posestream build-model` command: builds the offline `hand_landmarker_<variant>.task` bundles from the
 * installed `@mediapipe/hands` package.
 *
 * Options: `--out DIR` (default `models`), `--variant full|lite|both` (default `both`), `--force` (rebuild even
 * when the stamp says the bundles are current). Prints one line per bundle (`wrote` or `up to date`). Resolves to
 * the exit code: 0 on success, 2 on bad arguments; a broken `@mediapipe/hands` rejects with `ModelBuildError`.
 * The builder's optional peers (`@mediapipe/hands`, `fflate`, `flatbuffers`) are imported when it runs: one that is
 * not installed rejects with a `MissingDependencyError` naming it and its install line.
 *
 * @example
 * ```ts
 * import { runBuildModel } from 'posestream/node';
 * process.exitCode = await runBuildModel(['--out', 'models', '--variant', 'full']);
 * ```
 */
export async function runBuildModel(argv: string[]): Promise<number> {
  let values: { out?: string; variant?: string; force?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string', short: 'o', default: 'models' },
        variant: { type: 'string', default: 'both' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`posestream build-model: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const variants = parseVariant(values.variant ?? 'both');
  if (variants === undefined) {
    process.stderr.write(`posestream build-model: --variant must be full, lite or both, not '${values.variant}'\n${USAGE}`);
    return 2;
  }
  const { buildHandModels } = await importOptional(NEEDED_BY, () => import('../model/buildHandModels.js'));
  const result = await buildHandModels({ outDir: values.out ?? 'models', variants, force: values.force ?? false }).catch((error: unknown) => {
    // @mediapipe/hands is a package of model files, found by resolving it: not resolvable is a missing peer too.
    throw (error instanceof ModelBuildError ? missingDependency(error.cause, NEEDED_BY) : undefined) ?? error;
  });
  for (const path of result.written) process.stdout.write(`wrote ${relative(process.cwd(), path)}\n`);
  for (const path of result.skipped) process.stdout.write(`up to date ${relative(process.cwd(), path)}\n`);
  return 0;
}

function parseVariant(value: string): HandModelVariant[] | undefined {
  if (value === 'both') return ['full', 'lite'];
  if (value === 'full' || value === 'lite') return [value];
  return undefined;
}
