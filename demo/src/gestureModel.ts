/** Loads a gesture classifier (a tfjs model folder by URL or picked from disk) into a worker. */
import { createClassifierWorker, type ClassifierWorker } from 'posestream/workers';
import classifierEntry from 'posestream/workers/entries/classifierWorker?worker&url';

/** A loaded, checked classifier. */
export interface GestureModel {
  classifier: ClassifierWorker;
  /** What to show: the model URL or folder name. */
  name: string;
  labels: string[];
  windowSize: number;
  backend: string;
  dispose(): void;
}

/** The shipped default model's URL on the demo server. */
export const DEFAULT_MODEL_URL = '/models/default/model.json';

/**
 * Starts a classifier worker on `modelUrl` and waits until the model is loaded and checked. Rejects with the
 * worker's `ModelLoadError` (404, corrupt weights, wrong shapes) after terminating the worker.
 */
export async function loadGestureModel(
  modelUrl: string,
  options: { labels?: string[]; name?: string; onDispose?: () => void } = {},
): Promise<GestureModel> {
  const classifier = createClassifierWorker({
    model: new URL(modelUrl, location.href).href,
    ...(options.labels ? { labels: options.labels } : {}),
    wasmPaths: new URL('/wasm/tfjs/', location.href).href,
    entry: new URL(classifierEntry, location.href),
    name: 'gesture-classifier',
  });
  try {
    const info = await classifier.ready;
    return {
      classifier,
      name: options.name ?? modelUrl,
      labels: info.labels,
      windowSize: info.windowSize ?? 30,
      backend: info.backend,
      dispose: () => {
        void classifier.dispose();
        options.onDispose?.();
      },
    };
  } catch (error) {
    void classifier.dispose();
    options.onDispose?.();
    throw error;
  }
}

/** True when the default model exists on the server (a missing default is not an error: the demo runs without it). */
export async function defaultModelExists(): Promise<boolean> {
  try {
    const response = await fetch(DEFAULT_MODEL_URL, { method: 'HEAD' });
    return response.ok;
  } catch {
    return false;
  }
}
