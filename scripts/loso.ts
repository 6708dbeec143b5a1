/**
 * Leave-one-source-out run of one recipe (`tsx scripts/loso.ts <recipe> [source...]`): writes
 * .cache/loso/<recipe>.json (read by `npm run eval` and docs/evaluation.md). Long: one training per source.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initTfBackend } from '../src/train/initTfBackend.js';
import { leaveOneSourceOut } from '../eval/leaveOneSourceOut.js';
import { loadRealSources } from '../eval/realSources.js';
import { SWIPE_RECIPES, syntheticWindows } from '../eval/swipeRecipe.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, process.env.POSESTREAM_DATA ?? '../shared/data');
const name = process.argv[2] ?? 'window-2s';
const recipe = SWIPE_RECIPES[name];
if (!recipe) throw new Error(`unknown recipe ${name}; known: ${Object.keys(SWIPE_RECIPES).join(', ')}`);
// Folds: `a+b` holds sources a and b out together. Default: the swipe sources one at a time, the three sources
// without swipes (used for false swipes per minute) out together (stricter, and two trainings fewer).
const groups = (process.argv.length > 3 ? process.argv.slice(3) : ['ai-forever', 'seniormars', 'kairess+dandan1232+asl-hand']).map((g) => g.split('+'));
await initTfBackend('wasm');
const sources = await loadRealSources(root, dataDir, { onRecord: (v) => process.stderr.write(`recording ${v}\n`) });
const synthetic = await syntheticWindows(dataDir, recipe);
process.stderr.write(`${name}: ${synthetic.length} synthetic windows\n`);
const results = await leaveOneSourceOut(sources, synthetic, recipe, (r) => process.stderr.write(`${JSON.stringify(r)}\n`), groups);
await mkdir(resolve(root, '.cache/loso'), { recursive: true });
const out = resolve(root, `.cache/loso/${name}${process.argv.length > 3 ? `.${process.argv.slice(3).join(',')}` : ''}.json`);
await writeFile(out, `${JSON.stringify({ recipe, results }, null, 1)}\n`);
process.stderr.write(`wrote ${out}\n`);
