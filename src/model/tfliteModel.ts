import type { TfliteModelInfo, TfliteTensorInfo } from './modelTypes.js';
import { createFlatView, type FlatView } from './flatView.js';
import { ModelBuildError } from './modelBuildError.js';

/**
 * Field numbers of the TFLite schema (`tensorflow/lite/schema/schema.fbs`, file identifier `TFL3`) that the
 * bundle builder reads or writes.
 * @internal
 */
export const TFLITE_SCHEMA = {
  identifier: 'TFL3',
  model: { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 },
  subGraph: { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 },
  tensor: { shape: 0, type: 1, buffer: 2, name: 3 },
  buffer: { data: 0, offset: 1, size: 2 },
  metadata: { name: 0, buffer: 1 },
  operator: { largeCustomOptionsOffset: 9 },
} as const;

/**
 * Reads the root of a `.tflite` file: schema version, counts of subgraphs, buffers and operator codes, the
 * metadata entry names and the inputs/outputs of subgraph 0 (name, shape, type).
 *
 * Every offset is bounds-checked; a file that is truncated, is not `TFL3`, or keeps data outside the flatbuffer
 * (the >2 GB `Buffer.offset` form, which cannot be moved) throws {@link ModelBuildError} naming `label`.
 *
 * Internal to the hand model builder (no public entry exports it).
 *
 * @example
 * ```ts
 * import { readTfliteModel } from './tfliteModel.js';
 * const info = readTfliteModel(bytes, 'hand_landmark_full.tflite');
 * info.inputs[0]?.shape; // [1, 224, 224, 3]
 * ```
 * @internal
 */
export function readTfliteModel(bytes: Uint8Array, label: string): TfliteModelInfo {
  const view = createFlatView(bytes, label);
  const M = TFLITE_SCHEMA.model;
  const root = view.root(TFLITE_SCHEMA.identifier);
  const subgraphs = view.tableVector(root, M.subgraphs);
  const buffers = view.tableVector(root, M.buffers);
  const main = subgraphs[0];
  if (main === undefined) throw new ModelBuildError(`${label}: the model has no subgraph`, label);
  for (const [i, buffer] of buffers.entries()) {
    if (view.uint64(buffer, TFLITE_SCHEMA.buffer.offset, 0) > 1) {
      throw new ModelBuildError(`${label}: buffers[${i}] keeps its data outside the flatbuffer (Buffer.offset); such a model cannot be shifted`, label);
    }
  }
  for (const subgraph of subgraphs) {
    for (const op of view.tableVector(subgraph, TFLITE_SCHEMA.subGraph.operators)) {
      if (view.uint64(op, TFLITE_SCHEMA.operator.largeCustomOptionsOffset, 0) > 1) {
        throw new ModelBuildError(`${label}: an operator keeps custom options outside the flatbuffer; such a model cannot be shifted`, label);
      }
    }
  }
  const tensors = view.tableVector(main, TFLITE_SCHEMA.subGraph.tensors);
  const tensorAt = (index: number): TfliteTensorInfo => {
    const tensor = tensors[index];
    if (tensor === undefined) throw new ModelBuildError(`${label}: subgraph 0 names tensor ${index}, but has ${tensors.length} tensors`, label);
    return readTensor(view, tensor);
  };
  return {
    version: view.uint32(root, M.version, 0),
    subgraphCount: subgraphs.length,
    bufferCount: buffers.length,
    operatorCodeCount: view.tableVector(root, M.operatorCodes).length,
    metadataNames: view.tableVector(root, M.metadata).map((entry) => view.string(entry, TFLITE_SCHEMA.metadata.name)),
    inputs: view.int32Vector(main, TFLITE_SCHEMA.subGraph.inputs).map(tensorAt),
    outputs: view.int32Vector(main, TFLITE_SCHEMA.subGraph.outputs).map(tensorAt),
  };
}

function readTensor(view: FlatView, tensor: number): TfliteTensorInfo {
  const T = TFLITE_SCHEMA.tensor;
  const typeAt = view.fieldPos(tensor, T.type);
  return {
    name: view.string(tensor, T.name),
    shape: view.int32Vector(tensor, T.shape),
    type: typeAt === 0 ? 0 : view.bb.readInt8(typeAt),
  };
}
