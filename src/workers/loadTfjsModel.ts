import * as tf from './tfjs.js';
import { localPath, nodeFiles } from './nodeFiles.js';
import { ModelLoadError } from './workerErrors.js';

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** Reads a text file (Node path) or URL, with an error naming it. */
async function readText(where: string, what: string, model: string): Promise<string> {
  const path = localPath(where);
  try {
    if (path !== undefined) return await nodeFiles()!.fs.readFile(path, 'utf8');
    const res = await fetch(where);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return await res.text();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new ModelLoadError(model, `could not read ${what} ${where}: ${msg}`, { cause: err });
  }
}

/** An IOHandler reading model.json and its weight files from disk (Node, no tfjs-node). */
function fileHandler(path: string, weightUrls: Readonly<Record<string, string>>): tf.io.IOHandler {
  const dir = path.replace(/[^/\\]*$/, '');
  return {
    load: async () => {
      const text = await readText(path, 'model', path);
      let json: tf.io.ModelJSON;
      try {
        json = JSON.parse(text) as tf.io.ModelJSON;
      } catch (err) {
        throw new ModelLoadError(path, `model.json ${path} is not valid JSON: ${(err as Error).message}`);
      }
      if (json === null || typeof json !== 'object' || !json.modelTopology || !Array.isArray(json.weightsManifest)) {
        throw new ModelLoadError(path, `model.json ${path} has no modelTopology/weightsManifest`);
      }
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const parts: Uint8Array[] = [];
        for (const group of manifest) {
          for (const file of group.paths) {
            const mapped = weightUrls[file];
            const where = mapped !== undefined ? (localPath(mapped) ?? mapped) : dir + file;
            try {
              parts.push(await nodeFiles()!.fs.readFile(where));
            } catch (err) {
              throw new ModelLoadError(path, `could not read weights ${where} of ${path}: ${(err as Error).message}`);
            }
          }
          specs.push(...group.weights);
        }
        const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
        parts.reduce((offset, p) => (bytes.set(p, offset), offset + p.byteLength), 0);
        return [specs, bytes.buffer];
      });
    },
  };
}

/** Checks the weight bytes match what the manifest declares (a truncated/corrupt file otherwise loads garbage). */
function checkWeightBytes(artifacts: tf.io.ModelArtifacts, source: string): void {
  const specs = artifacts.weightSpecs ?? [];
  const expected = specs.reduce((n, s) => {
    const dtype = s.quantization?.dtype ?? s.dtype;
    return n + s.shape.reduce((a, b) => a * b, 1) * (DTYPE_BYTES[dtype] ?? 4);
  }, 0);
  const data = artifacts.weightData;
  const actual = data === undefined ? 0 : Array.isArray(data) ? data.reduce((n, b) => n + b.byteLength, 0) : data.byteLength;
  if (actual !== expected) {
    throw new ModelLoadError(source, `weights of ${source} are ${actual} bytes; its manifest declares ${expected}`);
  }
}

/**
 * Loads a TensorFlow.js LayersModel from a model.json URL (http:, https:, file:, data:) or a Node file path, with
 * errors (missing, 404, corrupt JSON or weights) naming it. `weightUrls` maps the manifest's weight file names
 * to their URLs (a bundler renames each file; model.json may even be inlined as a data: URL); absent, the
 * weights sit next to model.json.
 * @internal
 */
export async function loadTfjsModel(source: string, weightUrls: Readonly<Record<string, string>> = {}): Promise<tf.LayersModel> {
  const path = localPath(source);
  const mapped = Object.keys(weightUrls).length > 0;
  const inner =
    path !== undefined
      ? fileHandler(path, weightUrls)
      : tf.io.http(source, mapped ? { weightUrlConverter: async (file) => weightUrls[file] ?? new URL(file, source).href } : {});
  const handler: tf.io.IOHandler = {
    load: async () => {
      const artifacts = await inner.load!();
      checkWeightBytes(artifacts, source);
      return artifacts;
    },
  };
  try {
    return await tf.loadLayersModel(handler);
  } catch (err) {
    if (err instanceof ModelLoadError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw new ModelLoadError(source, `could not load model ${source}: ${msg}`, { cause: err });
  }
}

/**
 * Labels from `labelsUrl` or `labels.json` next to model.json: a JSON array of strings. When labels.json cannot be
 * read because model.json itself is missing (a wrong `--model` folder), the error names model.json, not labels.json.
 * @internal
 */
export async function loadLabels(source: string, labelsUrl?: string): Promise<string[]> {
  const path = localPath(source);
  const where =
    labelsUrl !== undefined
      ? (localPath(labelsUrl) ?? labelsUrl)
      : path !== undefined
        ? path.replace(/[^/\\]*$/, 'labels.json')
        : new URL('labels.json', source).href;
  let text: string;
  try {
    text = await readText(where, 'labels', source);
  } catch (labelsError) {
    if (labelsUrl === undefined) await readText(path ?? source, 'model', source); // throws, naming model.json, when that is what is missing
    throw labelsError;
  }
  let labels: unknown;
  try {
    labels = JSON.parse(text);
  } catch (err) {
    throw new ModelLoadError(source, `labels ${where} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string')) {
    throw new ModelLoadError(source, `labels ${where} must be a non-empty JSON array of strings`);
  }
  return labels as string[];
}
