/**
 * Real CPU work for the benchmark's stand-in estimator and classifier: a busy integer loop whose length is
 * calibrated once at start-up, so that "20 ms of work" stays 20 ms of CPU and takes longer in wall time when the
 * thread has to share a core (a sleep, or a loop that watches the clock, would hide exactly that).
 */

/** Runs `iterations` rounds of a linear congruential generator and returns a checksum (so the loop is not dead code). */
export function spin(iterations: number, seed = 1): number {
  let x = seed | 0;
  let acc = 0;
  for (let i = 0; i < iterations; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) | 0;
    acc = (acc + (x >>> 9)) | 0;
  }
  return acc;
}

/**
 * Measures how many {@link spin} iterations this thread runs per millisecond when it has a core to itself: warms
 * the function up (so it runs in V8's top tier), then times `trials` short runs of ~`trialMs` on the wall clock and
 * keeps the fastest. Competing processes can only slow a trial down, never speed it up, so the fastest trial is
 * the uncontended rate; short trials (shorter than a scheduler time slice) make an uncontended one likely even
 * on a busy machine. (Process CPU time is no good here: it also counts the process's other threads.)
 */
export function calibrateSpin(trialMs = 2, trials = 300): number {
  // Many short calls first, so V8 optimises `spin` itself (not only the loop via on-stack replacement) before
  // anything is timed: otherwise the rate jumps 2-4x later in the run, when the top tier kicks in.
  for (let i = 0; i < 2000; i++) spin(2_000, i);
  let t = performance.now();
  spin(1_000_000);
  let perMs = 1_000_000 / Math.max(0.05, performance.now() - t);
  let best = 0;
  for (let i = 0; i < trials; i++) {
    const n = Math.round(perMs * trialMs);
    t = performance.now();
    spin(n | 0, i + 1);
    const rate = n / Math.max(0.05, performance.now() - t);
    if (rate > best) best = rate;
    perMs = best;
  }
  return best;
}

/** Does `ms` milliseconds of CPU work at the calibrated rate `itersPerMs`; returns the wall time it took, ms. */
export function burn(ms: number, itersPerMs: number, seed = 1): { checksum: number; wallMs: number } {
  const s = performance.now();
  // Small integers only (`| 0`): a double argument would change V8's type feedback and deoptimise the loop.
  const checksum = spin(Math.round(ms * itersPerMs) | 0, seed | 0);
  return { checksum, wallMs: performance.now() - s };
}

