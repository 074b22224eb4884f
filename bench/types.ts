/** One row of the benchmark table. */
export interface BenchResult {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** Target to compare against, if the issue sets one (e.g. ≥ 20000 comments/s). */
  target?: string;
  pass?: boolean;
  note?: string;
}

/**
 * A benchmark section. Add one by writing `bench/sections/<name>.bench.ts` exporting a `BenchSection`
 * and listing it in bench/sections/index.ts; bench/run.ts prints every section's rows in one table.
 */
export interface BenchSection {
  name: string;
  description: string;
  run(): Promise<BenchResult[]> | BenchResult[];
}
