import { selectHand } from '../filters/selectHand.js';
import type { PoseFrame } from '../types.js';
import { TeachingError } from './TeachingError.js';
import type { TeachingInput } from './teachTypes.js';

/** A labelled span of a session, in positions of its frames (inclusive); `where` names it in messages. */
export interface SessionSpan {
  label: string;
  start: number;
  end: number;
  where: string;
}

/** One continuous stretch of frames (re-indexed 0..n-1, timestamps kept) and its labelled spans. @internal */
export interface TeachingSession {
  name: string;
  frames: PoseFrame[];
  spans: SessionSpan[];
}

/** What {@link collectSessions} needs to know of the settings. @internal */
export interface CollectOptions {
  durationMs: number;
  hand: 'first' | 'Left' | 'Right' | 'largest';
  minExamples: number;
}

const rangeOf = (frames: readonly PoseFrame[], a: number, b: number): string => `frames ${frames[a]?.index ?? a}-${frames[b]?.index ?? b}`;

/**
 * Turns teaching input into sessions and checks it before anything is learned: every span inside its frames, the
 * selected hand in at least half of each span's frames, at least `minExamples` examples of every taught gesture and
 * at least two classes (a gesture and `none`, from `none` examples or frames outside every span). A lone example
 * is preceded by its first frame with the hand held for the window's duration (a hand at rest; frames before the
 * hand is found are left out), so a window ends at its last frame whatever its length. Throws a {@link TeachingError} naming the class and count, or the example and its frames.
 * @internal
 */
export function collectSessions(input: TeachingInput, options: CollectOptions): { sessions: TeachingSession[]; counts: Map<string, number> } {
  const sessions: TeachingSession[] = [];
  (input.recordings ?? []).forEach((rec, r) => {
    const name = rec.name ?? `recording ${r}`;
    if (rec.frames.length === 0) throw new TeachingError('bad-example', `${name}: no frames`);
    const position = new Map<number, number>();
    rec.frames.forEach((f, i) => position.set(f.index, i));
    const at = (index: number, after: boolean): number | undefined => {
      const exact = position.get(index);
      if (exact !== undefined) return exact;
      const i = rec.frames.findIndex((f) => f.index > index); // the recording may skip frame indices
      return after ? (i < 0 ? undefined : i) : i < 0 ? rec.frames.length - 1 : i - 1;
    };
    const spans = rec.labels.map((l) => {
      const where = `${name}: "${l.label}" frames ${l.startFrame}-${l.endFrame}`;
      const start = at(l.startFrame, true);
      const end = at(l.endFrame, false);
      if (l.label === '' || start === undefined || end === undefined || end < start) {
        throw new TeachingError('bad-example', `${where}: outside the recording's frames ${rec.frames[0]!.index}-${rec.frames[rec.frames.length - 1]!.index}`, { label: l.label });
      }
      return { label: l.label, start, end, where };
    });
    sessions.push({ name, frames: rec.frames.map((f, i) => ({ ...f, index: i })), spans });
  });
  (input.examples ?? []).forEach((ex, e) => {
    const name = `example ${e} ("${ex.label}")`;
    if (ex.label === '' || ex.frames.length === 0) throw new TeachingError('bad-example', `${name}: ${ex.label === '' ? 'an empty label' : 'no frames'}`, { label: ex.label });
    const first = ex.frames[0]!;
    const last = ex.frames[ex.frames.length - 1]!;
    const start = ex.startFrame === undefined ? 0 : ex.frames.findIndex((f) => f.index >= ex.startFrame!);
    const endAfter = ex.endFrame === undefined ? -1 : ex.frames.findIndex((f) => f.index > ex.endFrame!);
    const end = endAfter < 0 ? ex.frames.length - 1 : endAfter - 1;
    if (start < 0 || end < start) {
      throw new TeachingError('bad-example', `${name}: span ${ex.startFrame ?? first.index}-${ex.endFrame ?? last.index} is outside its frames ${first.index}-${last.index}`, { label: ex.label });
    }
    const dt = ex.frames.length > 1 ? Math.max(1, (last.timestamp - first.timestamp) / (ex.frames.length - 1)) : 1000 / 30;
    const lead = Math.ceil(options.durationMs / dt);
    let seen = 0;
    for (let i = start; i <= end; i++) if (selectHand(ex.frames[i]!, options.hand) !== undefined) seen++;
    if (seen * 2 < end - start + 1) {
      throw new TeachingError('no-hand', `${name} ${rangeOf(ex.frames, start, end)}: the ${options.hand} hand is in only ${seen} of its ${end - start + 1} frames (rejected)`, { label: ex.label });
    }
    // The hand at rest is the first frame that has it: frames before it (the hand not yet found) are left out.
    const found = ex.frames.findIndex((f) => selectHand(f, options.hand) !== undefined);
    const from = found < 0 ? 0 : Math.min(found, end);
    const held = ex.frames[from]!;
    const rest: PoseFrame[] = Array.from({ length: lead }, (_, k) => ({ ...held, timestamp: held.timestamp - (lead - k) * dt }));
    const frames = [...rest, ...ex.frames.slice(from)].map((f, i) => ({ ...f, index: i }));
    const spanStart = Math.max(start, from);
    sessions.push({ name, frames, spans: [{ label: ex.label, start: spanStart - from + lead, end: end - from + lead, where: `${name} ${rangeOf(ex.frames, start, end)}` }] });
  });
  const counts = new Map<string, number>();
  let unlabelled = false;
  for (const s of sessions) {
    const covered = new Uint8Array(s.frames.length);
    for (const span of s.spans) {
      let seen = 0;
      for (let i = span.start; i <= span.end; i++) {
        covered[i] = 1;
        if (selectHand(s.frames[i]!, options.hand) !== undefined) seen++;
      }
      const n = span.end - span.start + 1;
      if (seen * 2 < n) throw new TeachingError('no-hand', `${span.where}: the ${options.hand} hand is in only ${seen} of its ${n} frames (rejected)`, { label: span.label });
      counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
    }
    if (covered.some((c) => c === 0) && s.spans.length > 0 && s.name.startsWith('example') === false) unlabelled = true;
    if (s.spans.length === 0) unlabelled = true;
  }
  const taught = [...counts.keys()].filter((l) => l !== 'none');
  if (taught.length === 0) throw new TeachingError('one-class', 'no gesture to teach: every example is "none"', { label: 'none', count: counts.get('none') ?? 0 });
  for (const label of taught) {
    const count = counts.get(label)!;
    if (count < options.minExamples) {
      throw new TeachingError('too-few-examples', `gesture "${label}" has ${count} example${count === 1 ? '' : 's'}; at least ${options.minExamples} are needed (minExamples)`, { label, count });
    }
  }
  if (taught.length === 1 && !counts.has('none') && !unlabelled) {
    const label = taught[0]!;
    throw new TeachingError('one-class', `only one class, "${label}" (${counts.get(label)} examples): add another gesture, "none" examples, or frames outside the labelled spans`, { label, count: counts.get(label)! });
  }
  return { sessions, counts };
}
