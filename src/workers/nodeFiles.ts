import { nodeBuiltin } from './nodeBuiltin.js';
type NodeFs = typeof import('node:fs/promises');
type NodeUrl = typeof import('node:url');
type NodeModule = typeof import('node:module');


/** Node's fs/url/module built-ins, or undefined in browsers. @internal */
export function nodeFiles(): { fs: NodeFs; url: NodeUrl; module: NodeModule } | undefined {
  const fs = nodeBuiltin<NodeFs>('node:fs/promises');
  const url = nodeBuiltin<NodeUrl>('node:url');
  const module = nodeBuiltin<NodeModule>('node:module');
  return fs && url && module ? { fs, url, module } : undefined;
}

/**
 * In Node, a file path for `source` when it is a path or file: URL (undefined for http(s) and in browsers).
 * @internal
 */
export function localPath(source: string): string | undefined {
  const node = nodeFiles();
  if (!node) return undefined;
  if (source.startsWith('file:')) return node.url.fileURLToPath(source);
  return /^[a-z][a-z0-9+.-]+:/i.test(source) && !/^[a-z]:[\\/]/i.test(source) ? undefined : source;
}
