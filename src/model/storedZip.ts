import { zipSync, type Zippable } from 'fflate';

/** DOS timestamps have no time zone: a local-time date gives the same fields (and bytes) in every zone. */
const FIXED_MTIME = new Date(2000, 0, 1, 12, 0, 0);
/** Extra-field id used to pad local headers so data starts aligned (the id Android's zipalign uses). */
const ALIGN_EXTRA_ID = 0xd935;
const LOCAL_HEADER = 30;

/**
 * Writes a zip archive of stored (uncompressed) files, deterministic and with each file's data aligned.
 *
 * Files keep the given order; every timestamp is 2000-01-01 12:00 (DOS local time, the same bytes in every
 * time zone). Each local header gets a padding extra field so the file data starts at a multiple of
 * `alignment` bytes from the start of the archive, which lets readers use the model bytes in place.
 *
 * Internal to the hand model builder (no public entry exports it).
 *
 * @example
 * ```ts
 * import { createStoredZip } from './storedZip.js';
 * const zip = createStoredZip([['hand_detector.tflite', palmBytes], ['hand_landmarks_detector.tflite', landmarkBytes]]);
 * ```
 * @internal
 */
export function createStoredZip(files: ReadonlyArray<readonly [string, Uint8Array]>, alignment = 64): Uint8Array {
  const encoder = new TextEncoder();
  const zippable: Zippable = {};
  let offset = 0;
  for (const [name, data] of files) {
    const nameLength = encoder.encode(name).byteLength;
    const unpadded = offset + LOCAL_HEADER + nameLength + 4;
    const pad = (alignment - (unpadded % alignment)) % alignment;
    zippable[name] = [data, { level: 0, mtime: FIXED_MTIME, extra: { [ALIGN_EXTRA_ID]: new Uint8Array(pad) } }];
    offset = unpadded + pad + data.byteLength;
  }
  return zipSync(zippable, { level: 0, mtime: FIXED_MTIME });
}
