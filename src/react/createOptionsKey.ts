/**
 * Makes a function giving a string that changes exactly when a pipeline option changes: plain objects, arrays and
 * primitives compare by value, anything else (elements, Blobs, MediaStreams, functions) by identity, URLs by
 * `href`. `useHandGestures` restarts its pipeline when the string changes, so an options object written inline in
 * a component (a new object on every render) does not restart it, while a new `<video>` or file does.
 * A taught gesture model (`gestureModel`, large: its templates) compares by value too, written out once per object.
 * Identities are held in a `WeakMap` per key function (nothing is retained after the component goes).
 */
export function createOptionsKey(): (options: object) => string {
  const ids = new WeakMap<object, number>();
  const models = new WeakMap<object, string>();
  const modelKey = (value: object): string => {
    let key = models.get(value);
    if (key === undefined) {
      key = `#model${JSON.stringify(value)}`;
      models.set(value, key);
    }
    return key;
  };
  let count = 0;
  const idOf = (value: object): string => {
    let id = ids.get(value);
    if (id === undefined) {
      id = ++count;
      ids.set(value, id);
    }
    return `#ref${id}`;
  };
  return (options) =>
    JSON.stringify(options, (_key, value: unknown) => {
      if (typeof value === 'function') return idOf(value);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      if (value instanceof URL) return `#url${value.href}`;
      if (typeof (value as { format?: unknown }).format === 'string' && (value as { format: string }).format.startsWith('posestream-templates/')) return modelKey(value);
      const proto = Object.getPrototypeOf(value) as unknown;
      return proto === Object.prototype || proto === null ? value : idOf(value);
    }) ?? '';
}
