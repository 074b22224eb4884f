import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type FeedbackTask, LabeledExamplesRepository } from '../../comments/labeled-examples.repository';
import { requireSite } from '../../sites/require-site';

/** RFC 4180: quote a field only when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
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
      lines.push([`replyguard-${r.comment_id}`, r.source, csvField(r.text), String(r.label)].join(','));
    }
    return lines.join('\n') + '\n';
  }
}
