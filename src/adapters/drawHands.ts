import { HAND_CONNECTIONS } from '../filters/handConnections.js';
import type { Handedness, PoseFrame } from '../types.js';

/** Options of {@link drawHands}. */
export interface DrawHandsOptions {
  /** Resize the canvas to the frame's pixel size (`frame.width` x `frame.height`, when the frame has them) first. @default true */
  fitToFrame?: boolean;
  /** Bone and label colour per handedness. @default { Left: '#4fd1a5', Right: '#f6c453' } */
  colors?: Partial<Record<Handedness, string>>;
  /** A dot on every landmark. @default true */
  joints?: boolean;
  /** Handedness and score written by the wrist. @default true */
  label?: boolean;
  /** Bone width in pixels on a 240-pixel canvas; it grows with the canvas's shorter side. @default 2 */
  lineWidth?: number;
}

const COLORS: Record<Handedness, string> = { Left: '#4fd1a5', Right: '#f6c453' };

/**
 * Clears a canvas and draws every hand of a pose frame on it: the skeleton (`HAND_CONNECTIONS`), a dot per landmark
 * and the handedness with its score by the wrist, landmarks scaled from 0..1 to the canvas's pixels.
 *
 * Cheap enough for every animation frame; meant for a canvas laid over the `<video>`
 * at the same size. `undefined` (no pose frame yet, or the hands are gone) only clears. A canvas without a 2D context
 * is left alone.
 *
 * @example
 * ```ts
 * import { createHandGesturePipeline, drawHands } from 'posestream';
 * const pipeline = createHandGesturePipeline({ source: { camera: { video } } });
 * pipeline.poses$.subscribe((frame) => drawHands(overlay, frame));
 * ```
 */
export function drawHands(canvas: HTMLCanvasElement | OffscreenCanvas, frame: PoseFrame | undefined, options: DrawHandsOptions = {}): void {
  const { fitToFrame = true, joints = true, label = true, lineWidth = 2 } = options;
  if (fitToFrame && frame?.width && frame.height && (canvas.width !== frame.width || canvas.height !== frame.height)) {
    canvas.width = frame.width;
    canvas.height = frame.height;
  }
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (ctx === null) return;
  const w = canvas.width;
  const h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  if (frame === undefined) return;
  const scale = Math.max(1, Math.min(w, h) / 240);
  for (const hand of frame.hands) {
    const color = options.colors?.[hand.handedness] ?? COLORS[hand.handedness];
    const points = hand.landmarks;
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth * scale;
    ctx.beginPath();
    for (const { start, end } of HAND_CONNECTIONS) {
      const p = points[start];
      const q = points[end];
      if (p === undefined || q === undefined) continue;
      ctx.moveTo(p.x * w, p.y * h);
      ctx.lineTo(q.x * w, q.y * h);
    }
    ctx.stroke();
    if (joints) {
      ctx.fillStyle = '#ffffff';
      for (const p of points) {
        ctx.beginPath();
        ctx.arc(p.x * w, p.y * h, 1.25 * lineWidth * scale, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    const wrist = points[0];
    if (label && wrist !== undefined) {
      ctx.fillStyle = color;
      ctx.font = `${Math.round(11 * scale)}px system-ui, sans-serif`;
      ctx.fillText(`${hand.handedness} ${(hand.score * 100).toFixed(0)}%`, wrist.x * w + 6 * scale, wrist.y * h + 14 * scale);
    }
  }
}
