/** Shows errors on the page (never only in the console), newest last, and mirrors them into the probe. */
import { PosestreamError } from 'posestream';
import type { DemoProbe } from './probe.js';

/** What a user should try, by error code prefix. */
const HINTS: readonly (readonly [RegExp, string])[] = [
  [/^camera-permission-denied/, 'Allow camera access for this page, or choose a video file.'],
  [/^camera-not-found/, 'No camera found: choose or drop a video file instead.'],
  [/^camera-in-use/, 'The camera is used by another application.'],
  [/^camera-insecure-context/, 'Open the demo on http://127.0.0.1 or https.'],
  [/^video-(unsupported|decode)/, 'This browser cannot play that video; try an H.264 .mp4 or .webm.'],
  [/^video-network/, 'The video could not be downloaded; check the URL (same origin only).'],
  [/^model-load/, 'Check the model URL: a folder with model.json, its weights and labels.json.'],
];

/** Renders `error` into `list` (name, message, a hint) and records it on the probe. */
export function showError(list: HTMLUListElement, probe: DemoProbe, what: string, error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = error instanceof PosestreamError ? error.code : '';
  const hint = HINTS.find(([pattern]) => pattern.test(code))?.[1];
  probe.errors.push({ name: e.name, message: `${what}: ${e.message}` });
  const item = document.createElement('li');
  const title = document.createElement('b');
  title.textContent = `${what} — ${e.name}`;
  const message = document.createElement('div');
  message.textContent = e.message;
  item.append(title, message);
  if (hint !== undefined) {
    const tip = document.createElement('div');
    tip.className = 'muted';
    tip.textContent = hint;
    item.append(tip);
  }
  list.append(item);
  while (list.children.length > 5) list.firstElementChild?.remove();
}

/** Removes every shown error (a new source starts clean). */
export function clearErrors(list: HTMLUListElement, probe: DemoProbe): void {
  list.replaceChildren();
  probe.errors.length = 0;
}
