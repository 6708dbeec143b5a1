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
 * Measures how many {@link spin} iterations this thread runs per millisecond of CPU time: warms the loop up (so
 * it runs optimised), then divides the iterations of `trials` runs of ~`trialMs` by the CPU time they took
 * together. CPU time (process.cpuUsage) rather than wall time, so that other processes competing for the cores
 * at start-up do not shrink the calibrated work; summed over all trials because the kernel may account CPU time
 * in scheduler ticks (a few ms), which a best-of over short trials would turn into an overestimate.
 */
export function calibrateSpin(trialMs = 25, trials = 8): number {
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  spin(5_000_000);
  let perMs = 50_000;
  const c0 = cpuMs();
  spin(perMs * 20);
  perMs = (perMs * 20) / Math.max(1, cpuMs() - c0);
  const n = Math.round(perMs * trialMs);
  const s = cpuMs();
  for (let i = 0; i < trials; i++) spin(n, i + 1);
  return (n * trials) / Math.max(1, cpuMs() - s);
}

/** Does `ms` milliseconds of CPU work at the calibrated rate `itersPerMs`; returns the wall time it took, ms. */
export function burn(ms: number, itersPerMs: number, seed = 1): { checksum: number; wallMs: number } {
  const s = performance.now();
  const checksum = spin(Math.round(ms * itersPerMs), seed);
  return { checksum, wallMs: performance.now() - s };
}
