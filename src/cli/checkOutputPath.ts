import { accessSync, constants, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InvalidOptionError } from '../filters/InvalidOptionError.js';

/** What {@link checkOutputPath} checks a path for. */
export interface OutputPathOptions {
  /**
   * `'file'`: a file to create (`record -o`): its folder must exist. `'dir'`: a folder to create or fill (`train
   * --out`): the folders missing on the way are created, so the nearest existing one must be a folder.
   */
  kind: 'file' | 'dir';
  /** Overwrite what is there (a file; a folder's `files`). @default false */
  force?: boolean;
  /** `'dir'`: the files the command writes into the folder; any of them there already needs `force`. @default [] */
  files?: readonly string[];
}

const stat = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/**
 * Checks an output path before a command starts its work, so a long recording or training never dies at the end on
 * a path it could not write: the path must not be a folder (`'file'`) or a file (`'dir'`), what it would overwrite
 * needs `force`, and the folder it goes in must exist (`'file'`) and be writable. Anything else is an
 * {@link InvalidOptionError} naming the flag as typed and the path (the CLI exits 2). Returns the absolute path.
 *
 * @example
 * ```ts
 * const out = checkOutputPath('posestream record', '-o', 'take.ndjson', { kind: 'file', force: false });
 * ```
 * @internal
 */
export function checkOutputPath(command: string, flag: string, path: string, options: OutputPathOptions): string {
  const { kind, force = false, files = [] } = options;
  const absolute = resolve(path);
  const fail = (expected: string, got: string): never => {
    throw new InvalidOptionError(command, flag, expected, got);
  };
  const here = stat(absolute);
  if (kind === 'file') {
    if (here?.isDirectory() || /[/\\]$/.test(path)) fail('a file path, not a directory', `${path} (a directory)`);
    if (here && !force) fail('a file that does not exist yet (pass --force to overwrite it)', `${path} (it exists)`);
    const parent = stat(dirname(absolute));
    if (!parent?.isDirectory()) fail('a path in an existing directory', `${path} (no directory ${dirname(absolute)})`);
  } else {
    if (here && !here.isDirectory()) fail('a directory (it is created if missing)', `${path} (a file)`);
    const existing = files.filter((name) => stat(join(absolute, name)) !== undefined);
    if (existing.length > 0 && !force) fail('a new or empty directory (pass --force to overwrite the model in it)', `${path} (it holds ${existing.join(', ')})`);
  }
  // The nearest folder that exists is where the first file or folder is created: it must be writable.
  let folder = kind === 'file' ? dirname(absolute) : absolute;
  while (stat(folder) === undefined && dirname(folder) !== folder) folder = dirname(folder);
  if (!stat(folder)?.isDirectory()) fail('a path whose folders can be created', `${path} (${folder} is a file)`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    fail('a path in a writable directory', `${path} (${folder} is not writable)`);
  }
  return absolute;
}
