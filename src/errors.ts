/** Base class of every error posestream raises on purpose; `code` is a stable string a program can switch on. */
export class PosestreamError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A pose frame or hand that is not what the pipeline needs (wrong landmark count, non-finite numbers). */
export class InvalidPoseError extends PosestreamError {
  readonly frameIndex: number | undefined;
  constructor(message: string, frameIndex?: number) {
    super('invalid-pose', message);
    this.frameIndex = frameIndex;
  }
}
