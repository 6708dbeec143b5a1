/**
 * A gesture model folder picked from disk (`<input webkitdirectory>`): model.json, its weight files and
 * labels.json. The weights are turned into blob: URLs that model.json names, so the classifier worker loads the
 * folder exactly as it would load it from a server.
 */
import { ModelLoadError } from 'posestream/workers';

/** A picked folder, ready for `createClassifierWorker`. */
export interface PickedModelFolder {
  /** blob: URL of the rewritten model.json. */
  modelUrl: string;
  /** Contents of labels.json. */
  labels: string[];
  /** The folder's name, for display. */
  name: string;
  /** Revokes the blob URLs. */
  revoke(): void;
}

interface Manifest {
  weightsManifest?: { paths: string[]; weights: unknown[] }[];
}

const pathOf = (file: File): string => file.webkitRelativePath || file.name;

/** Reads the folder; rejects with a `ModelLoadError` naming the folder and what is missing or malformed. */
export async function readModelFolder(files: FileList | readonly File[]): Promise<PickedModelFolder> {
  const list = [...files];
  const modelFile = list
    .filter((f) => f.name === 'model.json')
    .sort((a, b) => pathOf(a).split('/').length - pathOf(b).split('/').length)[0];
  const folder = pathOf(list[0] ?? new File([], 'folder')).split('/')[0] ?? 'folder';
  if (modelFile === undefined) throw new ModelLoadError(folder, `model folder "${folder}" has no model.json`);
  const dir = pathOf(modelFile).replace(/model\.json$/, '');
  const inDir = new Map(list.filter((f) => pathOf(f).startsWith(dir)).map((f) => [pathOf(f).slice(dir.length), f]));
  const labelsFile = inDir.get('labels.json');
  if (labelsFile === undefined) throw new ModelLoadError(folder, `model folder "${folder}" has no labels.json next to model.json`);
  let manifest: Manifest;
  let labels: unknown;
  try {
    manifest = JSON.parse(await modelFile.text()) as Manifest;
    labels = JSON.parse(await labelsFile.text());
  } catch (cause) {
    throw new ModelLoadError(folder, `model folder "${folder}": ${String(cause)}`, { cause });
  }
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
    throw new ModelLoadError(folder, `model folder "${folder}": labels.json must be a JSON array of strings`);
  }
  const urls: string[] = [];
  const revoke = (): void => urls.forEach((u) => URL.revokeObjectURL(u));
  for (const group of manifest.weightsManifest ?? []) {
    group.paths = group.paths.map((path) => {
      const file = inDir.get(path);
      if (file === undefined) {
        revoke();
        throw new ModelLoadError(folder, `model folder "${folder}": weight file ${path} named in model.json is missing`);
      }
      const url = URL.createObjectURL(file);
      urls.push(url);
      // tfjs fetches `<model URL up to its last '/'>` + path: for blob: URLs that is the blob's own URL.
      return url.slice(url.lastIndexOf('/') + 1);
    });
  }
  const modelUrl = URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: 'application/json' }));
  urls.push(modelUrl);
  return { modelUrl, labels: labels as string[], name: folder, revoke };
}
