import type { BuildHandModelsOptions, BuildHandModelsResult, HandModelVariant } from './modelTypes.js';
import { buildHandLandmarkerTask } from './buildHandLandmarkerTask.js';
import { handModelFiles, locateMediapipeHands, readHandModelSources } from './handModelSources.js';

/** Bump when the bundle bytes change for the same inputs: stamps of another format are ignored. @internal */
export const HAND_BUNDLE_FORMAT = 'posestream-hand-landmarker-task/1';
/** Name of the stamp file written beside the bundles. @internal */
export const HAND_BUNDLE_STAMP = 'hand_landmarker.stamp';

interface Stamp {
  format: string;
  variants: Partial<Record<HandModelVariant, { inputs: string; output: string }>>;
}

/**
 * Builds `hand_landmarker_<variant>.task` files into a directory, skipping those already current.
 *
 * A variant is current when the stamp file (`hand_landmarker.stamp`, JSON) records the SHA-256 of its inputs
 * (the `@mediapipe/hands` files it reads, plus the bundle format) equal to the inputs now, and the `.task` file
 * on disk has the SHA-256 the stamp recorded for it. Otherwise the bundle is rebuilt (written to a temporary file,
 * then renamed) and the stamp updated. Errors in the inputs throw {@link ModelBuildError}.
 *
 * @example
 * ```ts
 * import { buildHandModels } from 'posestream/model';
 * const { written, skipped } = await buildHandModels({ outDir: 'models', variants: ['full'] });
 * ```
 */
export async function buildHandModels(options: BuildHandModelsOptions): Promise<BuildHandModelsResult> {
  // Node built-ins are imported on call, so that importing posestream in a browser bundle never pulls them in.
  const { createHash } = await import('node:crypto');
  const { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
  const inputsHash = (variant: HandModelVariant): string => {
    const files = handModelFiles(variant);
    const hash = createHash('sha256').update(HAND_BUNDLE_FORMAT + '\0' + variant);
    for (const name of [files.landmarkModel, files.packageData, files.packageLoader]) {
      const path = join(handsDir, name);
      hash.update('\0' + name + '\0').update(existsSync(path) ? sha256(readFileSync(path)) : 'missing');
    }
    return hash.digest('hex');
  };
  const readStamp = (path: string): Stamp => {
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Stamp;
      if (parsed.format === HAND_BUNDLE_FORMAT && typeof parsed.variants === 'object' && parsed.variants !== null) return parsed;
    } catch {
      // No stamp, or an unreadable one: everything is rebuilt.
    }
    return { format: HAND_BUNDLE_FORMAT, variants: {} };
  };
  const outDir = resolve(options.outDir);
  const handsDir = options.handsDir ?? (await locateMediapipeHands());
  const variants = options.variants ?? (['full', 'lite'] as const);
  const stampPath = join(outDir, HAND_BUNDLE_STAMP);
  mkdirSync(outDir, { recursive: true });
  const stamp = readStamp(stampPath);
  const result: BuildHandModelsResult = { written: [], skipped: [], stampPath };
  for (const variant of variants) {
    const output = join(outDir, `hand_landmarker_${variant}.task`);
    const inputs = inputsHash(variant);
    const recorded = stamp.variants[variant];
    if (!options.force && recorded?.inputs === inputs && existsSync(output) && sha256(readFileSync(output)) === recorded.output) {
      result.skipped.push(output);
      continue;
    }
    const bytes = buildHandLandmarkerTask(await readHandModelSources(variant, handsDir));
    const temporary = `${output}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, output);
    stamp.variants[variant] = { inputs, output: sha256(bytes) };
    result.written.push(output);
  }
  if (result.written.length > 0) writeFileSync(stampPath, JSON.stringify(stamp, null, 2) + '\n');
  return result;
}
