import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApiKeyListV1, IssueApiKeyResponseV1 } from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { newApiKey } from './api-key';
import { SiteApiKeysRepository } from './site-api-keys.repository';
import { requireSite } from '../../sites/require-site';

/** Issues, lists and revokes a site's Akismet-compatible API keys. */
@Injectable()
export class ApiKeysAdminHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keys: SiteApiKeysRepository,
  ) {}

  /** The key is in this answer only; the database keeps its hash. */
  async issue(actor: Actor, siteId: string): Promise<IssueApiKeyResponseV1> {
    await this.requireSite(siteId);
    const id = randomUUID();
    const { key, prefix, hash } = newApiKey();
    const createdAt = await this.keys.insert({ id, siteId, keyHash: hash, prefix, createdBy: actor.id });
    return { id, siteId, key, prefix, createdAt: createdAt.toISOString() };
  }

  async list(siteId: string): Promise<ApiKeyListV1> {
    await this.requireSite(siteId);
    const keys = await this.keys.listForSite(siteId);
    return {
      keys: keys.map((k) => ({
        id: k.id,
        siteId: k.siteId,
        prefix: k.prefix,
        createdBy: k.createdBy,
        createdAt: k.createdAt.toISOString(),
        revokedAt: k.revokedAt?.toISOString() ?? null,
      })),
    };
  }

  async revoke(siteId: string, id: string): Promise<void> {
    if (!(await this.keys.revoke(siteId, id))) {
      throw new DomainError('API_KEY_NOT_FOUND', `site "${siteId}" has no API key ${id}`);
    }
  }

  private requireSite(siteId: string): Promise<void> {
    return requireSite(this.db.manager, siteId);
  }
}
