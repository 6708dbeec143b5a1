/**
 * Writes the sample recording shipped in the package, samples/swipes.ndjson (eval/buildSampleRecording.ts: real
 * swipes of the seniormars clips, MIT), from ../shared/data (or `$POSESTREAM_DATA`), then reads it back to check it.
 * `npm run build-sample`; the file is committed, and test/samples/sampleRecording.test.ts checks that it
 * is what this script writes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSampleRecording } from '../eval/buildSampleRecording.js';
import { readRecording } from '../src/recording/readRecording.js';
import { serializeRecording } from '../src/recording/serializeRecording.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = resolve(root, process.env.POSESTREAM_DATA ?? '../shared/data');
const out = resolve(root, 'samples/swipes.ndjson');

const recording = await buildSampleRecording(resolve(data, 'landmarks/seniormars-gesture'));
const text = serializeRecording(recording);
writeFileSync(out, text);
const back = await readRecording(out);
const seconds = (back.frames.at(-1)!.timestamp - back.frames[0]!.timestamp) / 1000;
console.log(`wrote ${out}: ${(text.length / 1024).toFixed(0)} KiB, ${back.frames.length} frames (${seconds.toFixed(1)} s at ${back.header.fps} fps), ${back.labels.length} labels: ${back.labels.map((l) => l.label).join(', ')}`);
