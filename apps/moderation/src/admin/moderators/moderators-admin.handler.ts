import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateModeratorRequestV1,
  CreateModeratorResponseV1,
  ModeratorListQueryV1,
  ModeratorPageV1,
  ModeratorV1,
} from '@replyguard/contracts';
import { decodeCursor, DomainError, keysetPage } from '@replyguard/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { type DataSource, In } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { hashToken } from '../../auth/moderator-auth.guard';
import { ModeratorsRepository, type StoredModerator } from '../../auth/moderators.repository';
import { SiteEntity } from '../../sites/site.entity';
import { requireSite } from '../../sites/require-site';

@Injectable()
export class ModeratorsAdminHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly moderators: ModeratorsRepository,
  ) {}

  /** Creates a moderator; the token is returned once and only its hash is kept. */
  async create(request: CreateModeratorRequestV1): Promise<CreateModeratorResponseV1> {
    const sites = [...new Set(request.sites)];
    const found = sites.length
      ? await this.db.manager.find(SiteEntity, { where: { id: In(sites) }, select: { id: true } })
      : [];
    const missing = sites.filter((s) => !found.some((f) => f.id === s));
    if (missing.length)
      throw new DomainError('UNKNOWN_SITES', `unknown sites: ${missing.join(', ')}`, { field: 'sites' });
    const id = randomUUID();
    const token = `rgm_${randomBytes(32).toString('base64url')}`;
    await this.moderators.create({
      id,
      name: request.name,
      email: request.email,
      role: request.role,
      sites,
      tokenHash: hashToken(token),
    });
    return { id, token };
  }

  /** Moderators newest first: those not revoked by default, or all of them with who revoked which. */
  async list(q: ModeratorListQueryV1): Promise<ModeratorPageV1> {
    if (q.siteId !== undefined) await requireSite(this.db.manager, q.siteId);
    const limit = q.limit ?? 50;
    const scope = ['moderators', q.siteId ?? null, q.include ?? 'active'];
    const rows = await this.moderators.list({
      siteId: q.siteId,
      active: (q.include ?? 'active') === 'active',
      after: q.cursor ? decodeCursor(q.cursor, scope) : undefined,
      limit,
    });
    const { page, nextCursor } = keysetPage(rows, limit, scope);
    return {
      items: page.map(moderatorView),
      nextCursor,
    };
  }

  /**
   * Revokes a moderator's token: the next request with it is 401 (the guard reads the database on every
   * request). The row stays, with who revoked it and when; revoking again changes nothing and answers the same.
   */
  async revoke(actor: Actor, id: string): Promise<ModeratorV1> {
    const revoked = (await this.moderators.revoke(id, actor.id)) ?? (await this.moderators.find(id));
    if (!revoked) throw new DomainError('MODERATOR_NOT_FOUND', `moderator ${id} does not exist`);
    return moderatorView(revoked);
  }
}

function moderatorView(m: StoredModerator): ModeratorV1 {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    role: m.role,
    sites: m.sites,
    createdAt: new Date(m.created_at).toISOString(),
    revokedAt: m.revoked_at ? new Date(m.revoked_at).toISOString() : null,
    revokedBy: m.revoked_by,
    active: m.revoked_at === null,
  };
}
