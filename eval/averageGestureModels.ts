/**
 * A seed ensemble as ONE model file: the members' layers side by side on a shared input, their softmax outputs
 * averaged, so the classifier worker serves it unchanged. Evaluation tooling (the ensemble is not shipped).
 */
import * as tf from '../src/train/trainingTfjs.js';
import { ModelShapeError } from '../src/train/trainErrors.js';

/**
 * Merges trained gesture models of one shape (e.g. one recipe trained with several seeds) into ONE functional
 * model whose output is the mean of theirs: every member's layers are copied (renamed `m<k>_<name>`, same
 * weights) onto a shared input and their softmax outputs averaged by `tf.layers.average`. The result saves and
 * loads like any gesture model (`saveGestureModel`), so the classifier worker serves an ensemble unchanged.
 * Members must be chains of layers (each layer fed by the one before, as `createGestureModel` builds them), with
 * the same input shape and the same number of outputs; otherwise a {@link ModelShapeError} names the member.
 *
 * @example
 * ```ts
 * const ensemble = averageGestureModels([seed1.model, seed2.model, seed3.model]);
 * await saveGestureModel('models/mine', ensemble, metadata);
 * ```
 */
export function averageGestureModels(members: readonly tf.LayersModel[], name = 'posestream_gesture_ensemble'): tf.LayersModel {
  const first = members[0];
  if (!first) throw new ModelShapeError('averageGestureModels', 'no member models');
  const inputShape = first.inputs[0]!.shape;
  const outputShape = first.outputs[0]!.shape;
  members.forEach((m, k) => {
    if (m.inputs.length !== 1 || m.outputs.length !== 1) throw new ModelShapeError(`member ${k} (${m.name})`, `expected one input and one output, got ${m.inputs.length} and ${m.outputs.length}`);
    if (JSON.stringify(m.inputs[0]!.shape) !== JSON.stringify(inputShape) || JSON.stringify(m.outputs[0]!.shape) !== JSON.stringify(outputShape)) {
      throw new ModelShapeError(
        `member ${k} (${m.name})`,
        `input ${JSON.stringify(m.inputs[0]!.shape)} -> output ${JSON.stringify(m.outputs[0]!.shape)}, member 0 has ${JSON.stringify(inputShape)} -> ${JSON.stringify(outputShape)}`,
      );
    }
  });
  const input = tf.input({ shape: inputShape.slice(1) as number[], name: `${name}_input` });
  const registry = tf.serialization.SerializationMap.getMap().classNameMap;
  const copies: Array<[tf.layers.Layer, tf.layers.Layer]> = [];
  const outputs = members.map((member, k) => {
    let x: tf.SymbolicTensor = input;
    let previous = member.inputs[0]!.name;
    for (const layer of member.layers) {
      if (layer.getClassName() === 'InputLayer') continue;
      const fed = layer.inboundNodes.flatMap((n) => n.inputTensors.map((t) => t.name));
      if (fed.length !== 1 || fed[0] !== previous) throw new ModelShapeError(`member ${k} (${member.name})`, `layer ${layer.name} is not fed by the layer before it (a chain is required)`);
      previous = layer.output instanceof Array ? '' : (layer.output as tf.SymbolicTensor).name;
      const entry = registry[layer.getClassName()];
      if (!entry) throw new ModelShapeError(`member ${k} (${member.name})`, `layer class ${layer.getClassName()} is not registered`);
      const [cls, fromConfig] = entry;
      const copy = fromConfig(cls, { ...layer.getConfig(), name: `m${k}_${layer.name}` }) as unknown as tf.layers.Layer;
      x = copy.apply(x) as tf.SymbolicTensor;
      copies.push([copy, layer]);
    }
    return x;
  });
  const output = members.length === 1 ? outputs[0]! : (tf.layers.average({ name: `${name}_average` }).apply(outputs) as tf.SymbolicTensor);
  const model = tf.model({ inputs: input, outputs: output, name });
  for (const [copy, layer] of copies) copy.setWeights(layer.getWeights());
  return model;
}
