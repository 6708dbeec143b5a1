/** The benchmark's typed error; it lives beside `posestream bench` (src/cli/bench.ts), re-exported here for bench/. */
export { BenchError } from '../src/cli/bench.js';
