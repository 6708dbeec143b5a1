/** A bone between two landmarks of a hand, by landmark index (MediaPipe's `Connection` shape). */
export interface HandConnection {
  /** Index (0..20) of the landmark the bone starts at. */
  start: number;
  /** Index (0..20) of the landmark the bone ends at. */
  end: number;
}

const pairs: ReadonlyArray<readonly [number, number]> = [
  [0, 1], [1, 2], [2, 3], [3, 4],
  [0, 5], [5, 6], [6, 7], [7, 8],
  [5, 9], [9, 10], [10, 11], [11, 12],
  [9, 13], [13, 14], [14, 15], [15, 16],
  [13, 17], [0, 17], [17, 18], [18, 19], [19, 20],
];

/**
 * The 21 bones of MediaPipe's hand skeleton (wrist 0; thumb 1-4; index 5-8; middle 9-12; ring 13-16; pinky 17-20),
 * the same pairs as MediaPipe's `HandLandmarker.HAND_CONNECTIONS`, frozen.
 *
 * @example
 * ```ts
 * import { HAND_CONNECTIONS } from 'posestream';
 * for (const { start, end } of HAND_CONNECTIONS) line(hand.landmarks[start], hand.landmarks[end]);
 * ```
 */
export const HAND_CONNECTIONS: ReadonlyArray<Readonly<HandConnection>> = Object.freeze(pairs.map(([start, end]) => Object.freeze({ start, end })));
