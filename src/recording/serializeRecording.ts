import type { Recording } from '../streams/recordingTypes.js';
import { formatFrameLine, formatHeaderLine, formatLabelLine } from './formatRecordingLine.js';

/**
 * Serialises a whole recording to posestream NDJSON text (header, frames, then labels; one line each, ending in a
 * newline). Pure and DOM-free, for browsers: wrap the result in a `Blob` to download it. Numbers are rounded as
 * `formatFrameLine` describes (landmarks to 5 decimals), so `readRecording` gives back equal frames within 5e-6.
 *
 * @example
 * ```ts
 * import { serializeRecording } from 'posestream';
 * const text = serializeRecording({ header: { format: 'posestream/v1', fps: 30 }, frames, labels: [] });
 * const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
 * ```
 */
export function serializeRecording(recording: Pick<Recording, 'header' | 'frames'> & Partial<Pick<Recording, 'labels'>>): string {
  const lines = [formatHeaderLine(recording.header)];
  for (const frame of recording.frames) lines.push(formatFrameLine(frame));
  for (const label of recording.labels ?? []) lines.push(formatLabelLine(label));
  return lines.join('\n') + '\n';
}
