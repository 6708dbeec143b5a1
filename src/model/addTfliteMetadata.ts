import { Builder, type Offset } from 'flatbuffers';
import { createFlatView } from './flatView.js';
import { ModelBuildError } from './modelBuildError.js';
import { METADATA_SCHEMA } from './tfliteMetadata.js';
import { TFLITE_SCHEMA } from './tfliteModel.js';

/** The prefix written in front of the original model is a multiple of this, so its alignment is kept. @internal */
export const PREFIX_ALIGNMENT = 64;

/**
 * Adds a `TFLITE_METADATA` entry to a `.tflite` model without re-serialising it.
 *
 * Writes a new root `Model` table in front of the untouched original bytes: flatbuffer offsets only point
 * forward, so the new root refers to the original's operator codes, subgraphs, description, metadata_buffer and
 * signature defs where they now sit (shifted by the prefix), with a `buffers` vector of the old buffers plus one
 * new buffer holding `metadata` (16-byte aligned), and a `metadata` vector of the old entries (minus any old
 * `TFLITE_METADATA`) plus the new one. The prefix is a multiple of {@link PREFIX_ALIGNMENT} bytes, so the
 * original keeps its alignment; the result ends with the original bytes, byte for byte. Deterministic.
 *
 * Throws {@link ModelBuildError} naming `label` when the model is not a readable TFLite flatbuffer or its root
 * has fields this builder does not know.
 *
 * Internal to the hand model builder (no public entry exports it).
 *
 * @example
 * ```ts
 * import { addTfliteMetadata } from './addTfliteMetadata.js';
 * import { buildImageModelMetadata } from './tfliteMetadata.js';
 * const meta = buildImageModelMetadata({ name: 'hand_detector', inputNames: ['input_1'], outputNames: ['a', 'b'] });
 * const withMetadata = addTfliteMetadata(modelBytes, meta, 'palm_detection_full.tflite');
 * ```
 * @internal
 */
export function addTfliteMetadata(model: Uint8Array, metadata: Uint8Array, label: string): Uint8Array {
  const M = TFLITE_SCHEMA.model;
  const view = createFlatView(model, label);
  const root = view.root(TFLITE_SCHEMA.identifier);
  const slots = view.slotCount(root);
  for (let slot = M.signatureDefs + 1; slot < slots; slot++) {
    if (view.fieldPos(root, slot) !== 0) {
      throw new ModelBuildError(`${label}: the Model table has field ${slot}, unknown to this builder (schema newer than expected)`, label);
    }
  }
  const oldBuffers = view.tableVector(root, M.buffers);
  const oldEntries = view
    .tableVector(root, M.metadata)
    .filter((entry) => view.string(entry, TFLITE_SCHEMA.metadata.name) !== METADATA_SCHEMA.entryName);

  const b = new Builder(metadata.byteLength + 8 * (oldBuffers.length + oldEntries.length) + 1024);
  // An Offset in this builder counts bytes back from the end of the prefix; the original model follows the
  // prefix, so its byte `x` is at Offset `-x`.
  const inOriginal = (position: number): Offset => -position;
  const offsets = (values: readonly Offset[]): Offset => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i] ?? 0);
    return b.endVector();
  };

  b.startVector(1, metadata.byteLength, 16);
  for (let i = metadata.byteLength - 1; i >= 0; i--) b.addInt8(metadata[i] ?? 0);
  const data = b.endVector();
  b.startObject(1);
  b.addFieldOffset(TFLITE_SCHEMA.buffer.data, data, 0);
  const newBuffer = b.endObject();
  const entryName = b.createString(METADATA_SCHEMA.entryName);
  b.startObject(2);
  b.addFieldOffset(TFLITE_SCHEMA.metadata.name, entryName, 0);
  b.addFieldInt32(TFLITE_SCHEMA.metadata.buffer, oldBuffers.length, 0);
  const newEntry = b.endObject();
  const buffers = offsets([...oldBuffers.map(inOriginal), newBuffer]);
  const entries = offsets([...oldEntries.map(inOriginal), newEntry]);

  b.startObject(M.signatureDefs + 1);
  const versionAt = view.fieldPos(root, M.version);
  if (versionAt !== 0) b.addFieldInt32(M.version, view.bb.readUint32(versionAt) | 0, null);
  for (const slot of [M.operatorCodes, M.subgraphs, M.description, M.metadataBuffer, M.signatureDefs]) {
    const target = view.target(root, slot);
    if (target !== 0) b.addFieldOffset(slot, inOriginal(target), 0);
  }
  b.addFieldOffset(M.buffers, buffers, 0);
  b.addFieldOffset(M.metadata, entries, 0);
  const newRoot = b.endObject();
  // Pad so that root offset + identifier (8 bytes) end the prefix on a PREFIX_ALIGNMENT boundary.
  b.pad((PREFIX_ALIGNMENT - ((b.offset() + 8) % PREFIX_ALIGNMENT)) % PREFIX_ALIGNMENT);
  b.finish(newRoot, TFLITE_SCHEMA.identifier);
  const prefix = b.asUint8Array();
  if (prefix.byteLength % PREFIX_ALIGNMENT !== 0) {
    throw new Error(`addTfliteMetadata: prefix of ${prefix.byteLength} bytes is not ${PREFIX_ALIGNMENT}-aligned`);
  }
  const out = new Uint8Array(prefix.byteLength + model.byteLength);
  out.set(prefix, 0);
  out.set(model, prefix.byteLength);
  return out;
}
