/**
 * `npm run eval -- --task spam|toxicity --input <file.csv> [--json]`: reads `id,source,text,label[,kind]`
 * (RFC 4180, quoted line breaks allowed), runs the whole engine at the default site policy and prints
 * precision, recall and F1 (flagged = held or rejected for a reason of this task), ROC-AUC of the task's
 * score, false-positive rate and throughput; overall, then per `kind` and per `source`.
 */
import { createReadStream } from 'node:fs';
import { DEFAULT_SITE_POLICY, ModerationEngine } from '@replyguard/moderation-engine';
import { CsvParser } from '../train/csv';
import { report, type Task, type TaskReport } from '../train/evaluate';
import { rocAuc } from '../train/metrics';
import { scoreTexts } from '../train/evaluate';
import { fail, flag } from './args';

interface Row {
  text: string;
  label: number;
  kind: string;
  source: string;
}

async function readCsv(file: string): Promise<Row[]> {
  const parser = new CsvParser();
  const rows: Row[] = [];
  let header: string[] | undefined;
  const take = (cells: string[][]): void => {
    for (const r of cells) {
      if (!header) {
        header = r.map((h) => h.trim().replace(/^\uFEFF/, ''));
        for (const col of ['text', 'label']) if (!header.includes(col)) fail(`${file}: missing column ${col}`);
        continue;
      }
      if (r.length === 1 && r[0] === '') continue;
      const get = (col: string): string => r[header!.indexOf(col)] ?? '';
      const label = Number(get('label'));
      if (label !== 0 && label !== 1) fail(`${file}: label must be 0 or 1, got ${JSON.stringify(get('label'))}`);
      rows.push({ text: get('text'), label, kind: get('kind'), source: get('source') });
    }
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) take(parser.push(chunk as string));
  take(parser.end());
  return rows;
}

async function main(): Promise<void> {
  const task = flag(process.argv, '--task') as Task | undefined;
  const input = flag(process.argv, '--input');
  if ((task !== 'spam' && task !== 'toxicity') || !input) fail('usage: npm run eval -- --task spam|toxicity --input <file.csv> [--json]');
  const engine = ModerationEngine.load(flag(process.argv, '--models'));
  const rows = await readCsv(input);
  if (rows.length === 0) fail(`${input}: no rows`);

  const start = process.hrtime.bigint();
  const scored = scoreTexts(engine, rows.map((r) => r.text), task, DEFAULT_SITE_POLICY);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const throughput = Math.round(rows.length / seconds);

  const groups: [string, number[]][] = [['all', rows.map((_, i) => i)]];
  for (const col of ['kind', 'source'] as const) {
    const values = [...new Set(rows.map((r) => r[col]).filter(Boolean))].sort();
    if (values.length > 1 || (col === 'kind' && values.length === 1)) for (const v of values) groups.push([`${col}=${v}`, rows.flatMap((r, i) => (r[col] === v ? [i] : []))]);
  }
  const results = groups.map(([name, idx]) => {
    const pick = <T>(xs: T[]): T[] => idx.map((i) => xs[i]);
    const labels = pick(rows.map((r) => r.label));
    const rep: TaskReport & { aucHate?: number } = report({ flagged: pick(scored.flagged), rejected: pick(scored.rejected), score: pick(scored.score), toxicity: [], hate: [] }, labels);
    if (task === 'toxicity') rep.aucHate = rocAuc(pick(scored.hate), labels);
    return { group: name, ...rep };
  });

  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ task, input, modelVersions: engine.modelVersions, policy: DEFAULT_SITE_POLICY.thresholds[task], throughput, results }, null, 2) + '\n');
    return;
  }
  const t = DEFAULT_SITE_POLICY.thresholds[task];
  process.stdout.write(`task ${task}, ${rows.length} rows, models ${Object.values(engine.modelVersions).filter((v, i, a) => a.indexOf(v) === i).join(', ')}\n`);
  process.stdout.write(`default policy: hold at ${task} ≥ ${t.hold}, reject at ≥ ${t.reject}; flagged = held or rejected for a ${task} reason\n\n`);
  const cols = ['group', 'n', 'pos', 'precision', 'recall', 'F1', 'ROC-AUC', 'FPR', 'rejected', 'reject prec.', ...(task === 'toxicity' ? ['AUC hate head'] : [])];
  const table = results.map((r) => [r.group, r.n, r.positives, r.precision, r.recall, r.f1, r.auc, r.fpr, r.rejectRate, r.rejectPrecision, ...(task === 'toxicity' ? [r.aucHate] : [])].map((v) => (typeof v === 'number' && Number.isNaN(v) ? '-' : String(v))));
  const widths = cols.map((c, i) => Math.max(c.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write([line(cols), ...table.map(line)].join('\n') + '\n\n');
  process.stdout.write(`throughput: ${throughput} comments/s (whole engine, one core, ${rows.length} rows in ${seconds.toFixed(2)} s)\n`);
}

main().catch((e: Error) => fail(e.message));
