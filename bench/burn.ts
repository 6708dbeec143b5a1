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
 * Measures how many {@link spin} iterations this thread runs per millisecond: warms the loop up, then keeps the
 * fastest of several ~`trialMs` trials (the least disturbed by other processes).
 */
export function calibrateSpin(trialMs = 25, trials = 7): number {
  let perMs = 50_000;
  spin(2_000_000);
  // A first rough estimate so that each trial lasts about trialMs.
  const t0 = performance.now();
  spin(perMs * 5);
  perMs = (perMs * 5) / Math.max(0.05, performance.now() - t0);
  let best = 0;
  for (let i = 0; i < trials; i++) {
    const n = Math.round(perMs * trialMs);
    const s = performance.now();
    spin(n, i + 1);
    const rate = n / Math.max(0.01, performance.now() - s);
    if (rate > best) best = rate;
  }
  return best;
}

/** Does `ms` milliseconds of CPU work at the calibrated rate `itersPerMs`; returns the wall time it took, ms. */
export function burn(ms: number, itersPerMs: number, seed = 1): { checksum: number; wallMs: number } {
  const s = performance.now();
  const checksum = spin(Math.round(ms * itersPerMs), seed);
  return { checksum, wallMs: performance.now() - s };
}
