import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsvRecords } from './csv';

export interface Row {
  id: string;
  source: string;
  text: string;
  label: number;
  kind?: string;
  isHate?: number;
}

/** `<repo>/../shared/datasets`, or `--data <dir>`, or REPLYGUARD_DATASETS. */
export function datasetsDir(argv: readonly string[] = process.argv): string {
  const flag = argv.indexOf('--data');
  const dir = flag >= 0 && argv[flag + 1] ? argv[flag + 1] : (process.env.REPLYGUARD_DATASETS ?? join(repoRoot(), '..', 'shared', 'datasets'));
  const abs = resolve(dir);
  if (!existsSync(abs)) throw new Error(`datasets folder not found: ${abs} (pass --data <dir> or set REPLYGUARD_DATASETS)`);
  return abs;
}

export function repoRoot(): string {
  return resolve(__dirname, '..', '..');
}

/** A dataset's rows as published: its cells were never defused, so a leading quote is the text's own. */
export function readRows(file: string): Row[] {
  return parseCsvRecords(readFileSync(file, 'utf8'), { restoreDefused: false }).map((r) => ({
    id: r.id,
    source: r.source,
    text: r.text,
    label: Number(r.label),
    kind: r.kind || undefined,
    isHate: r.is_hate === undefined || r.is_hate === '' ? undefined : Number(r.is_hate),
  }));
}

/** Lower case, accents off, whitespace collapsed: reposts of the same text land on the same side. */
export function splitKey(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** About 20% of distinct texts, chosen by a hash of the normalised text, are held out and never trained on. */
export function isHeldOut(text: string): boolean {
  const h = createHash('sha256').update('replyguard-split-v1\u0000' + splitKey(text)).digest();
  return h.readUInt32BE(0) % 100 < 20;
}

export interface Datasets {
  spam: Row[];
  offensive: Row[];
  fox: Row[];
  wiki: Row[];
}

export function loadDatasets(dir: string): Datasets {
  return {
    spam: readRows(join(dir, 'spam', 'train.csv')),
    offensive: readRows(join(dir, 'toxicity', 'train.csv')),
    fox: readRows(join(dir, 'toxicity', 'fox-news-train.csv')),
    wiki: readRows(join(dir, 'toxicity', 'wikipedia-talk-train.csv')),
  };
}
