/** Keeps the overlay canvas the same pixel size as the frames it annotates (posestream's `drawHands` draws on it). */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): void {
  if (width > 0 && height > 0 && (canvas.width !== width || canvas.height !== height)) {
    canvas.width = width;
    canvas.height = height;
  }
}
