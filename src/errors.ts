/** Base class of every error posestream raises on purpose; `code` is a stable string a program can switch on. */
export class PosestreamError extends Error {
  /** A stable kebab-case identifier of the kind of error (e.g. `'invalid-pose'`, `'worker-timeout'`); switch on it, not on the message. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A pose frame or hand that is not what the pipeline needs (wrong landmark count, non-finite numbers). */
export class InvalidPoseError extends PosestreamError {
  /** Index of the offending frame in its stream (0-based), or `undefined` when the value was not part of a stream. */
  readonly frameIndex: number | undefined;
  constructor(message: string, frameIndex?: number) {
    super('invalid-pose', message);
    this.frameIndex = frameIndex;
  }
}
