import type { ObservableInput, SchedulerLike } from 'rxjs';
import type { PoseFrame } from '../types.js';
import type { RecordingError } from '../recording/RecordingError.js';

/** The format name every posestream recording header carries. */
export const RECORDING_FORMAT = 'posestream/v1';

/** The first line of a recording. Only `format` is required. */
export interface RecordingHeader {
  /** Always `'posestream/v1'` ({@link RECORDING_FORMAT}); a reader refuses any other. */
  format: typeof RECORDING_FORMAT;
  /** Nominal frame rate of the source (informational; replay uses each frame's `t`). */
  fps?: number;
  /** Image width in pixels; copied onto every frame read back. */
  width?: number;
  /** Image height in pixels; copied onto every frame read back. */
  height?: number;
  /** Where the frames came from, free text (e.g. `'camera'`, `'kairess/come'`). */
  source?: string;
}

/** A labelled span of frames (inclusive frame indices), for training and evaluation data. */
export interface RecordingLabel {
  /** The gesture's label, e.g. `'swipe_left'`. */
  label: string;
  /** Index of the span's first frame. */
  startFrame: number;
  /** Index of the span's last frame (inclusive). */
  endFrame: number;
}

/** A whole recording in memory. */
export interface Recording {
  /** The header line. */
  header: RecordingHeader;
  /** Every frame, in file order (with the header's `width`/`height` when the frame has none). */
  frames: PoseFrame[];
  /** Every label line, in file order (empty when there is none). */
  labels: RecordingLabel[];
}

/** What `readRecording` resolves to: the recording plus how many bad lines `onInvalid: 'skip'` skipped. */
export interface ReadRecordingResult extends Recording {
  /** How many bad lines were skipped (always 0 unless `onInvalid: 'skip'`). */
  skipped: number;
}

/**
 * Where a recording comes from: its NDJSON text, a Node `Readable` (or any async iterable of text/bytes), a file
 * path, or a `URL` (`file:` is read from disk, `http(s):` is fetched). A string that starts with `{` (after
 * whitespace) is recording text; any other string is a file path.
 */
export type RecordingInput = string | URL | AsyncIterable<string | Uint8Array>;

/** How `readRecording` and `fromRecording` treat bad lines. */
export interface ReadRecordingOptions {
  /**
   * `'error'`: the first bad line ends the stream with a {@link RecordingError}. `'skip'`: bad frame and label
   * lines are skipped (reported to `onSkip`); a bad header and I/O failures are still errors.
   * @default 'error'
   */
  onInvalid?: 'error' | 'skip';
  /** Called with each skipped line's error when `onInvalid` is `'skip'`. @default undefined */
  onSkip?: (error: RecordingError) => void;
  /** Name used in error messages instead of the path / URL / `'<string>'` / `'<stream>'`. @default derived from the input */
  sourceName?: string;
  /**
   * The longest line accepted, in UTF-8 bytes: a longer line is a `RecordingError` of kind `'line-too-long'` naming
   * the source and line, raised as soon as that many bytes of it were read. `Infinity` accepts any length (lines are
   * split in linear time either way).
   * @default 1048576 (1 MiB; a two-hand frame line with world landmarks is about 3 KB)
   */
  maxLineBytes?: number;
}

/** Options of `fromRecording`. */
export interface FromRecordingOptions extends ReadRecordingOptions {
  /**
   * `'asap'`: frames are emitted as fast as they are read. `'recorded'`: frame k is emitted `t_k - t_0` ms after
   * subscription on `scheduler`, with `capturedAt = scheduler.now()`.
   * @default 'asap'
   */
  timing?: 'asap' | 'recorded';
  /** The scheduler `'recorded'` timing waits on. @default asyncScheduler */
  scheduler?: SchedulerLike;
  /**
   * The clock `'recorded'` timing stamps `capturedAt` with, ms. It must be the pipeline monitor's clock (pass
   * `monitor.now`) for latency figures to mean anything.
   * @default `performance.now()` (the default monitor clock); `scheduler.now()` when a `scheduler` is given
   */
  now?: () => number;
  /**
   * `'recorded'` timing: the longest wait between two frames, ms. A longer gap in `t` (a clock jump, a camera that
   * was paused, a corrupt `t`) is shortened to this: the replay's clock moves on by the rest, frames after the gap
   * keep their spacing, and `onTimeJump` is told. `Infinity` waits out every gap.
   * @default 10000 (10 s)
   */
  maxWaitMs?: number;
  /** Called (`'recorded'` timing) for each gap longer than `maxWaitMs`, when the replay reaches it. @default undefined */
  onTimeJump?: (jump: RecordingTimeJump) => void;
  /** Called once with the header, before the first frame. @default undefined */
  onHeader?: (header: RecordingHeader) => void;
  /**
   * Called with each label once the whole recording has been read and the label checked against its frames
   * (before completion). @default undefined
   */
  onLabel?: (label: RecordingLabel) => void;
}

/** A gap in a recording's clock that a `'recorded'` replay shortened to `maxWaitMs` (see `FromRecordingOptions`). */
export interface RecordingTimeJump {
  /** The file path, URL, `'<string>'`, `'<stream>'` or `sourceName` of the recording. */
  source: string;
  /** 1-based line of the frame after the gap. */
  line: number;
  /** Index of the frame after the gap. */
  frame: number;
  /** Index of the frame before the gap. */
  previousFrame: number;
  /** The gap in `t` between the two frames, ms. */
  gapMs: number;
  /** How long the replay waited instead, ms (`maxWaitMs`). */
  waitedMs: number;
}

/** Options of `recordPoses`: the header fields to write. */
export interface RecordPosesOptions {
  /** Nominal frame rate. @default undefined (not written) */
  fps?: number;
  /** Image width, pixels. @default the first frame's width (not written when absent) */
  width?: number;
  /** Image height, pixels. @default the first frame's height (not written when absent) */
  height?: number;
  /** Free-text source name. @default undefined (not written) */
  source?: string;
  /**
   * Labels to write: an array, or any `ObservableInput` whose labels are written as they arrive (e.g. key presses
   * while recording training data). Labels always follow the header line.
   * @default undefined
   */
  labels?: ObservableInput<RecordingLabel>;
  /** Whether to end a `Writable` target when the frames complete or error (files are always closed). @default true */
  end?: boolean;
}

/** The part of a Node `Writable` that `recordPoses` uses. */
export interface RecordingWritable {
  /** Writes one chunk of text (a line with its newline). */
  write(chunk: string): unknown;
  /** Ends the stream; `callback` runs once everything is flushed. */
  end(callback?: () => void): unknown;
  /** Listens for one `'error'` event, when the stream has events (a write error then fails `recordPoses`). */
  once?(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Where `recordPoses` writes: a Node `Writable`, a file path or `file:` URL (Node only; the file is created or
 * truncated), or a function that receives each line (with its trailing newline), e.g. to collect chunks for a Blob.
 */
export type RecordingTarget = RecordingWritable | string | URL | ((chunk: string) => void);
