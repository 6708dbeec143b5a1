/**
 * Whether an error says that only one call was lost and the worker behind it was restarted: an `Error` whose
 * `recovered` property is `true` (what a worker made with `restart: true` rejects a call lost to a crash or
 * timeout with). Duck-typed, so operators need not import the worker layer.
 *
 * The default `skipError` of `classifyLatest` and `estimateHands`.
 *
 * @example
 * ```ts
 * import { classifyLatest, isRecoveredError } from 'posestream';
 * const op = classifyLatest(classify, { skipError: (e) => isRecoveredError(e) || isTransient(e) });
 * ```
 */
export function isRecoveredError(error: unknown): boolean {
  return error instanceof Error && (error as { recovered?: unknown }).recovered === true;
}
