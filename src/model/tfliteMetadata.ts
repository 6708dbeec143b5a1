import { Builder, type Offset } from 'flatbuffers';
import type { ImageModelMetadataOptions } from './modelTypes.js';

/**
 * Field numbers and union tags of MediaPipe's TFLite metadata schema (`metadata_schema.fbs`, file identifier
 * `M001`) used for image-model metadata. A union takes two slots: its type tag, then its value.
 * @internal
 */
export const METADATA_SCHEMA = {
  identifier: 'M001',
  /** The `Model.metadata` entry name tasks-vision looks for. */
  entryName: 'TFLITE_METADATA',
  modelMetadata: { name: 0, subgraphMetadata: 3, minParserVersion: 7 },
  subGraphMetadata: { inputTensorMetadata: 2, outputTensorMetadata: 3 },
  tensorMetadata: { name: 0, content: 3, processUnits: 4, stats: 5 },
  content: { propertiesType: 0, properties: 1 },
  imageProperties: { colorSpace: 0 },
  processUnit: { optionsType: 0, options: 1 },
  normalizationOptions: { mean: 0, std: 1 },
  stats: { max: 0, min: 1 },
  contentProperties: { FeatureProperties: 1, ImageProperties: 2 },
  colorSpace: { RGB: 1 },
  processUnitOptions: { NormalizationOptions: 1 },
} as const;

/**
 * Writes a minimal TFLite `ModelMetadata` flatbuffer (`M001`) for an image model with float input.
 *
 * Each input gets `TensorMetadata{name, content: ImageProperties{RGB}, process_units:
 * [NormalizationOptions{mean, std}], stats{min: (0-mean)/std, max: (255-mean)/std}}`; each output gets
 * `FeatureProperties`. `min_parser_version` is "1.0.0". This is what tasks-vision's image preprocessing needs
 * to accept a float32 input. Deterministic: the same options give the same bytes.
 *
 * Internal to the hand model builder (no public entry exports it).
 *
 * @example
 * ```ts
 * import { buildImageModelMetadata } from './tfliteMetadata.js';
 * const bytes = buildImageModelMetadata({ name: 'hand_detector', inputNames: ['input_1'], outputNames: ['Identity', 'Identity_1'] });
 * ```
 * @internal
 */
export function buildImageModelMetadata(options: ImageModelMetadataOptions): Uint8Array {
  const S = METADATA_SCHEMA;
  const mean = options.mean ?? [0];
  const std = options.std ?? [255];
  const b = new Builder(1024);
  const floats = (values: readonly number[]): Offset => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i] ?? 0);
    return b.endVector();
  };
  const offsets = (values: readonly Offset[]): Offset => {
    b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) b.addOffset(values[i] ?? 0);
    return b.endVector();
  };

  const inputs = options.inputNames.map((tensorName) => {
    const name = b.createString(tensorName);
    b.startObject(2);
    b.addFieldInt8(S.imageProperties.colorSpace, S.colorSpace.RGB, 0);
    const image = b.endObject();
    b.startObject(3);
    b.addFieldInt8(S.content.propertiesType, S.contentProperties.ImageProperties, 0);
    b.addFieldOffset(S.content.properties, image, 0);
    const content = b.endObject();
    const meanVec = floats(mean);
    const stdVec = floats(std);
    b.startObject(2);
    b.addFieldOffset(S.normalizationOptions.mean, meanVec, 0);
    b.addFieldOffset(S.normalizationOptions.std, stdVec, 0);
    const normalization = b.endObject();
    b.startObject(2);
    b.addFieldInt8(S.processUnit.optionsType, S.processUnitOptions.NormalizationOptions, 0);
    b.addFieldOffset(S.processUnit.options, normalization, 0);
    const units = offsets([b.endObject()]);
    const maxVec = floats(mean.map((m, i) => (255 - m) / (std[i] ?? std[0] ?? 1)));
    const minVec = floats(mean.map((m, i) => (0 - m) / (std[i] ?? std[0] ?? 1)));
    b.startObject(2);
    b.addFieldOffset(S.stats.max, maxVec, 0);
    b.addFieldOffset(S.stats.min, minVec, 0);
    const stats = b.endObject();
    b.startObject(7);
    b.addFieldOffset(S.tensorMetadata.name, name, 0);
    b.addFieldOffset(S.tensorMetadata.content, content, 0);
    b.addFieldOffset(S.tensorMetadata.processUnits, units, 0);
    b.addFieldOffset(S.tensorMetadata.stats, stats, 0);
    return b.endObject();
  });

  const outputs = options.outputNames.map((tensorName) => {
    const name = b.createString(tensorName);
    b.startObject(0);
    const feature = b.endObject();
    b.startObject(3);
    b.addFieldInt8(S.content.propertiesType, S.contentProperties.FeatureProperties, 0);
    b.addFieldOffset(S.content.properties, feature, 0);
    const content = b.endObject();
    b.startObject(4);
    b.addFieldOffset(S.tensorMetadata.name, name, 0);
    b.addFieldOffset(S.tensorMetadata.content, content, 0);
    return b.endObject();
  });

  const inputVec = offsets(inputs);
  const outputVec = offsets(outputs);
  b.startObject(4);
  b.addFieldOffset(S.subGraphMetadata.inputTensorMetadata, inputVec, 0);
  b.addFieldOffset(S.subGraphMetadata.outputTensorMetadata, outputVec, 0);
  const subgraphVec = offsets([b.endObject()]);
  const modelName = b.createString(options.name);
  const parserVersion = b.createString('1.0.0');
  b.startObject(8);
  b.addFieldOffset(S.modelMetadata.name, modelName, 0);
  b.addFieldOffset(S.modelMetadata.subgraphMetadata, subgraphVec, 0);
  b.addFieldOffset(S.modelMetadata.minParserVersion, parserVersion, 0);
  b.finish(b.endObject(), S.identifier);
  return b.asUint8Array().slice();
}
