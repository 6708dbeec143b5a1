import type { PoseFrame } from 'posestream';

/** MediaPipe's 21-landmark hand skeleton. */
const BONES: readonly (readonly [number, number])[] = [
  [0, 1], [1, 2], [2, 3], [3, 4], [0, 5], [5, 6], [6, 7], [7, 8], [5, 9], [9, 10], [10, 11], [11, 12],
  [9, 13], [13, 14], [14, 15], [15, 16], [13, 17], [0, 17], [17, 18], [18, 19], [19, 20],
];

/** Clears `canvas` (sized to the frame) and draws every hand of `frame`: called per frame, outside React. */
export function drawHands(canvas: HTMLCanvasElement, frame: PoseFrame): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const w = frame.width ?? canvas.width;
  const h = frame.height ?? canvas.height;
  if (canvas.width !== w || canvas.height !== h) Object.assign(canvas, { width: w, height: h });
  ctx.clearRect(0, 0, w, h);
  ctx.lineWidth = 3;
  for (const hand of frame.hands) {
    ctx.strokeStyle = hand.handedness === 'Left' ? '#4fd1a5' : '#f6c453';
    ctx.beginPath();
    for (const [a, b] of BONES) {
      const p = hand.landmarks[a];
      const q = hand.landmarks[b];
      if (p === undefined || q === undefined) continue;
      ctx.moveTo(p.x * w, p.y * h);
      ctx.lineTo(q.x * w, q.y * h);
    }
    ctx.stroke();
  }
}
