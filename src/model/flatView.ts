import { ByteBuffer } from 'flatbuffers';
import { ModelBuildError } from './modelBuildError.js';

/**
 * A bounds-checked reader of flatbuffer tables over the npm `flatbuffers` ByteBuffer, for files that may be
 * truncated or foreign: every offset is checked to land inside the buffer before it is followed, and a bad one
 * throws {@link ModelBuildError} naming the file and the byte position.
 *
 * Positions are absolute byte positions in the buffer. Slots are field numbers (0-based, as in the schema).
 *
 * Internal to the hand model builder (no public entry exports it).
 *
 * @example
 * ```ts
 * import { createFlatView } from './flatView.js';
 * const view = createFlatView(modelBytes, 'hand_landmark_full.tflite');
 * const root = view.root('TFL3');
 * const subgraphs = view.tableVector(root, 2);
 * ```
 * @internal
 */
export interface FlatView {
  readonly bb: ByteBuffer;
  readonly length: number;
  /** Position of the root table; checks the 4-byte file identifier at bytes 4..8 when given. */
  root(identifier?: string): number;
  /** Whether a table has a field in this slot, and where its value is stored (0 when absent). */
  fieldPos(table: number, slot: number): number;
  /** Number of slots the table's vtable declares. */
  slotCount(table: number): number;
  /** The position an offset field points at (0 when absent). */
  target(table: number, slot: number): number;
  /** A uint32 / int32 scalar field, `fallback` when absent. */
  uint32(table: number, slot: number, fallback: number): number;
  /** A uint64 scalar field as a number (exact below 2^53), `fallback` when absent. */
  uint64(table: number, slot: number, fallback: number): number;
  /** The element positions of a vector of tables (each already dereferenced); [] when absent. */
  tableVector(table: number, slot: number): number[];
  /** The elements of a vector of int32; [] when absent. */
  int32Vector(table: number, slot: number): number[];
  /** A string field ('' when absent). */
  string(table: number, slot: number): string;
}

/**
 * Wraps `bytes` in a {@link FlatView}; `label` names the file in error messages.
 *
 * Internal to the hand model builder (no public entry exports it).
 *
 * @example
 * ```ts
 * import { createFlatView } from './flatView.js';
 * const root = createFlatView(bytes, 'model.tflite').root('TFL3');
 * ```
 * @internal
 */
export function createFlatView(bytes: Uint8Array, label: string): FlatView {
  const bb = new ByteBuffer(bytes);
  const length = bytes.byteLength;
  const fail = (what: string, at: number): never => {
    throw new ModelBuildError(`${label}: not a valid flatbuffer (${what} at byte ${at}, file is ${length} bytes)`, label);
  };
  const need = (pos: number, size: number, what: string): void => {
    if (!Number.isInteger(pos) || pos < 0 || pos + size > length) fail(what, pos);
  };
  const checkTable = (table: number): number => {
    need(table, 4, 'table');
    const vtable = table - bb.readInt32(table);
    need(vtable, 4, 'vtable');
    const vtSize = bb.readUint16(vtable);
    if (vtSize < 4 || vtSize % 2 !== 0) fail('vtable size', vtable);
    need(vtable, vtSize, 'vtable');
    return vtable;
  };
  const view: FlatView = {
    bb,
    length,
    root(identifier) {
      need(0, 8, 'header');
      if (identifier !== undefined && !bb.__has_identifier(identifier)) {
        const found = String.fromCharCode(...bytes.subarray(4, 8));
        throw new ModelBuildError(`${label}: file identifier is ${JSON.stringify(found)}, expected "${identifier}"`, label);
      }
      const root = bb.readUint32(0);
      checkTable(root);
      return root;
    },
    slotCount(table) {
      return (bb.readUint16(checkTable(table)) - 4) / 2;
    },
    fieldPos(table, slot) {
      const vtable = checkTable(table);
      const entry = 4 + 2 * slot;
      if (entry >= bb.readUint16(vtable)) return 0;
      const rel = bb.readUint16(vtable + entry);
      if (rel === 0) return 0;
      need(table + rel, 1, `field ${slot}`);
      return table + rel;
    },
    target(table, slot) {
      const at = view.fieldPos(table, slot);
      if (at === 0) return 0;
      need(at, 4, `offset field ${slot}`);
      const to = at + bb.readUint32(at);
      need(to, 4, `target of field ${slot}`);
      return to;
    },
    uint32(table, slot, fallback) {
      const at = view.fieldPos(table, slot);
      if (at === 0) return fallback;
      need(at, 4, `field ${slot}`);
      return bb.readUint32(at);
    },
    uint64(table, slot, fallback) {
      const at = view.fieldPos(table, slot);
      if (at === 0) return fallback;
      need(at, 8, `field ${slot}`);
      return Number(bb.readUint64(at));
    },
    tableVector(table, slot) {
      const vec = view.target(table, slot);
      if (vec === 0) return [];
      const n = bb.readUint32(vec);
      need(vec + 4, n * 4, `vector of field ${slot}`);
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const at = vec + 4 + 4 * i;
        const element = at + bb.readUint32(at);
        checkTable(element);
        out.push(element);
      }
      return out;
    },
    int32Vector(table, slot) {
      const vec = view.target(table, slot);
      if (vec === 0) return [];
      const n = bb.readUint32(vec);
      need(vec + 4, n * 4, `vector of field ${slot}`);
      return Array.from({ length: n }, (_, i) => bb.readInt32(vec + 4 + 4 * i));
    },
    string(table, slot) {
      const str = view.target(table, slot);
      if (str === 0) return '';
      need(str + 4, bb.readUint32(str), `string of field ${slot}`);
      return new TextDecoder().decode(bytes.subarray(str + 4, str + 4 + bb.readUint32(str)));
    },
  };
  return view;
}
