/** The benchmark's output contract: one JSON object per line (see bench/README in the lead's docs). */

/** Scenarios of `npm run bench`. */
export type Scenario = 'stall' | 'chain' | 'soak' | 'classifiers';

/**
 * Rows: `idle` (the display tick alone, no pipeline: the machine's own floor for display jitter), the seed's
 * Option 1, the design card's naive chain, posestream with each classifier policy, bufferCount.
 */
export type Row = 'idle' | 'option1' | 'naive' | 'drop' | 'latest' | 'bufferCount' | 'swipes' | 'learned';

/** One line of output: `scenario`, `row`, then camelCase figures (null where a set was empty). */
export interface BenchRecord {
  scenario: Scenario;
  row: Row;
  [figure: string]: string | number | boolean | null;
}

/** Options the orchestrator passes to each scenario. */
export interface ScenarioOptions {
  /** Stall: seconds of measurement per row. */
  durationS: number;
  /** spin() iterations per ms, measured once at start-up by the orchestrator. */
  itersPerMs: number;
}
