import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateModeratorRequestV1, CreateModeratorResponseV1 } from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { type DataSource, In } from 'typeorm';
import { hashToken } from '../../auth/moderator-auth.guard';
import { ModeratorsRepository } from '../../auth/moderators.repository';
import { SiteEntity } from '../../sites/site.entity';

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
}
