import type { EmscriptenFileEntry } from './modelTypes.js';
import { ModelBuildError } from './modelBuildError.js';

/** The file table an Emscripten `--preload-file` loader passes to `loadPackage(...)`. */
export interface EmscriptenPackage {
  files: EmscriptenFileEntry[];
  /** Size of the `.data` file the table describes, bytes. */
  packageSize: number;
}

const CALL = 'loadPackage(';

/**
 * Reads the file table of an Emscripten file package from its loader script.
 *
 * Finds the last `loadPackage({...})` call, parses its JSON argument and checks every entry (a string
 * `filename`, integer `start <= end` inside `remote_package_size`). Throws {@link ModelBuildError} naming the
 * loader file and line when the call is missing or the table is malformed.
 *
 * Internal to the hand model builder (no public entry exports it).
 *
 * @example
 * ```ts
 * import { parseEmscriptenPackage } from './emscriptenPack.js';
 * const { files } = parseEmscriptenPackage(loaderSource, 'hands_solution_packed_assets_loader.js');
 * ```
 * @internal
 */
export function parseEmscriptenPackage(loaderSource: string, loaderPath: string): EmscriptenPackage {
  const at = loaderSource.lastIndexOf(CALL + '{');
  if (at < 0) {
    throw new ModelBuildError(`${loaderPath}: no "loadPackage({...})" call holding the file table`, loaderPath);
  }
  const line = loaderSource.slice(0, at).split('\n').length;
  const where = `${loaderPath}:${line}`;
  const json = balancedObject(loaderSource, at + CALL.length);
  if (json === undefined) throw new ModelBuildError(`${where}: the loadPackage argument is not closed`, loaderPath);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (cause) {
    throw new ModelBuildError(`${where}: the loadPackage argument is not JSON (${String(cause)})`, loaderPath, { cause });
  }
  const table = parsed as { files?: unknown; remote_package_size?: unknown };
  const size = table.remote_package_size;
  if (!Array.isArray(table.files) || !isByteCount(size)) {
    throw new ModelBuildError(`${where}: expected {"files": [...], "remote_package_size": n}`, loaderPath);
  }
  const files = table.files.map((entry: unknown, i): EmscriptenFileEntry => {
    const e = entry as { filename?: unknown; start?: unknown; end?: unknown };
    if (typeof e.filename !== 'string' || !isByteCount(e.start) || !isByteCount(e.end) || e.start > e.end || e.end > size) {
      throw new ModelBuildError(
        `${where}: files[${i}] is not {filename, start <= end <= ${size}}: ${JSON.stringify(entry)}`,
        loaderPath,
      );
    }
    return { filename: e.filename, start: e.start, end: e.end };
  });
  return { files, packageSize: size };
}

/**
 * Cuts one file out of an Emscripten `.data` package, by the last path segment of its name.
 *
 * Checks that the package has the size the table says and that exactly one entry ends in `/<basename>`;
 * otherwise throws {@link ModelBuildError} naming `dataPath`. Returns a view (no copy) into `data`.
 *
 * Internal to the hand model builder (no public entry exports it).
 *
 * @example
 * ```ts
 * import { extractPackedFile, parseEmscriptenPackage } from './emscriptenPack.js';
 * const pkg = parseEmscriptenPackage(loaderSource, loaderPath);
 * const palm = extractPackedFile(dataBytes, pkg, 'palm_detection_full.tflite', dataPath);
 * ```
 * @internal
 */
export function extractPackedFile(data: Uint8Array, pkg: EmscriptenPackage, basename: string, dataPath: string): Uint8Array {
  if (data.byteLength !== pkg.packageSize) {
    throw new ModelBuildError(
      `${dataPath}: ${data.byteLength} bytes, but its loader's file table describes ${pkg.packageSize} bytes (truncated or from another version?)`,
      dataPath,
    );
  }
  const matches = pkg.files.filter((f) => f.filename === basename || f.filename.endsWith('/' + basename));
  const entry = matches[0];
  if (entry === undefined || matches.length > 1) {
    const names = pkg.files.map((f) => f.filename).join(', ');
    throw new ModelBuildError(`${dataPath}: expected one packed file named ${basename}, found ${matches.length} among [${names}]`, dataPath);
  }
  return data.subarray(entry.start, entry.end);
}

function isByteCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The text of the `{...}` starting at `from`, skipping braces inside JSON strings; undefined when unbalanced. */
function balancedObject(text: string, from: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(from, i + 1);
  }
  return undefined;
}
