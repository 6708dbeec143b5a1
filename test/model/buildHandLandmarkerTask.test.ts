import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ByteBuffer } from 'flatbuffers';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildHandLandmarkerTask } from '../../src/model/buildHandLandmarkerTask.js';
import { locateMediapipeHands, readHandModelSources } from '../../src/model/handModelSources.js';

// An independent reader: the npm flatbuffers ByteBuffer with schema slot numbers written out here, so that a
// wrong slot in the builder shows up as a failure rather than agreeing with itself.
const field = (bb: ByteBuffer, table: number, slot: number): number => bb.__offset(table, 4 + 2 * slot);
const ref = (bb: ByteBuffer, table: number, slot: number): number => {
  const o = field(bb, table, slot);
  return o === 0 ? 0 : bb.__indirect(table + o);
};
const tables = (bb: ByteBuffer, table: number, slot: number): number[] => {
  const o = field(bb, table, slot);
  if (o === 0) return [];
  const start = bb.__vector(table + o);
  return Array.from({ length: bb.__vector_len(table + o) }, (_, i) => bb.__indirect(start + 4 * i));
};
const floats = (bb: ByteBuffer, table: number, slot: number): number[] => {
  const o = field(bb, table, slot);
  const start = bb.__vector(table + o);
  return Array.from({ length: bb.__vector_len(table + o) }, (_, i) => bb.readFloat32(start + 4 * i));
};
const str = (bb: ByteBuffer, table: number, slot: number): string => {
  const o = field(bb, table, slot);
  return o === 0 ? '' : (bb.__string(table + o) as string);
};
const root = (bb: ByteBuffer): number => bb.readInt32(0);

const handsDir = await locateMediapipeHands();
/** The original palm model, cut out of the .data file by a table read here with a plain regex. */
function originalPalm(variant: string): Uint8Array {
  const loader = readFileSync(join(handsDir, 'hands_solution_packed_assets_loader.js'), 'utf8');
  const m = new RegExp(`palm_detection_${variant}\\.tflite", "start": (\\d+), "end": (\\d+)`).exec(loader);
  if (!m) throw new Error('palm entry not found in loader');
  return new Uint8Array(readFileSync(join(handsDir, 'hands_solution_packed_assets.data'))).subarray(Number(m[1]), Number(m[2]));
}

const built = {
  full: buildHandLandmarkerTask(await readHandModelSources('full', handsDir)),
  lite: buildHandLandmarkerTask(await readHandModelSources('lite', handsDir)),
};

