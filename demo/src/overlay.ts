/** Draws hand landmarks (normalised 0..1) over the video on a canvas sized to the video's pixels. */
import type { PoseFrame } from 'posestream';

/** MediaPipe's 21-landmark hand skeleton. */
const CONNECTIONS: readonly (readonly [number, number])[] = [
  [0, 1], [1, 2], [2, 3], [3, 4],
  [0, 5], [5, 6], [6, 7], [7, 8],
  [5, 9], [9, 10], [10, 11], [11, 12],
  [9, 13], [13, 14], [14, 15], [15, 16],
  [13, 17], [0, 17], [17, 18], [18, 19], [19, 20],
];
const COLORS = { Left: '#4fd1a5', Right: '#f6c453' } as const;

/** Keeps the canvas the same pixel size as the frames it annotates. */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): void {
  if (width > 0 && height > 0 && (canvas.width !== width || canvas.height !== height)) {
    canvas.width = width;
    canvas.height = height;
  }
}

/** Clears the canvas and draws every hand of `frame` (skeleton, joints, handedness and score at the wrist). */
export function drawHands(canvas: HTMLCanvasElement, frame: PoseFrame | undefined): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (frame === undefined) return;
  const w = canvas.width;
  const h = canvas.height;
  const scale = Math.max(1, Math.min(w, h) / 240);
  for (const hand of frame.hands) {
    const color = COLORS[hand.handedness];
    const pts = hand.landmarks;
    ctx.strokeStyle = color;
    ctx.lineWidth = 2 * scale;
    ctx.beginPath();
    for (const [a, b] of CONNECTIONS) {
      const p = pts[a];
      const q = pts[b];
      if (p === undefined || q === undefined) continue;
      ctx.moveTo(p.x * w, p.y * h);
      ctx.lineTo(q.x * w, q.y * h);
    }
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    for (const p of pts) {
      ctx.beginPath();
      ctx.arc(p.x * w, p.y * h, 2.5 * scale, 0, Math.PI * 2);
      ctx.fill();
    }
    const wrist = pts[0];
    if (wrist !== undefined) {
      ctx.fillStyle = color;
      ctx.font = `${Math.round(11 * scale)}px system-ui, sans-serif`;
      ctx.fillText(`${hand.handedness} ${(hand.score * 100).toFixed(0)}%`, wrist.x * w + 6 * scale, wrist.y * h + 14 * scale);
    }
  }
}
