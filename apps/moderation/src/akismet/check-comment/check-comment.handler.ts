import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_SITE_POLICY, ModerationEngine } from '@replyguard/moderation-engine';
import { hashEmail, hashPii, privacyConfig } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { banDomains } from '../../bans/ban-domains';
import { BansRepository } from '../../bans/bans.repository';
import { SitePoliciesRepository } from '../../sites/site-policies.repository';
import type { AkismetComment } from '../akismet-request';
import { akismetVerdict, type AkismetVerdict } from '../akismet-verdict';
import { AkismetKeysHandler } from '../verify-key/akismet-keys.handler';

const HAM: AkismetVerdict = { spam: false, discard: false, reasons: [] };

/**
 * `comment-check`: the engine's verdict on a comment under the key's site policy and bans. Nothing
 * is stored: the comment lives on the caller's site, not here.
 */
@Injectable()
export class CheckCommentHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keys: AkismetKeysHandler,
    private readonly engine: ModerationEngine,
    private readonly policies: SitePoliciesRepository,
    private readonly bans: BansRepository,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
  ) {}

  async execute(key: string | null, { fields, honeypot }: AkismetComment): Promise<AkismetVerdict> {
    const { siteId } = await this.keys.holderFor(key);
    // As with Akismet: the site's administrators are never spam.
    if (fields.user_role?.trim().toLowerCase() === 'administrator') return HAM;
    const policy = (await this.policies.policyOf(siteId)) ?? DEFAULT_SITE_POLICY;
    const email = fields.comment_author_email?.trim() || undefined;
    const authorUrl = fields.comment_author_url?.trim() || undefined;
    // Only keyed hashes of the email and IP go further than this line.
    const blocked = await this.bans.activeFor(this.db.manager, {
      siteId,
      emailHash: email ? hashEmail(this.privacy.hashSecret, email) : '',
      ipHash: hashPii(this.privacy.hashSecret, fields.user_ip),
      domains: banDomains(email, authorUrl),
      at: new Date(),
    });
    const decision = this.engine.moderate(
      {
        content: fields.comment_content ?? '',
        authorName: fields.comment_author,
        authorEmail: email,
        authorUrl,
        honeypot,
      },
      policy,
      { blocked },
    );
    return akismetVerdict(decision, policy);
  }
}
