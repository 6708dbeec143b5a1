// Every public entry of package.json "exports", as built into dist/ (test/globalSetup.ts rebuilds dist/ when src/
// is newer) and as its source: none exports the internals of the workers path, the worker-side services, or the
// repository's own build, bench and dataset helpers; each still exports what its audience calls.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
type Target = string | { types?: string; import?: string };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Target> };

/** Names that no public entry may export (values; their types go with them where only they use them). */
const INTERNAL = [
  // the workers path's internals (were in `posestream`)
  'packPoseFrame', 'unpackPoseFrame', 'yuvToRgba', 'createForwardingMonitor', 'snapshotStats', 'reviveBrowserError', 'STAGES', 'VALUES_PER_FRAME', 'percentiles',
  'YuvToRgbaFormat', 'PlaneLayoutLike', 'YuvColor', 'ForwardingMonitor', 'ForwardingMonitorOptions',
  // the worker-side services (were in `posestream/workers`)
  'withHandStream', 'withGestureStream', 'createTfjsClassifierService', 'createFunctionClassifierService', 'featureTransformFor', 'createHandLandmarkerWorkerApi',
  'mapHandLandmarkerResult', 'nodeBuiltin', 'createVideoFrameConverter', 'FeatureTransform', 'VideoFrameConverter',
  // the repository's own build, bench and dataset helpers (were in `posestream/node`, `/model`, `/train`)
  'runBench', 'BenchError', 'startPageServer', 'staticMounts', 'StartPageServerOptions', 'PageServer',
  'parseEmscriptenPackage', 'extractPackedFile', 'buildImageModelMetadata', 'METADATA_SCHEMA', 'addTfliteMetadata', 'PREFIX_ALIGNMENT', 'readTfliteModel',
  'TFLITE_SCHEMA', 'createStoredZip', 'createFlatView', 'HAND_BUNDLE_STAMP', 'HAND_BUNDLE_FORMAT', 'HAND_TASK_ENTRIES', 'EmscriptenPackage', 'FlatView',
  'buildDefaultDataset', 'readKeypointShapes', 'readPointHistoryTracks', 'synthesizeTrackMotion', 'DefaultDatasetOptions', 'DefaultDataset', 'TrackMotionOptions',
];

/** A few names each entry's audience calls, so that an entry that exports nothing fails too. */
const KEPT: Record<string, string[]> = {
  '.': ['createHandGesturePipeline', 'slidingWindow', 'classifyLatest', 'pipelineStats', 'createPipelineMonitor', 'packWindow', 'fromVideoFrameStream', 'pageClock', 'DEFAULT_MODEL_SETTINGS', 'usingResource'],
  './workers': ['spawnWorker', 'exposeWorker', 'createClassifierWorker', 'createFunctionClassifierWorker', 'createHandEstimatorWorker', 'ModelLoadError'],
  './testing': ['replayRecording', 'createFakeEstimator', 'createFakeClassifier', 'syntheticHand', 'syntheticPoseStream'],
  './node': ['recordPoses', 'readNpy', 'loadKairess', 'main', 'runClassify', 'runRecord', 'runBuildModel', 'runTrain', 'runEval', 'launchChromium', 'findChromium', 'MissingDependencyError'],
  './train': ['trainGestureModel', 'evaluateGestureModel', 'poseFrameWindows', 'synthesizeSwipe', 'loadTrainingInputs'],
  './model': ['buildHandModels', 'buildHandLandmarkerTask', 'locateMediapipeHands', 'ModelBuildError'],
  './react': ['useHandGestures'],
  './angular': ['provideHandGestures', 'injectHandGestures'],
};

const entries = Object.entries(pkg.exports).filter((e): e is [string, { types: string; import: string }] => typeof e[1] !== 'string' && !e[0].includes('*'));
const patterns = Object.entries(pkg.exports).filter((e): e is [string, { types: string; import: string }] => typeof e[1] !== 'string' && e[0].includes('*'));

/** The names a declaration file exports (`export { a, type B as C }`, `export declare function f`, `export type X`). */
function declaredExports(dts: string): string[] {
  const names: string[] = [];
  for (const m of dts.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name) names.push(name);
    }
  }
  for (const m of dts.matchAll(/export\s+(?:declare\s+)?(?:abstract\s+)?(?:function|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g)) names.push(m[1]!);
  return names;
}

describe('the public entries', () => {
  const built = new Map<string, string[]>();
  beforeAll(async () => {
    for (const [key, target] of entries) {
      const module = (await import(pathToFileURL(join(ROOT, target.import)).href)) as Record<string, unknown>;
      built.set(key, Object.keys(module));
    }
  }, 120_000);

  it('are all checked: every exports entry has names it must keep', () => {
    expect(entries.map(([key]) => key).sort()).toEqual(Object.keys(KEPT).sort());
  });

  for (const [key] of entries) {
    it(`${key} (dist/) exports no internal name, and keeps what its audience calls`, () => {
      const names = built.get(key)!;
      expect(names.filter((n) => INTERNAL.includes(n))).toEqual([]);
      expect(names).toEqual(expect.arrayContaining(KEPT[key]!));
    });
  }

  it('their declarations (.d.ts of every entry, worker entries included) export no internal name, types included', () => {
    const files = entries.map(([, target]) => join(ROOT, target.types));
    for (const [, target] of patterns) {
      const [before, after] = target.types.slice(2).split('*') as [string, string];
      const dir = join(ROOT, before);
      for (const name of readdirSync(dir)) if (name.endsWith(after)) files.push(join(dir, name));
    }
    expect(files.length).toBeGreaterThan(entries.length);
    const leaks = files.flatMap((file) => declaredExports(readFileSync(file, 'utf8')).filter((n) => INTERNAL.includes(n)).map((n) => `${file}: ${n}`));
    expect(leaks).toEqual([]);
  });

  it('the sources say the same (src/index.ts and the other entry files, as the tests import them)', async () => {
    const sources: Record<string, string> = {
      '.': 'posestream', './workers': 'posestream/workers', './testing': 'posestream/testing', './node': 'posestream/node',
      './train': 'posestream/train', './model': 'posestream/model', './react': 'posestream/react', './angular': 'posestream/angular',
    };
    for (const [key, specifier] of Object.entries(sources)) {
      const names = Object.keys((await import(/* @vite-ignore */ specifier)) as object);
      expect(names.filter((n) => INTERNAL.includes(n)), key).toEqual([]);
      expect(names, key).toEqual(expect.arrayContaining(KEPT[key]!));
    }
  }, 120_000);
});
