import type { SwipeOptions } from '../filters/swipeTypes.js';
import type { TaughtGestureModel } from '../filters/templateTypes.js';
import type { WindowContext } from '../types.js';

/** What the classifier worker expects as input: N x 21 x 3 or N x 63 per window. */
export type ClassifierInputLayout = 'nx21x3' | 'nx63';

/** Which TensorFlow.js backend a classifier runs on ('function' for a user's function module, 'rules' for the swipe recogniser, 'templates' for a taught model). */
export type ClassifierBackend = 'wasm' | 'cpu' | 'function' | 'rules' | 'templates';

/** What a classifier worker reports once its model is loaded and checked. */
export interface ClassifierInfo {
  /** The model.json / module URL or path it was loaded from. */
  source: string;
  /** The class labels, in the order of the scores. */
  labels: string[];
  /** Window size N the model takes (undefined for function modules that accept any). */
  windowSize: number | undefined;
  /** The input shape the model takes: N x 21 x 3 or N x 63 per window. */
  inputLayout: ClassifierInputLayout;
  /** What runs it: a TensorFlow.js backend (`'wasm'`, `'cpu'`), `'function'` (a function module) or `'rules'` (the swipe recogniser). */
  backend: ClassifierBackend;
  /** Whether `classify` returns, after the scores, where in the window the best label was found (see `WindowClassifier.reportsMatch`). @default false */
  reportsMatch?: boolean;
}

/** Init message of the TensorFlow.js classifier worker. */
export interface TfjsClassifierInit {
  /** model.json URL (http:, https:, file:, data:) or, in Node, a file path. */
  model: string;
  /** Weight file name in the manifest -> its URL (bundlers rename each file). Absent: next to model.json. */
  weightUrls?: Readonly<Record<string, string>> | undefined;
  /** labels.json URL. Absent: next to model.json. */
  labelsUrl?: string | undefined;
  /** How load errors name the option that set the model. */
  modelOption?: string | undefined;
  /** Class labels in model output order; absent, `labels.json` next to model.json is read. */
  labels?: readonly string[] | undefined;
  /** Expected window size; the model's input must match it. */
  windowSize?: number | undefined;
  /** TensorFlow.js backend: `'auto'` tries wasm, then falls back to cpu. @default 'auto' */
  backend?: 'auto' | 'wasm' | 'cpu' | undefined;
  /** Browsers: URL prefix where the tfjs-backend-wasm `.wasm` files are served. */
  wasmPaths?: string | undefined;
}

/** Init message of the classifier worker for the swipe recogniser (`model: 'swipes'`). */
export interface SwipeClassifierInit {
  kind: 'swipes';
  /** The recogniser's parameters (checked on the page before the worker starts). */
  swipes?: SwipeOptions | undefined;
  /** The window size the recogniser is run on (checked like a model's). */
  windowSize?: number | undefined;
}

/** Init message of the classifier worker for a taught template model (`createGestureTrainer`). */
export interface TemplateClassifierInit {
  /** Always `'templates'`. */
  kind: 'templates';
  /** The taught model's JSON URL or (Node) path, or the model itself. */
  model: string | TaughtGestureModel;
  /** The window size the model is run on (must be the model's `window.frames`). */
  windowSize?: number | undefined;
}

/** Init message of the function classifier worker. */
export interface FunctionClassifierInit {
  /** Module URL or (Node) path; default-exports `(window, shape) => scores`, optionally exports `labels`. */
  module: string;
  /** Class labels in the order of the function's scores; absent, the module's `labels` export. */
  labels?: readonly string[] | undefined;
}

/** The API both classifier worker entries expose. */
export interface ClassifierWorkerApi<I> {
  /** Loads and checks the model or module; resolves with what was loaded. Rejects with `ModelLoadError`. */
  init(options: I): Promise<ClassifierInfo>;
  /** Scores for one packed window (the array is transferred in, the scores transferred back). */
  classify(window: Float32Array, shape: readonly [number, number, number], context?: WindowContext): Promise<Float32Array>;
}
