/**
 * Builds models/hand_landmarker_full.task and models/hand_landmarker_lite.task from @mediapipe/hands (skips the
 * work when models/hand_landmarker.stamp says they are current). Run at install/build time:
 *
 *     npx tsx scripts/build-model.ts [--out models] [--variant full|lite|both] [--force]
 */
import { PosestreamError } from '../src/errors.js';
import { runBuildModel } from '../src/cli/buildModel.js';

try {
  process.exitCode = await runBuildModel(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`build-model: ${error instanceof PosestreamError ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exitCode = 1;
}
