/**
 * `npm run bench [-- --only <section>]`: runs every benchmark section, prints one table and writes
 * bench/results/<timestamp>.json and bench/results/latest.json (both git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SECTIONS } from './sections';
import { stopBenchInfra } from './support/infra';
import type { BenchResult } from './types';

async function main(): Promise<void> {
  const only = flag('--only');
  const loadStart = loadavg();
  const results: BenchResult[] = [];
  try {
    for (const section of SECTIONS) {
      if (only && section.name !== only) continue;
      process.stderr.write(`running ${section.name}: ${section.description}\n`);
      results.push(...(await section.run()));
    }
  } finally {
    // The broker, database and service processes the sections started.
    await stopBenchInfra();
  }
  printTable(results);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const report = {
    at: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    // Other work on the machine skews absolute figures; ratios measured side by side hold better.
    loadAverage: { start: loadStart, end: loadavg() },
    results,
  };
  const text = JSON.stringify(report, null, 2) + '\n';
  writeFileSync(join(dir, `${report.at.replace(/[:.]/g, '-')}.json`), text);
  writeFileSync(join(dir, 'latest.json'), text);
  if (results.some((r) => r.pass === false)) process.exitCode = 1;
}

function printTable(rows: BenchResult[]): void {
  const cells = rows.map((r) => [
    r.section,
    r.name,
    String(r.value),
    r.unit,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'ok' : 'FAIL',
    r.note ?? '',
  ]);
  const header = ['section', 'benchmark', 'value', 'unit', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string =>
    c
      .map((x, i) => (i === 2 ? x.padStart(widths[i]) : x.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  process.stdout.write(
    [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n',
  );
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

void main();
