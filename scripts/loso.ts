/**
 * Leave-one-source-out run of one recipe (`tsx scripts/loso.ts <recipe> [source...]`): writes
 * .cache/loso/<recipe>.json (read by `npm run eval` and docs/evaluation.md). Long: one training per source.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initTfBackend } from '../src/train/initTfBackend.js';
import { leaveOneSourceOut } from '../eval/leaveOneSourceOut.js';
import { loadRealSources } from '../eval/realSources.js';
import { SWIPE_RECIPES, syntheticWindows, trainingKey, type SwipeRecipe } from '../eval/swipeRecipe.js';
import type { LabelledWindow } from '../src/train/trainTypes.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, process.env.POSESTREAM_DATA ?? '../shared/data');
const name = process.argv[2] ?? 'window-2s';
const recipe = SWIPE_RECIPES[name];
if (!recipe) throw new Error(`unknown recipe ${name}; known: ${Object.keys(SWIPE_RECIPES).join(', ')}`);
// Folds: `a+b` holds sources a and b out together. Default: every source left out in turn, one at a time.
const SOURCES = ['ai-forever', 'seniormars', 'kairess', 'dandan1232', 'asl-hand'];
const groups = (process.argv.length > 3 ? process.argv.slice(3) : SOURCES).map((g) => g.split('+'));
await initTfBackend('wasm');
const sources = await loadRealSources(root, dataDir, { onRecord: (v) => process.stderr.write(`recording ${v}\n`) });
// synthetic windows per member recipe (they depend on its window and seed), made once for every fold
const synthetic = new Map<string, Promise<LabelledWindow[]>>();
const syntheticFor = (member: SwipeRecipe): Promise<LabelledWindow[]> => {
  const key = trainingKey(member);
  if (!synthetic.has(key)) synthetic.set(key, syntheticWindows(dataDir, member).then((w) => (process.stderr.write(`${member.name} seed ${member.seed}: ${w.length} synthetic windows\n`), w)));
  return synthetic.get(key)!;
};
// fold models are kept here (gitignored) and reused by any recipe that trains the same model
const cacheDir = resolve(root, '.cache/loso/models');
const results = await leaveOneSourceOut(sources, syntheticFor, recipe, { onFold: (r) => process.stderr.write(`${JSON.stringify({ ...r, predictions: undefined, trackerPredictions: undefined })}\n`), groups, cacheDir });
await mkdir(resolve(root, '.cache/loso'), { recursive: true });
// Folds run now replace the same sources' folds of an earlier run (same recipe); the table stays in source order.
const out = resolve(root, `.cache/loso/${name}.json`);
const earlier = await readFile(out, 'utf8').then((t) => (JSON.parse(t) as { results: typeof results }).results, () => []);
const merged = [...earlier.filter((r) => !results.some((n) => n.source === r.source)), ...results];
merged.sort((a, b) => SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source));
await writeFile(out, `${JSON.stringify({ recipe, results: merged }, null, 1)}\n`);
process.stderr.write(`wrote ${out}\n`);
