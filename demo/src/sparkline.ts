/** A small live line plot on a canvas: the last `capacity` values, scaled to the larger of `minMax` and the data. */
export interface Sparkline {
  push(value: number): void;
  clear(): void;
}

/** Options of {@link createSparkline}. */
export interface SparklineOptions {
  /** Values kept. @default 60 */
  capacity?: number;
  /** The y-axis top is at least this. @default 1 */
  minMax?: number;
  /** @default '#4fd1a5' */
  color?: string;
  /** A dashed reference line (e.g. the camera interval). @default undefined */
  reference?: number;
}

/** Creates a sparkline drawing into `canvas` (sized to its CSS box times devicePixelRatio). */
export function createSparkline(canvas: HTMLCanvasElement, options: SparklineOptions = {}): Sparkline {
  const { capacity = 60, minMax = 1, color = '#4fd1a5', reference } = options;
  const values: number[] = [];
  const draw = (): void => {
    const ratio = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    ctx.clearRect(0, 0, w, h);
    const top = Math.max(minMax, reference ?? 0, ...values.filter(Number.isFinite)) * 1.1;
    const y = (v: number): number => h - 1 - (Math.max(0, v) / top) * (h - 2);
    if (reference !== undefined) {
      ctx.strokeStyle = '#666a';
      ctx.setLineDash([3 * ratio, 3 * ratio]);
      ctx.beginPath();
      ctx.moveTo(0, y(reference));
      ctx.lineTo(w, y(reference));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5 * ratio;
    ctx.beginPath();
    values.forEach((v, i) => {
      const x = (i / Math.max(1, capacity - 1)) * (w - 1);
      if (i === 0) ctx.moveTo(x, y(v));
      else ctx.lineTo(x, y(v));
    });
    ctx.stroke();
  };
  return {
    push(value) {
      values.push(Number.isFinite(value) ? value : 0);
      if (values.length > capacity) values.shift();
      draw();
    },
    clear() {
      values.length = 0;
      draw();
    },
  };
}
