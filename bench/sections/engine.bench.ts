import { DEFAULT_SITE_POLICY, ModerationEngine, resolveSitePolicy } from '@replyguard/moderation-engine';
import { Filter } from 'bad-words';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { cpus, loadavg } from 'node:os';
import type { BenchResult, BenchSection } from '../types';
import { typicalComments } from './corpus';

const SECTION = 'engine';

/**
 * Comments per second over `passes` passes, after a warm-up pass, one core, in-process. Reports both
 * wall-clock and CPU-time rates: on a shared machine the CPU-time rate is what one core actually does.
 *
 * The warm-up is a whole pass over the corpus: V8 compiles the engine's hot functions on background
 * threads during its first ~20,000 comments, and `process.cpuUsage` counts those threads, so a shorter
 * warm-up measured the compiler as much as the engine (the first pass ran at under half the steady
 * rate). A service reaches the steady rate within its first seconds of traffic. `cold` is the rate of
 * that first pass, reported beside it.
 */
function throughput(
  engine: ModerationEngine,
  texts: string[],
  policy = DEFAULT_SITE_POLICY,
  passes = 3,
): { wall: number; cpu: number; cold: number } {
  const coldStart = process.cpuUsage();
  for (const content of texts) engine.moderate({ content, authorName: 'Sam' }, policy);
  const coldCpu = process.cpuUsage(coldStart);
  const cold = Math.round(texts.length / ((coldCpu.user + coldCpu.system) / 1e6));
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let p = 0; p < passes; p++)
    for (const content of texts) engine.moderate({ content, authorName: 'Sam' }, policy);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    wall: Math.round((texts.length * passes) / seconds),
    cpu: Math.round((texts.length * passes) / cpuSeconds),
    cold,
  };
}

/** Texts per CPU-second through `check` (one pass after a warm-up); a text it throws on still counts. */
function cpuRate(texts: string[], check: (t: string) => unknown): number {
  const run = (t: string): void => {
    try {
      check(t);
    } catch {
      // bad-words throws on some inputs; the time spent still counts
    }
  };
  texts.slice(0, 2000).forEach(run);
  const cpuStart = process.cpuUsage();
  texts.forEach(run);
  const cpu = process.cpuUsage(cpuStart);
  return Math.round(texts.length / ((cpu.user + cpu.system) / 1e6));
}

/** Microseconds per character for one long comment, at several lengths: flat means linear. */
function perChar(engine: ModerationEngine, make: (n: number) => string, n: number): number {
  const content = make(n);
  engine.moderate({ content }, DEFAULT_SITE_POLICY);
  const reps = 20;
  const start = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) engine.moderate({ content }, DEFAULT_SITE_POLICY);
  return Number(process.hrtime.bigint() - start) / 1e3 / reps / n;
}

export const engineBench: BenchSection = {
  name: SECTION,
  description: 'Whole ModerationEngine.moderate on typical comments, memory of loaded models, cost vs length',
  run(): BenchResult[] {
    global.gc?.();
    const heapBefore = process.memoryUsage();
    const loadStart = process.hrtime.bigint();
    const engine = ModerationEngine.load();
    const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
    global.gc?.();
    const heapAfter = process.memoryUsage();
    const modelMb =
      (heapAfter.heapUsed +
        heapAfter.arrayBuffers +
        heapAfter.external -
        heapBefore.heapUsed -
        heapBefore.arrayBuffers -
        heapBefore.external) /
      2 ** 20;

    const { texts, source } = typicalComments();
    const avgLen = Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length);
    const rate = throughput(engine, texts);
    const withLists = resolveSitePolicy({
      bannedWords: ['viagra', 'casino', 'buy now', 'idiot'],
      suspectWords: ['crypto', 'free money', 'loan'],
    });
    const rateLists = throughput(engine, texts, withLists);
    const rulesOnly = throughput(ModerationEngine.rulesOnly(), texts);

    const rows: BenchResult[] = [
      { section: SECTION, name: 'load models', value: round(loadMs), unit: 'ms' },
      {
        section: SECTION,
        name: 'loaded models memory',
        value: round(modelMb),
        unit: 'MB',
        target: '≤ 100',
        pass: modelMb <= 100,
      },
      {
        section: SECTION,
        name: 'throughput, default policy (CPU time)',
        value: rate.cpu,
        unit: 'comments/s',
        target: '≥ 20000',
        pass: rate.cpu >= 20000,
        note: `${texts.length} comments, avg ${avgLen} chars, ${source}; after a warm-up pass at ${rate.cold}/s (JIT)`,
      },
      {
        section: SECTION,
        name: 'throughput, default policy (wall clock)',
        value: rate.wall,
        unit: 'comments/s',
        note: `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
      },
      {
        section: SECTION,
        name: 'throughput, with word lists (CPU time)',
        value: rateLists.cpu,
        unit: 'comments/s',
        target: '≥ 20000',
        pass: rateLists.cpu >= 20000,
      },
      {
        section: SECTION,
        name: 'throughput, rules only (CPU time)',
        value: rulesOnly.cpu,
        unit: 'comments/s',
      },
    ];
    // The same texts through the two profanity packages a site might use instead (a word list, no model).
    const badWords = new Filter();
    const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
    for (const [label, check] of [
      ['bad-words (Filter.isProfane)', (t: string) => badWords.isProfane(t)],
      ['obscenity (RegExpMatcher.hasMatch)', (t: string) => obscenity.hasMatch(t)],
    ] as const) {
      const other = cpuRate(texts, check);
      rows.push({
        section: SECTION,
        name: `throughput, ${label} (CPU time)`,
        value: other,
        unit: 'comments/s',
        note: `engine ÷ ${label.split(' ')[0]}: ${round(rate.cpu / other)}`,
      });
    }
    const shapes: [string, (n: number) => string][] = [
      ['one repeated char', (n) => 'a'.repeat(n)],
      ['nested markup', (n) => '<a href="http://x.example/">'.repeat(Math.ceil(n / 26)).slice(0, n)],
      ['unclosed quotes/links', (n) => '<a <a href="'.repeat(Math.ceil(n / 12)).slice(0, n)],
      ['digits and commas', (n) => '1,'.repeat(Math.ceil(n / 2)).slice(0, n)],
      ['quoted insults', (n) => 'they said "you fucking idiot" and '.repeat(Math.ceil(n / 34)).slice(0, n)],
    ];
    for (const [label, make] of shapes) {
      const small = perChar(engine, make, 1000);
      const big = perChar(engine, make, 10_000);
      rows.push({
        section: SECTION,
        name: `µs/char, ${label}, 1k → 10k chars`,
        value: round(big),
        unit: 'µs/char',
        note: `1k: ${round(small)} µs/char; ratio ${round(big / small)}`,
        target: 'ratio ≈ 1 (linear)',
        pass: big / small < 3,
      });
    }
    return rows;
  },
};

const round = (x: number): number => Math.round(x * 1000) / 1000;
