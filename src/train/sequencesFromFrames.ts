import type { PoseFrame } from '../types.js';
import type { FrameSpan, LabelledSequence } from './trainTypes.js';
import { TrainingDataError } from './trainErrors.js';

/** Options of {@link sequencesFromFrames}. */
export interface SequencesFromFramesOptions {
  /** Frame rate; absent, the median interval of the frames' timestamps gives it. @default from timestamps */
  fps?: number;
  /** Frames without a hand that are bridged by holding the last hand; longer gaps split the take. @default 3 */
  maxGap?: number;
}

/**
 * Turns the frames and label lines of one recording into labelled single-hand sequences for training.
 *
 * Labels use the frames' `index` values (inclusive). Each frame contributes its first hand and its timestamp (so
 * `resampleSequence` interpolates by time, as the live `slidingWindow` does); short gaps without
 * a hand are bridged, longer ones split the take into several sequences (labels are clipped to each).
 * Throws {@link TrainingDataError} naming `source` when there are no labels (`no-labels`) or a label's frames are
 * not in the recording (`label-out-of-range`).
 *
 * @example
 * ```ts
 * import { readRecording } from 'posestream';
 * import { sequencesFromFrames } from 'posestream/train';
 * const rec = await readRecording('takes/swipes.ndjson');
 * const sequences = sequencesFromFrames(rec.frames, rec.labels, 'takes/swipes.ndjson', { fps: rec.header.fps });
 * ```
 */
export function sequencesFromFrames(
  frames: readonly PoseFrame[],
  labels: readonly FrameSpan[],
  source: string,
  options: SequencesFromFramesOptions = {},
): LabelledSequence[] {
  if (labels.length === 0) throw new TrainingDataError('no-labels', source, 'the recording has no label lines: nothing to learn from it');
  if (frames.length === 0) throw new TrainingDataError('no-data', source, 'the recording has no frames');
  const first = (frames[0] as PoseFrame).index;
  const last = (frames[frames.length - 1] as PoseFrame).index;
  for (const span of labels) {
    if (span.startFrame < first || span.endFrame > last || span.endFrame < span.startFrame) {
      throw new TrainingDataError(
        'label-out-of-range',
        source,
        `label ${JSON.stringify(span.label)} covers frames ${span.startFrame}..${span.endFrame}, but the recording has frames ${first}..${last}`,
      );
    }
  }
  const fps = options.fps ?? fpsFromTimestamps(frames);
  const maxGap = options.maxGap ?? 3;
  const sequences: LabelledSequence[] = [];
  let run: { data: number[]; indices: number[]; times: number[] } = { data: [], indices: [], times: [] };
  let held: number[] | undefined;
  let gap = 0;
  const flush = (): void => {
    if (run.indices.length > 0) sequences.push(toSequence(run, labels, source, fps, sequences.length));
    run = { data: [], indices: [], times: [] };
  };
  for (const frame of frames) {
    const hand = frame.hands[0];
    if (hand === undefined) {
      gap++;
      if (gap > maxGap) {
        flush();
        held = undefined;
      } else if (held !== undefined) {
        run.data.push(...held);
        run.indices.push(frame.index);
        run.times.push(frame.timestamp);
      }
      continue;
    }
    gap = 0;
    held = hand.landmarks.flatMap((l) => [l.x, l.y, l.z]);
    run.data.push(...held);
    run.indices.push(frame.index);
    run.times.push(frame.timestamp);
  }
  flush();
  return sequences;
}

function toSequence(run: { data: number[]; indices: number[]; times: number[] }, labels: readonly FrameSpan[], source: string, fps: number, part: number): LabelledSequence {
  const { data, indices, times } = run;
  const from = indices[0] as number;
  const to = indices[indices.length - 1] as number;
  const position = (index: number): number => {
    const p = indices.findIndex((i) => i >= index);
    return p < 0 ? indices.length - 1 : p;
  };
  const spans: FrameSpan[] = [];
  for (const s of labels) {
    if (s.endFrame < from || s.startFrame > to) continue;
    const start = position(Math.max(s.startFrame, from));
    let end = position(Math.min(s.endFrame, to));
    if ((indices[end] as number) > s.endFrame) end--;
    if (end >= start) spans.push({ label: s.label, startFrame: start, endFrame: end });
  }
  return {
    source: part === 0 ? source : `${source}#${part}`,
    fps,
    length: indices.length,
    frames: Float32Array.from(data),
    timestamps: Float64Array.from(times),
    labels: spans,
  };
}

function fpsFromTimestamps(frames: readonly PoseFrame[]): number {
  const dts: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    const a = frames[i - 1] as PoseFrame;
    const b = frames[i] as PoseFrame;
    if (b.index > a.index) dts.push((b.timestamp - a.timestamp) / (b.index - a.index));
  }
  dts.sort((x, y) => x - y);
  const median = dts[dts.length >> 1];
  return median !== undefined && median > 0 ? 1000 / median : 30;
}
