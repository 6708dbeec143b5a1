import { describe, expect, it } from 'vitest';
import { drawHands } from '../../src/adapters/drawHands.js';
import { HAND_CONNECTIONS } from '../../src/filters/handConnections.js';
import { syntheticHand } from '../../src/testing/syntheticHand.js';
import type { PoseFrame } from '../../src/types.js';

/** A canvas whose 2D context records every call and every property set, in order. */
function recordingCanvas(width = 320, height = 240, has2d = true): { canvas: HTMLCanvasElement; calls: string[] } {
  const calls: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (_t, name: string) => (...args: unknown[]) => calls.push(`${name}(${args.map((a) => (typeof a === 'number' ? +a.toFixed(1) : a)).join(',')})`),
    set: (_t, name: string, value: unknown) => (calls.push(`${name}=${String(value)}`), true),
  });
  const canvas = { width, height, getContext: (kind: string) => (has2d && kind === '2d' ? ctx : null) };
  return { canvas: canvas as unknown as HTMLCanvasElement, calls };
}

const frame = (hands = [syntheticHand({ handedness: 'Left', wrist: { x: 0.25, y: 0.5 } })], size?: { width: number; height: number }): PoseFrame => ({ index: 0, timestamp: 0, hands, ...size });

describe('drawHands', () => {
  it('clears, then draws each bone of HAND_CONNECTIONS in canvas pixels, a dot per landmark and the label at the wrist', () => {
    const { canvas, calls } = recordingCanvas();
    const f = frame();
    drawHands(canvas, f);
    expect(calls[0]).toBe('clearRect(0,0,320,240)');
    expect(calls).toContain('strokeStyle=#4fd1a5');
    const moves = calls.filter((c) => c.startsWith('moveTo('));
    expect(moves).toHaveLength(HAND_CONNECTIONS.length);
    const { start, end } = HAND_CONNECTIONS[5]!;
    const [p, q] = [f.hands[0]!.landmarks[start]!, f.hands[0]!.landmarks[end]!];
    const i = calls.indexOf(`moveTo(${+(p.x * 320).toFixed(1)},${+(p.y * 240).toFixed(1)})`);
    expect(calls[i + 1]).toBe(`lineTo(${+(q.x * 320).toFixed(1)},${+(q.y * 240).toFixed(1)})`);
    expect(calls.filter((c) => c.startsWith('arc('))).toHaveLength(21);
    const wrist = f.hands[0]!.landmarks[0]!;
    const text = `Left ${(f.hands[0]!.score * 100).toFixed(0)}%`;
    expect(calls).toContain(`fillText(${text},${+(wrist.x * 320 + 6).toFixed(1)},${+(wrist.y * 240 + 14).toFixed(1)})`); // scale 1 at 240 px
  });

  it('fits the canvas to the frame size, takes colours and switches joints and label off; undefined only clears', () => {
    const { canvas, calls } = recordingCanvas(10, 10);
    drawHands(canvas, frame([syntheticHand({ handedness: 'Right' })], { width: 640, height: 480 }), { colors: { Right: 'red' }, joints: false, label: false });
    expect([canvas.width, canvas.height]).toEqual([640, 480]);
    expect(calls[0]).toBe('clearRect(0,0,640,480)');
    expect(calls).toContain('strokeStyle=red');
    expect(calls).toContain('lineWidth=4'); // 2 px at 240 px, the canvas's shorter side is 480
    expect(calls.some((c) => c.startsWith('arc(') || c.startsWith('fillText('))).toBe(false);
    calls.length = 0;
    drawHands(canvas, undefined);
    expect(calls).toEqual(['clearRect(0,0,640,480)']);
    const kept = recordingCanvas(10, 10);
    drawHands(kept.canvas, frame(undefined, { width: 640, height: 480 }), { fitToFrame: false });
    expect(kept.canvas.width).toBe(10);
  });

  it('leaves a canvas without a 2D context alone', () => {
    const { canvas, calls } = recordingCanvas(320, 240, false);
    expect(() => drawHands(canvas, frame())).not.toThrow();
    expect(calls).toEqual([]);
  });
});

describe('HAND_CONNECTIONS', () => {
  it("is MediaPipe's 21-bone hand skeleton: a tree over the 21 landmarks plus the palm's closing bone", () => {
    expect(HAND_CONNECTIONS).toHaveLength(21);
    const used = new Set(HAND_CONNECTIONS.flatMap(({ start, end }) => [start, end]));
    expect([...used].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(HAND_CONNECTIONS).toContainEqual({ start: 0, end: 17 });
    expect(Object.isFrozen(HAND_CONNECTIONS) && Object.isFrozen(HAND_CONNECTIONS[0])).toBe(true);
  });
});
