import { defuseCsvCell, restoreCsvCell } from '@replyguard/contracts';

export interface CsvOptions {
  /**
   * Read a cell defused against spreadsheet formulas (`'=…`, `'+…`, as the feedback export and
   * `formatCsvRow` write them) as it was before it was defused (default). Off for files written by
   * others, such as the published datasets, where a leading quote is the text's own (a Wikipedia talk
   * row opens with `'''-Comment'''`, bold in wiki markup).
   */
  restoreDefused?: boolean;
}

/**
 * RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; quotes doubled inside.
 * Streams chunk by chunk (a quoted field may span chunks and lines), so large files need no full read.
 */
export class CsvParser {
  private readonly restoreDefused: boolean;
  private field = '';
  private row: string[] = [];
  private quoted = false;
  private afterQuote = false;
  private pendingCr = false;

  constructor(options: CsvOptions = {}) {
    this.restoreDefused = options.restoreDefused ?? true;
  }

  /** Feeds a chunk; returns the rows it completed. */
  push(chunk: string): string[][] {
    const rows: string[][] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.quoted) {
        if (c === '"') {
          this.quoted = false;
          this.afterQuote = true;
        } else this.field += c;
        continue;
      }
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === '\n') continue;
      }
      if (c === '"') {
        // `""` inside a quoted field reopens it with a literal quote
        if (this.afterQuote) this.field += '"';
        this.quoted = true;
        this.afterQuote = false;
      } else if (c === ',') {
        this.endField();
      } else if (c === '\n' || c === '\r') {
        this.endField();
        rows.push(this.row);
        this.row = [];
        this.pendingCr = c === '\r';
      } else {
        this.field += c;
        this.afterQuote = false;
      }
    }
    return rows;
  }

  /** Flushes the last row if the input did not end with a line break. */
  end(): string[][] {
    if (this.quoted) throw new Error('CSV ends inside a quoted field');
    if (this.field.length === 0 && this.row.length === 0) return [];
    this.endField();
    const row = this.row;
    this.row = [];
    return [row];
  }

  private endField(): void {
    this.row.push(this.restoreDefused ? restoreCsvCell(this.field) : this.field);
    this.field = '';
    this.afterQuote = false;
  }
}

export function parseCsv(text: string, options?: CsvOptions): string[][] {
  const p = new CsvParser(options);
  return [...p.push(text), ...p.end()];
}

/** Rows as objects keyed by the header row. */
export function parseCsvRecords(text: string, options?: CsvOptions): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, options);
  if (!header) return [];
  return rows
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * One CSV line (RFC 4180): a field is quoted only when it holds a comma, a quote or a line break; a
 * cell a spreadsheet would run as a formula is defused first, as the feedback export does.
 */
export function formatCsvRow(cells: readonly string[]): string {
  return cells
    .map(defuseCsvCell)
    .map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
    .join(',');
}
