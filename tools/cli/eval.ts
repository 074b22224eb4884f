/**
 * `npm run eval -- --task spam|toxicity --input <file.csv> [--policy <policy.json>] [--ids <regex>] [--json]`: reads
 * `id,source,text,label[,kind]` (RFC 4180, quoted line breaks allowed; optional `authorName`,
 * `authorEmail` and `authorUrl` columns are the reply form's fields), runs the whole engine at the
 * default site policy, or at the partial policy in `--policy` (the JSON a site stores, e.g.
 * `{"thresholds": {"toxicity": {"hold": 0.4}}}`), and prints precision, recall and F1 (flagged = held
 * or rejected for a reason of this task), ROC-AUC of the task's score, false-positive rate and
 * throughput; overall, then per `kind` and per `source`. With `GET /v1/admin/feedback` as input, it
 * shows what a threshold change would have done to a site's own moderated comments. `--ids` keeps the
 * rows whose `id` matches a regular expression (`'[02468]$'`: a probe set's even ids, its unread half).
 */
import { createReadStream, readFileSync } from 'node:fs';
import {
  EnginePolicyError,
  type EngineSubmission,
  ModerationEngine,
  resolveSitePolicy,
  type SitePolicy,
} from '@replyguard/moderation-engine';
import { CsvParser } from '../train/csv';
import { report, type Task, type TaskReport } from '../train/evaluate';
import { rocAuc } from '../train/metrics';
import { scoreTexts } from '../train/evaluate';
import { fail, flag } from './args';

interface Row {
  id: string;
  text: string;
  /** The reply form's author fields, when the CSV has those columns (empty cells are left out). */
  author: Pick<EngineSubmission, 'authorName' | 'authorEmail' | 'authorUrl'>;
  label: number;
  kind: string;
  source: string;
}

const AUTHOR_COLUMNS = ['authorName', 'authorEmail', 'authorUrl'] as const;

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
      const author: Row['author'] = {};
      for (const col of AUTHOR_COLUMNS) if (get(col)) author[col] = get(col);
      rows.push({ id: get('id'), text: get('text'), author, label, kind: get('kind'), source: get('source') });
    }
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) take(parser.push(chunk as string));
  take(parser.end());
  return rows;
}

/** The policy of `--policy <file.json>` (a partial site policy over the defaults), or the default one. */
function policyFrom(file: string | undefined): SitePolicy {
  if (!file) return resolveSitePolicy();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${file}: not a readable JSON file (${(e as Error).message})`);
  }
  try {
    return resolveSitePolicy(json as Parameters<typeof resolveSitePolicy>[0]);
  } catch (e) {
    if (e instanceof EnginePolicyError) fail(`${file}: ${e.code}${e.field ? ` at ${e.field}` : ''}: ${e.message}`);
    throw e;
  }
}

async function main(): Promise<void> {
  const task = flag(process.argv, '--task') as Task | undefined;
  const input = flag(process.argv, '--input');
  if ((task !== 'spam' && task !== 'toxicity') || !input) fail('usage: npm run eval -- --task spam|toxicity --input <file.csv> [--policy <policy.json>] [--ids <regex>] [--json]');
  const policyFile = flag(process.argv, '--policy');
  const policy = policyFrom(policyFile);
  const engine = ModerationEngine.load(flag(process.argv, '--models'));
  const ids = flag(process.argv, '--ids');
  let idPattern: RegExp | undefined;
  try {
    idPattern = ids === undefined ? undefined : new RegExp(ids);
  } catch (e) {
    fail(`--ids: not a regular expression (${(e as Error).message})`);
  }
  const rows = (await readCsv(input)).filter((r) => !idPattern || idPattern.test(r.id));
  if (rows.length === 0) fail(`${input}: no rows${ids === undefined ? '' : ` with an id matching ${ids}`}`);

  const start = process.hrtime.bigint();
  const scored = scoreTexts(engine, rows.map((r) => ({ content: r.text, ...r.author })), task, policy);
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
    process.stdout.write(JSON.stringify({ task, input, modelVersions: engine.modelVersions, policy: policy.thresholds[task], throughput, results }, null, 2) + '\n');
    return;
  }
  const t = policy.thresholds[task];
  process.stdout.write(`task ${task}, ${rows.length} rows, models ${Object.values(engine.modelVersions).filter((v, i, a) => a.indexOf(v) === i).join(', ')}\n`);
  process.stdout.write(`${policyFile ? `policy of ${policyFile}` : 'default policy'}: hold at ${task} ≥ ${t.hold}, reject at ≥ ${t.reject}; flagged = held or rejected for a ${task} reason\n\n`);
  const cols = ['group', 'n', 'pos', 'precision', 'recall', 'F1', 'ROC-AUC', 'FPR', 'rejected', 'reject prec.', ...(task === 'toxicity' ? ['AUC hate head'] : [])];
  const table = results.map((r) => [r.group, r.n, r.positives, r.precision, r.recall, r.f1, r.auc, r.fpr, r.rejectRate, r.rejectPrecision, ...(task === 'toxicity' ? [r.aucHate] : [])].map((v) => (typeof v === 'number' && Number.isNaN(v) ? '-' : String(v))));
  const widths = cols.map((c, i) => Math.max(c.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write([line(cols), ...table.map(line)].join('\n') + '\n\n');
  process.stdout.write(`throughput: ${throughput} comments/s (whole engine, one core, ${rows.length} rows in ${seconds.toFixed(2)} s)\n`);
}

main().catch((e: Error) => fail(e.message));
