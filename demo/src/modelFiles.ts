/**
 * Keeping a taught model: Download (a JSON file, via a Blob) and Upload (a picked file, checked with
 * `parseTaughtModel`), and the seam where a store plugs in (Save / Load by name).
 */
import { parseTaughtModel, type TaughtGestureModel } from 'posestream';

/** A place taught models are kept by name (posestream's IndexedDB store, in modelStore.ts). */
export interface ModelStore {
  /** Keeps `model` under `name` (replacing one of that name). */
  save(name: string, model: TaughtGestureModel): Promise<void>;
  /** The model kept under `name`, or undefined. */
  load(name: string): Promise<TaughtGestureModel | undefined>;
  /** The names kept, sorted. */
  names(): Promise<string[]>;
}

/** A file name for `model`: its taught labels, e.g. `posestream-gestures-wave-pinch.json`. */
export function modelFileName(model: TaughtGestureModel): string {
  const labels = model.labels.filter((l) => l !== 'none').map((l) => l.replace(/[^\w-]+/g, '_'));
  return `posestream-gestures-${labels.join('-') || 'model'}.json`;
}

/** Saves `model` as a JSON file through the browser's download. */
export function downloadModel(model: TaughtGestureModel): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(model)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = modelFileName(model);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a picked file as a taught model; rejects with a `TaughtModelError` (or a `SyntaxError`) naming the file. */
export async function readModelFile(file: File): Promise<TaughtGestureModel> {
  const text = await file.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`${file.name} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseTaughtModel(json, file.name);
}
