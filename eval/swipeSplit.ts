/**
 * Which real sources the swipe recogniser's parameters (`DEFAULT_SWIPE_OPTIONS`, the `'swipes'` window and
 * tracker settings) may be chosen on, fixed before any tuning: every other source is only ever measured.
 * - `ai-forever`: real videos through posestream's own estimator (motion blur, lost frames), 12 swipes and 7 clips
 *   without one (zoom, clicks, drag-and-drop, a finger flick);
 * - `kairess`: 91 s of one person's hand moving without swiping (come, away, spin): the largest non-swipe source.
 * Reported as held out: `seniormars` (38 swipes, 33 still palms), `dandan1232` (a palm and a fist, the phone
 * swinging), `asl-hand` (signing).
 */
export const SWIPE_TUNING_SOURCES: readonly string[] = Object.freeze(['ai-forever', 'kairess']);
