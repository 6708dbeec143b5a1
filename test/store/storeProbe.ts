/** Run in a sandboxed iframe by storePage.ts: what the saved-model functions reject with there. */
import type { TaughtGestureModel } from '../../src/filters/templateTypes.js';
import { GestureModelStoreError } from '../../src/store/GestureModelStoreError.js';
import { listGestureModels } from '../../src/store/listGestureModels.js';
import { saveGestureModel } from '../../src/store/saveGestureModel.js';

/** `listGestureModels()` and `saveGestureModel('probe', model)`, each as `{ name, kind, message }`. */
export async function probeStore(model: TaughtGestureModel): Promise<{ name: string; kind?: string; message: string; origin: string }[]> {
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => ({ name: 'none', message: 'resolved', origin }),
      (e: Error) => ({ name: e.name, ...(e instanceof GestureModelStoreError ? { kind: e.kind } : {}), message: e.message, origin }),
    );
  return [await outcome(listGestureModels()), await outcome(saveGestureModel('probe', model))];
}
