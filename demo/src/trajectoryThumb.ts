/**
 * A small picture of one example: the path of the palm's centre (wrist, index and little-finger knuckles) over its
 * frames, from a hollow dot (start) to a filled one (end), fitted into the canvas (a still hand stays a dot: the
 * scale never zooms in past a fifth of the image).
 */
import type { PoseFrame } from 'posestream';

/** The palm centre of the first hand of each frame that has one, normalised image coordinates. */
export function palmPath(frames: readonly PoseFrame[]): { x: number; y: number }[] {
  return frames.flatMap((f) => {
    const l = f.hands[0]?.landmarks;
    if (l === undefined) return [];
    return [{ x: (l[0]!.x + l[5]!.x + l[17]!.x) / 3, y: (l[0]!.y + l[5]!.y + l[17]!.y) / 3 }];
  });
}

/** Draws `frames`' palm path into `canvas` (its CSS size times devicePixelRatio); `mirrored` flips it (the camera view). */
export function drawTrajectory(canvas: HTMLCanvasElement, frames: readonly PoseFrame[], mirrored: boolean): void {
  const ratio = window.devicePixelRatio || 1;
  const w = (canvas.width = Math.max(1, Math.round((canvas.clientWidth || 64) * ratio)));
  const h = (canvas.height = Math.max(1, Math.round((canvas.clientHeight || 48) * ratio)));
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.fillStyle = '#111';
  ctx.fillRect(0, 0, w, h);
  const path = palmPath(frames).map((p) => ({ x: mirrored ? 1 - p.x : p.x, y: p.y }));
  if (path.length === 0) {
    ctx.fillStyle = '#ff6b6b';
    ctx.font = `${10 * ratio}px system-ui`;
    ctx.fillText('no hand', 4 * ratio, h / 2);
    return;
  }
  const xs = path.map((p) => p.x);
  const ys = path.map((p) => p.y);
  const span = Math.max(0.2, Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const scale = (Math.min(w, h) - 8 * ratio) / span;
  const at = (p: { x: number; y: number }): [number, number] => [w / 2 + (p.x - cx) * scale, h / 2 + (p.y - cy) * scale];
  ctx.lineWidth = 1.5 * ratio;
  for (let i = 1; i < path.length; i++) {
    ctx.strokeStyle = `hsl(160 60% ${35 + (35 * i) / path.length}%)`;
    ctx.beginPath();
    ctx.moveTo(...at(path[i - 1]!));
    ctx.lineTo(...at(path[i]!));
    ctx.stroke();
  }
  const dot = (p: { x: number; y: number }, filled: boolean): void => {
    ctx.beginPath();
    ctx.arc(...at(p), 2.5 * ratio, 0, 2 * Math.PI);
    ctx.strokeStyle = ctx.fillStyle = '#4fd1a5';
    if (filled) ctx.fill();
    else ctx.stroke();
  };
  dot(path[0]!, false);
  dot(path[path.length - 1]!, true);
}