describe.each(['full', 'lite'] as const)('buildHandLandmarkerTask (%s)', (variant) => {
  const task = built[variant];
  const entries = unzipSync(task);
  const originals: Record<string, Uint8Array> = {
    'hand_detector.tflite': originalPalm(variant),
    'hand_landmarks_detector.tflite': new Uint8Array(readFileSync(join(handsDir, `hand_landmark_${variant}.tflite`))),
  };

  it('is a stored zip holding exactly the two models, each 64-byte aligned in the archive', () => {
    expect(Object.keys(entries)).toEqual(['hand_detector.tflite', 'hand_landmarks_detector.tflite']);
    const view = new DataView(task.buffer, task.byteOffset, task.byteLength);
    let at = 0;
    for (const name of Object.keys(entries)) {
      expect(view.getUint32(at, true)).toBe(0x04034b50);
      expect(view.getUint16(at + 8, true)).toBe(0); // method: stored
      const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      expect(dataStart % 64).toBe(0);
      expect(Buffer.from(task.subarray(dataStart, dataStart + entries[name]!.byteLength)).equals(Buffer.from(entries[name]!))).toBe(true);
      at = dataStart + entries[name]!.byteLength;
    }
  });

  it.each(['hand_detector.tflite', 'hand_landmarks_detector.tflite'])('%s keeps the original bytes and parses as TFLite with metadata', (name) => {
    const bytes = entries[name]!;
    const original = originals[name]!;
    const prefix = bytes.byteLength - original.byteLength;
    expect(prefix).toBeGreaterThan(0);
    expect(prefix % 64).toBe(0);
    expect(Buffer.from(bytes.subarray(prefix)).equals(Buffer.from(original))).toBe(true);

    const bb = new ByteBuffer(bytes);
    const ob = new ByteBuffer(original);
    expect(bb.__has_identifier('TFL3')).toBe(true);
    const r = root(bb);
    const o = root(ob);
    expect(r).toBeLessThan(prefix);
    // Model: 0 version, 1 operator_codes, 2 subgraphs, 3 description, 4 buffers, 5 metadata_buffer, 6 metadata.
    expect(bb.readUint32(r + field(bb, r, 0))).toBe(ob.readUint32(o + field(ob, o, 0)));
    for (const slot of [1, 2]) {
      expect(tables(bb, r, slot).length).toBe(tables(ob, o, slot).length);
      expect(tables(bb, r, slot)).toEqual(tables(ob, o, slot).map((p) => p + prefix));
    }
    const oldBuffers = tables(ob, o, 4);
    const newBuffers = tables(bb, r, 4);
    expect(newBuffers.length).toBe(oldBuffers.length + 1);
    expect(newBuffers.slice(0, -1)).toEqual(oldBuffers.map((p) => p + prefix));
    // The first subgraph still has the same tensors and inputs, read through the new root.
    const subgraph = tables(bb, r, 2)[0]!;
    const osubgraph = tables(ob, o, 2)[0]!;
    expect(tables(bb, subgraph, 0).length).toBe(tables(ob, osubgraph, 0).length);
    expect(str(bb, tables(bb, subgraph, 0)[0]!, 3)).toBe(str(ob, tables(ob, osubgraph, 0)[0]!, 3));

    const metadata = tables(bb, r, 6);
    const names = metadata.map((m) => str(bb, m, 0));
    expect(names).toEqual([...tables(ob, o, 6).map((m) => str(ob, m, 0)), 'TFLITE_METADATA']);
    const entry = metadata[metadata.length - 1]!;
    const bufferIndex = bb.readUint32(entry + field(bb, entry, 1));
    expect(bufferIndex).toBe(oldBuffers.length);
    const dataField = field(bb, newBuffers[bufferIndex]!, 0);
    const dataStart = bb.__vector(newBuffers[bufferIndex]! + dataField);
    expect(dataStart % 16).toBe(0);
    const meta = bytes.subarray(dataStart, dataStart + bb.__vector_len(newBuffers[bufferIndex]! + dataField));

    const mb = new ByteBuffer(meta);
    expect(mb.__has_identifier('M001')).toBe(true);
    const mm = root(mb);
    expect(str(mb, mm, 7)).toBe('1.0.0');
    const sub = tables(mb, mm, 3);
    expect(sub).toHaveLength(1);
    const inputs = tables(mb, sub[0]!, 2);
    const outputs = tables(mb, sub[0]!, 3);
    expect(inputs).toHaveLength(1);
    expect(outputs).toHaveLength(name === 'hand_detector.tflite' ? 2 : 4);
    const input = inputs[0]!;
    const content = ref(mb, input, 3);
    expect(mb.readUint8(content + field(mb, content, 0))).toBe(2); // ImageProperties
    const image = ref(mb, content, 1);
    expect(mb.readInt8(image + field(mb, image, 0))).toBe(1); // RGB
    const unit = tables(mb, input, 4)[0]!;
    expect(mb.readUint8(unit + field(mb, unit, 0))).toBe(1); // NormalizationOptions
    const norm = ref(mb, unit, 1);
    expect(floats(mb, norm, 0)).toEqual([0]);
    expect(floats(mb, norm, 1)).toEqual([255]);
    const stats = ref(mb, input, 5);
    expect(floats(mb, stats, 0)).toEqual([1]);
    expect(floats(mb, stats, 1)).toEqual([0]);
    for (const output of outputs) {
      const c = ref(mb, output, 3);
      expect(mb.readUint8(c + field(mb, c, 0))).toBe(1); // FeatureProperties
    }
  });

  it('is deterministic: a second build gives the same bytes', async () => {
    const again = buildHandLandmarkerTask(await readHandModelSources(variant, handsDir));
    expect(Buffer.from(again).equals(Buffer.from(task))).toBe(true);
  });
});
