import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isAkismetTest } from '@replyguard/contracts';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { LabeledExamplesRepository } from '../../comments/labeled-examples.repository';
import type { AkismetComment } from '../akismet-request';
import { AkismetKeysHandler } from '../verify-key/akismet-keys.handler';

export type AkismetFeedback = 'spam' | 'ham';

/**
 * `submit-spam` and `submit-ham`: a site says what a comment really was. The text becomes a labeled
 * example of the spam task, beside the moderators' decisions, keyed by a hash of the text so that
 * a later correction replaces the earlier label. Test requests (`is_test`) train nothing.
 */
@Injectable()
export class SubmitFeedbackHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keys: AkismetKeysHandler,
    private readonly examples: LabeledExamplesRepository,
  ) {}

  async execute(key: string | null, kind: AkismetFeedback, { fields }: AkismetComment): Promise<void> {
    const holder = await this.keys.holderFor(key);
    const text = fields.comment_content?.trim();
    if (!text || isAkismetTest(fields.is_test)) return;
    const textHash = createHash('sha256').update(text.toLowerCase()).digest('hex');
    await this.examples.upsertExternal(this.db.manager, [
      {
        externalKey: `akismet-${textHash}`,
        siteId: holder.siteId,
        task: 'spam',
        label: kind === 'spam' ? 1 : 0,
        text,
        source: 'replyguard-akismet',
        createdBy: `api-key:${holder.keyId}`,
      },
    ]);
  }
}
