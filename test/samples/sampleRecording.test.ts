// The sample recording shipped in the package (samples/swipes.ndjson): it is what scripts/build-sample.ts makes of
// the real seniormars clips in ../shared/data (so it is regenerable and unedited), it is small, its licence note is
// beside it, and the swipe recogniser, run as the pipeline runs it, finds its labelled swipes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lastValueFrom, of, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { buildSampleRecording } from '../../eval/buildSampleRecording.js';
import { classifyLatest, DEFAULT_SWIPE_SETTINGS as p, fromPoseFrames, matchGestureEvents, readRecording, recogniseSwipe, serializeRecording, slidingWindow, stableGestures, SWIPE_LABELS, windowContext, type Prediction } from 'posestream';

const SAMPLE = resolve('samples/swipes.ndjson');
const SENIORMARS = resolve(process.env.POSESTREAM_DATA ?? '../shared/data', 'landmarks/seniormars-gesture');

describe('samples/swipes.ndjson', () => {
  it('is what scripts/build-sample.ts writes from the real seniormars clips', async () => {
    const built = serializeRecording(await buildSampleRecording(SENIORMARS));
    expect(readFileSync(SAMPLE, 'utf8') === built, 'samples/swipes.ndjson differs from what `npm run build-sample` writes: run it').toBe(true);
  });

  it('is small, labelled (3 swipes of each direction) and has its source and licence beside it', async () => {
    expect(statSync(SAMPLE).size).toBeLessThan(450 * 1024);
    const { header, frames, labels, skipped } = await readRecording(SAMPLE);
    expect(header).toMatchObject({ format: 'posestream/v1', fps: 20, width: 640, height: 480 });
    expect(header.source).toContain('SeniorMars/gesture');
    expect(skipped).toBe(0);
    expect(frames.length).toBeGreaterThan(700);
    const counts = Object.fromEntries(['swipe_up', 'swipe_right', 'swipe_down', 'swipe_left'].map((l) => [l, labels.filter((x) => x.label === l).length]));
    expect(counts).toEqual({ swipe_up: 3, swipe_right: 3, swipe_down: 3, swipe_left: 3 });
    const note = readFileSync('samples/README.md', 'utf8');
    for (const fact of ['SeniorMars/gesture', '7a791f6116c5371140a30fb441cd28d5b1b08138', '599ffd07a1abfb12e0e777bfc552ed0579bc38b5', 'MIT']) expect(note).toContain(fact);
    expect(readFileSync('samples/LICENSE-seniormars-gesture', 'utf8')).toContain('Copyright (c) 2021 SeniorMars');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[]; exports: Record<string, unknown> };
    expect(pkg.files).toContain('samples');
    expect(pkg.exports['./samples/*']).toBe('./samples/*');
    expect(existsSync(join('samples', 'swipes.ndjson'))).toBe(true);
  });

  it('gives the swipe recogniser its labelled swipes, and no other gesture', async () => {
    const { frames, labels } = await readRecording(SAMPLE);
    // Every window classified (a synchronous classifier), with the settings the pipeline runs the recogniser with.
    const events = await lastValueFrom(
      fromPoseFrames(frames).pipe(
        slidingWindow(p.window.frames, { resample: p.window, onMissingHand: p.onMissingHand, maxGapMs: p.maxGapMs }),
        classifyLatest((w) => {
          const { scores } = recogniseSwipe(w.pack(), w.size, windowContext(w));
          const best = scores.indexOf(Math.max(...scores));
          const prediction: Prediction = {
            label: SWIPE_LABELS[best]!,
            score: scores[best]!,
            categories: SWIPE_LABELS.map((categoryName, index) => ({ categoryName, score: scores[index]!, index })),
            windowEndIndex: w.endIndex,
            windowEndTimestamp: w.frames[w.frames.length - 1]!.timestamp,
            startedAt: 0,
            finishedAt: 0,
          };
          return of(prediction);
        }),
        stableGestures(p.gestures),
        toArray(),
      ),
    );
    const predicted = events.filter((e) => e.phase === 'end').map((e) => ({ label: e.label, startFrame: e.startFrame, endFrame: e.endFrame }));
    const match = matchGestureEvents(predicted, labels, (k) => frames[k]!.timestamp, p.window.durationMs);
    expect(match.falsePositives, JSON.stringify(match.falseEvents)).toBe(0);
    expect(match.truePositives).toBeGreaterThanOrEqual(8); // of 12 (9 when this was written: 3 of these clips are among the recogniser's misses)
  });
});
