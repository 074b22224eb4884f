import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BanResponseV1, CreateBanRequestV1 } from '@replyguard/contracts';
import { OutboxRelayService } from '@replyguard/messaging';
import { DomainError, hashPii, privacyConfig } from '@replyguard/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type Actor, canActOn } from '../../auth/actor';
import { DecideCommentHandler } from '../../decisions/decide-comment/decide-comment.handler';
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
    const given = (['email', 'ipHash', 'domain'] as const).filter((k) => request[k] !== undefined);
    if (given.length !== 1) {
      throw new DomainError('VALIDATION_FAILED', 'give exactly one of email, ipHash or domain', {
        fields: ['email', 'ipHash', 'domain'],
      });
    }
    const kind: BanKind = given[0];
    const raw = request[kind] as string;
    const value =
      kind === 'email'
        ? hashPii(this.privacy.hashSecret, raw)
        : kind === 'domain'
          ? banDomainValue(raw)
          : raw.trim().toLowerCase();
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
}
