import type { Hand, Handedness, Landmark } from '../types.js';

/** Options of {@link syntheticHand}. */
export interface SyntheticHandOptions {
  /** @default 'Right' */
  handedness?: Handedness;
  /** Image position of the wrist, normalised. @default { x: 0.5, y: 0.75 } */
  wrist?: {
    /** Horizontal position, fraction of the image width (0..1). */
    x: number;
    /** Vertical position, fraction of the image height (0..1, 0 at the top). */
    y: number;
  };
  /** Wrist to middle-finger knuckle distance as a fraction of the image height. @default 0.2 */
  size?: number;
  /** In-plane rotation in radians, counter-clockwise on screen (0 = fingers up). @default 0 */
  rotation?: number;
  /** Finger curl 0 (straight) .. 1 (fist): one value for all, or [thumb, index, middle, ring, pinky]. @default 0 */
  curl?: number | readonly [number, number, number, number, number];
  /** Image width / height, so the hand keeps its shape in pixels. @default 4 / 3 */
  aspect?: number;
  /** Presence score. @default 0.95 */
  score?: number;
}

// Hand geometry in units of the wrist-to-middle-knuckle length, fingers up, thumb towards -x (a right hand seen
// palm-on in a mirrored selfie view). Base joint (CMC for the thumb, MCP for the fingers), splay angle (radians from
// straight up, towards +x), then the three segment lengths.
const FINGERS: readonly { base: readonly [number, number]; splay: number; lengths: readonly [number, number, number] }[] = [
  { base: [-0.3, -0.25], splay: -0.9, lengths: [0.35, 0.3, 0.25] }, // thumb
  { base: [-0.25, -0.95], splay: -0.12, lengths: [0.45, 0.27, 0.22] }, // index
  { base: [0, -1], splay: 0, lengths: [0.5, 0.3, 0.24] }, // middle
  { base: [0.22, -0.95], splay: 0.1, lengths: [0.45, 0.28, 0.22] }, // ring
  { base: [0.42, -0.85], splay: 0.22, lengths: [0.35, 0.22, 0.2] }, // pinky
];

/**
 * Builds one plausible 21-landmark hand from simple finger geometry (MediaPipe's landmark order: wrist, then
 * thumb CMC..tip, index MCP..tip, middle, ring, pinky). Each finger bends towards the camera (negative z) as it
 * curls; `z` is relative to the wrist like MediaPipe's. A `'Left'` hand is the mirror image of a `'Right'` one.
 * Deterministic: the same options give the same hand.
 *
 * @example
 * ```ts
 * import { syntheticHand } from 'posestream/testing';
 * const fist = syntheticHand({ handedness: 'Left', curl: 1, wrist: { x: 0.3, y: 0.7 } });
 * console.log(fist.landmarks.length); // 21
 * ```
 */
export function syntheticHand(options: SyntheticHandOptions = {}): Hand {
  const mirror = (options.handedness ?? 'Right') === 'Left' ? -1 : 1;
  const wrist = options.wrist ?? { x: 0.5, y: 0.75 };
  const size = options.size ?? 0.2;
  const aspect = options.aspect ?? 4 / 3;
  const rotation = options.rotation ?? 0;
  const curls = typeof options.curl === 'number' || options.curl === undefined ? Array(5).fill(options.curl ?? 0) : options.curl;
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  // Hand units (u right, v down, w towards the viewer negative) -> normalised image coordinates.
  const place = (u: number, v: number, w: number): Landmark => {
    const mu = u * mirror;
    const ru = mu * cos + v * sin;
    const rv = -mu * sin + v * cos;
    return { x: wrist.x + (ru * size) / aspect, y: wrist.y + rv * size, z: w * size };
  };
  const landmarks: Landmark[] = [place(0, 0, 0)];
  FINGERS.forEach((finger, f) => {
    const curl = Math.min(1, Math.max(0, curls[f] ?? 0));
    let [u, v] = finger.base;
    let w = 0;
    landmarks.push(place(u, v, w));
    let bend = 0;
    for (const length of finger.lengths) {
      bend += curl * (f === 0 ? 0.5 : 1.2);
      const planar = length * Math.cos(bend);
      u += planar * Math.sin(finger.splay);
      v -= planar * Math.cos(finger.splay);
      w -= length * Math.sin(bend);
      landmarks.push(place(u, v, w));
    }
  });
  return { handedness: options.handedness ?? 'Right', score: options.score ?? 0.95, landmarks };
}
