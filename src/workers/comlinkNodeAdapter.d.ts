/** Types for comlink's ESM Node adapter (the package ships a `.d.ts` that NodeNext does not pair with `.mjs`). */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  /** The parts of a worker_threads `Worker` / `MessagePort` the adapter uses. */
  export interface NodeEndpoint {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: string, listener: (...args: any[]) => void): unknown;
    off(type: string, listener: (...args: any[]) => void): unknown;
    start?: () => void;
  }
  /** Wraps a worker_threads `Worker` or `parentPort` as a comlink `Endpoint`. */
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
