/**
 * A Node built-in module (`node:fs/promises`, `node:worker_threads`, ...) when running in Node, else undefined:
 * loaded synchronously through `process.getBuiltinModule`, without a static import that a browser bundler would
 * try to follow.
 *
 * Internal (no public entry exports it).
 *
 * @example
 * ```ts
 * import { nodeBuiltin } from '../workers/nodeBuiltin.js';
 * const fs = nodeBuiltin<typeof import('node:fs/promises')>('node:fs/promises'); // undefined in a browser
 * ```
 * @internal
 */
export function nodeBuiltin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof proc?.getBuiltinModule === 'function' ? (proc.getBuiltinModule(id) as T) : undefined;
}
