import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BanResponseV1, CreateBanRequestV1 } from '@replyguard/contracts';
import { OutboxRelayService } from '@replyguard/messaging';
import { DomainError, hashEmail, privacyConfig } from '@replyguard/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type Actor, canActOn } from '../../auth/actor';
import { DecideCommentHandler } from '../../decisions/decide-comment/decide-comment.handler';
import { requireSite } from '../../sites/require-site';
import { banDomainValue } from '../ban-domains';
import { type BanKind, BansRepository } from '../bans.repository';

/** Bans an email (kept as a keyed hash), an IP hash or a domain on a site. */
@Injectable()
export class CreateBanHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bans: BansRepository,
    private readonly decide: DecideCommentHandler,
    private readonly outbox: OutboxRelayService,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
  ) {}

  async execute(actor: Actor, request: CreateBanRequestV1): Promise<BanResponseV1> {
    if (!canActOn(actor, request.siteId)) throw new DomainError('FORBIDDEN', 'you may not act on this site');
    // An admin acts on every site, existing or not: without this the ban's foreign key answered 500.
    await requireSite(this.dataSource.manager, request.siteId);
    const given = (['email', 'ipHash', 'domain', 'authorOf'] as const).filter(
      (k) => request[k] !== undefined,
    );
    if (given.length !== 1) {
      throw new DomainError('VALIDATION_FAILED', 'give exactly one of email, ipHash, domain or authorOf', {
        fields: ['email', 'ipHash', 'domain', 'authorOf'],
      });
    }
    if (request.match !== undefined && given[0] !== 'authorOf') {
      throw new DomainError('VALIDATION_FAILED', 'match applies only to a ban by authorOf', {
        field: 'match',
      });
    }
    const { kind, value } =
      given[0] === 'authorOf'
        ? await this.authorOf(request)
        : this.valueOf(given[0], request[given[0]] as string);
    const expiresAt = request.expiresAt ? new Date(request.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new DomainError('VALIDATION_FAILED', 'expiresAt must be in the future', { field: 'expiresAt' });
    }
    const id = randomUUID();
    const rejected = await this.dataSource.transaction(async (manager) => {
      await this.bans.create(manager, {
        id,
        siteId: request.siteId,
        kind,
        value,
        reason: request.reason,
        expiresAt,
        createdBy: actor.id,
      });
      if (!request.rejectPending) return 0;
      const held = await this.bans.heldCommentIds(manager, request.siteId, kind, value);
      for (const commentId of held) {
        await this.decide.decide(manager, actor, commentId, {
          action: 'reject',
          reason: 'banned',
          note: request.reason,
        });
      }
      return held.length;
    });
    if (rejected > 0) this.outbox.wake();
    return {
      id,
      siteId: request.siteId,
      kind,
      expiresAt: expiresAt?.toISOString() ?? null,
      rejectedPending: rejected,
    };
  }

  private valueOf(kind: BanKind, raw: string): { kind: BanKind; value: string } {
    if (kind === 'email') return { kind, value: hashEmail(this.privacy.hashSecret, raw) };
    return { kind, value: kind === 'domain' ? banDomainValue(raw) : raw.trim().toLowerCase() };
  }

  /** The keyed hash of a comment's e-mail or IP: what a moderator bans without ever seeing either. */
  private async authorOf(request: CreateBanRequestV1): Promise<{ kind: BanKind; value: string }> {
    const [row] = await this.dataSource.query<
      { site_id: string; author_email_hash: string | null; ip_hash: string | null; erased: boolean }[]
    >(
      'SELECT site_id, author_email_hash, ip_hash, erased_at IS NOT NULL AS erased FROM moderation.comments WHERE id = $1',
      [request.authorOf],
    );
    if (!row || row.site_id !== request.siteId) {
      throw new DomainError(
        'COMMENT_NOT_FOUND',
        `comment ${request.authorOf} is not a comment of site ${request.siteId}`,
        {
          field: 'authorOf',
        },
      );
    }
    if (row.erased || !row.author_email_hash) {
      throw new DomainError(
        'AUTHOR_ERASED',
        "the comment's author data was erased (at their request, or when its retention period ended)",
        {
          field: 'authorOf',
        },
      );
    }
    if (request.match === 'ip') {
      if (!row.ip_hash) {
        throw new DomainError('VALIDATION_FAILED', 'the comment was submitted without a client IP', {
          field: 'match',
        });
      }
      return { kind: 'ipHash', value: row.ip_hash };
    }
    return { kind: 'email', value: row.author_email_hash };
  }
}
