import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BanListQueryV1, BanPageV1 } from '@replyguard/contracts';
import { decodeCursor, DomainError, keysetPage } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { type Actor, canActOn } from '../../auth/actor';
import { requireSite } from '../../sites/require-site';
import { banView } from '../ban-view';
import { BansRepository } from '../bans.repository';

/** A site's bans, newest first: the active ones by default, or all of them with who lifted which. */
@Injectable()
export class ListBansHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bans: BansRepository,
  ) {}

  async execute(actor: Actor, q: BanListQueryV1): Promise<BanPageV1> {
    if (!canActOn(actor, q.siteId)) throw new DomainError('FORBIDDEN', 'you may not see this site');
    await requireSite(this.db.manager, q.siteId);
    const limit = q.limit ?? 50;
    const now = new Date();
    const scope = ['bans', q.siteId, q.include ?? 'active'];
    const rows = await this.bans.list(this.db.manager, {
      siteId: q.siteId,
      active: (q.include ?? 'active') === 'active',
      now,
      after: q.cursor ? decodeCursor(q.cursor, scope) : undefined,
      limit,
    });
    const { page, nextCursor } = keysetPage(rows, limit, scope);
    return {
      items: page.map((r) => banView(r, now)),
      nextCursor,
    };
  }
}
