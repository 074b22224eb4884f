import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { defuseCsvCell } from '@replyguard/contracts';
import type { DataSource } from 'typeorm';
import { type FeedbackTask, LabeledExamplesRepository } from '../../comments/labeled-examples.repository';
import { requireSite } from '../../sites/require-site';

/**
 * RFC 4180: quote a field only when it holds a comma, a quote or a line break. The export is meant
 * to be opened in a spreadsheet, and the text is a commenter's: a cell that would run as a formula is
 * defused first (`npm run eval` and `npm run train` read it back as it was written).
 */
export function csvField(value: string): string {
  const cell = defuseCsvCell(value);
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

@Injectable()
export class ExportFeedbackHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly examples: LabeledExamplesRepository,
  ) {}

  async execute(task: FeedbackTask, siteId?: string): Promise<string> {
    if (siteId !== undefined) await requireSite(this.db.manager, siteId);
    const rows = await this.examples.list(this.db, task, siteId);
    const lines = ['id,source,text,label'];
    for (const r of rows) {
      lines.push([`replyguard-${r.comment_id}`, r.source, r.text, String(r.label)].map(csvField).join(','));
    }
    return lines.join('\n') + '\n';
  }
}
