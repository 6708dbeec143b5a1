import { resolve } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { loadKairess } from '../../src/data/loadKairess.js';
import { windowFeatures } from '../../src/filters/windowFeatures.js';
import { slidingWindow } from '../../src/operators/slidingWindow.js';
import { readRecording } from '../../src/recording/readRecording.js';
import { serializeRecording } from '../../src/recording/serializeRecording.js';
import { fromRecording } from '../../src/streams/fromRecording.js';
import { cutWindows, extractWindow } from '../../src/train/cutWindows.js';
import { resampleSequence } from '../../src/train/resampleSequence.js';
import { sequencesFromFrames } from '../../src/train/sequencesFromFrames.js';

const N = 30;
const FPS = 30;

describe('training and the live pipeline build the same classifier input', () => {
  it("a real kairess take with dropped frames: live slidingWindow(resample) windows equal training windows, feature for feature", async () => {
    const takes = await loadKairess(resolve('../shared/data/landmarks/kairess-gesture-recognition'));
    const come = takes.find((t) => t.label === 'come')!;
    // 15 fps with every 7th frame dropped (as a busy estimator drops them): timestamps are no longer index * 66.7 ms.
    const frames = come.frames.slice(0, 200).filter((f) => f.index % 7 !== 3);
    const text = serializeRecording({
      header: { format: 'posestream/v1', fps: 15 },
      frames,
      labels: [{ label: 'come', startFrame: frames[0]!.index, endFrame: frames.at(-1)!.index }],
    });

    // Live: what `posestream classify` and the pipeline feed the classifier.
    const durationMs = ((N - 1) * 1000) / FPS;
    const windows = await lastValueFrom(fromRecording(text).pipe(slidingWindow(N, { resample: { frames: N, durationMs } }), toArray()));
    const live = new Map(windows.map((w) => [Math.round(w.endTimestamp * 1000), windowFeatures(w.pack(), N)]));

    // Training: the recording as `posestream train` reads it, resampled to the model's rate, cut into windows.
    const rec = await readRecording(text);
    const [sequence] = sequencesFromFrames(rec.frames, rec.labels, 'come.ndjson', { fps: rec.header.fps! });
    const resampled = resampleSequence(sequence!, FPS);
    const refs = cutWindows(resampled, { size: N, stride: 1 });
    let compared = 0;
    let worst = 0;
    for (const ref of refs) {
      const end = Math.round(resampled.timestamps![ref.end]! * 1000);
      const liveFeatures = live.get(end);
      if (!liveFeatures) continue; // a training window ending between two recorded frames: no live window ends there
      const trainFeatures = windowFeatures(extractWindow(ref, N), N);
      for (let i = 0; i < trainFeatures.length; i++) worst = Math.max(worst, Math.abs(trainFeatures[i]! - liveFeatures[i]!));
      compared++;
    }
    // Every live window ends on a recorded frame, which lies on the 30 fps training grid.
    expect(compared).toBe(windows.length);
    expect(compared).toBeGreaterThan(100);
    // Float32 storage of the training frames is the only difference (was > 0.1 by index after the first drop).
    expect(worst).toBeLessThan(1e-4);
  });
});
