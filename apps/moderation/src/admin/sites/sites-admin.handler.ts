import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateSiteRequestV1,
  createEnvelope,
  SiteConfiguredV1,
  SiteConfiguredV2,
  type SiteListQueryV1,
  type SitePageV1,
  type SiteResponseV1,
  Topics,
  type UpdateSiteRequestV1,
} from '@replyguard/contracts';
import { enqueueOutbox, OutboxRelayService } from '@replyguard/messaging';
import {
  checkSitePolicy,
  EnginePolicyError,
  mergeSitePolicy,
  resolveSitePolicy,
} from '@replyguard/moderation-engine';
import { type CursorScope, DomainError, encodeCursor, notOurCursor, readCursor } from '@replyguard/platform';
import { type DataSource, type EntityManager, type FindOptionsWhere, MoreThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { MODERATION_OUTBOX } from '../../database/database.options';
import { SiteEntity } from '../../sites/site.entity';

/**
 * Creates and changes sites. Every change publishes the site's configuration (compacted topic) so
 * that ingest accepts its submissions and answers CORS for its origins.
 */
@Injectable()
export class SitesAdminHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelayService,
  ) {}

  async create(request: CreateSiteRequestV1): Promise<SiteResponseV1> {
    const policy = validPolicy(request.policy ?? {});
    const site = await this.dataSource.transaction(async (manager) => {
      if (await manager.exists(SiteEntity, { where: { id: request.id } })) {
        throw new DomainError('SITE_EXISTS', `site "${request.id}" already exists`, { field: 'id' });
      }
      await manager.insert(SiteEntity, {
        id: request.id,
        name: request.name,
        allowedOrigins: normaliseOrigins(request.allowedOrigins ?? []),
        policy,
        reportThreshold: request.reportThreshold ?? 3,
        unpublishOnReports: request.unpublishOnReports ?? false,
        active: true,
        articleUrlTemplate: request.articleUrlTemplate ?? null,
        language: request.language ?? null,
        // jsonb policy: TypeORM's deep-partial type cannot express `unknown` values.
      } as QueryDeepPartialEntity<SiteEntity>);
      return this.publish(manager, request.id);
    });
    this.outbox.wake();
    return toResponse(site);
  }

  async get(id: string): Promise<SiteResponseV1> {
    const site = await this.dataSource.manager.findOne(SiteEntity, { where: { id } });
    if (!site) throw new DomainError('SITE_NOT_FOUND', `site "${id}" does not exist`);
    return toResponse(site);
  }

  /**
   * Every site, by id (the primary key, so a deep page costs what the first does); `active` keeps the
   * active or the inactive ones.
   */
  async list(q: SiteListQueryV1): Promise<SitePageV1> {
    const limit = q.limit ?? 50;
    const scope = ['sites', q.active ?? null];
    const where: FindOptionsWhere<SiteEntity> = {
      ...(q.active !== undefined ? { active: q.active } : {}),
      ...(q.cursor ? { id: MoreThan(decodeSiteCursor(q.cursor, scope)) } : {}),
    };
    const sites = await this.dataSource.manager.find(SiteEntity, {
      where,
      order: { id: 'ASC' },
      take: limit + 1,
    });
    const page = sites.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toResponse),
      nextCursor: sites.length > limit && last ? encodeCursor({ id: last.id }, scope) : null,
    };
  }

  async update(id: string, request: UpdateSiteRequestV1): Promise<SiteResponseV1> {
    const site = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(SiteEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!existing) throw new DomainError('SITE_NOT_FOUND', `site "${id}" does not exist`);
      await manager.update(SiteEntity, { id }, {
        ...(request.name !== undefined ? { name: request.name } : {}),
        ...(request.allowedOrigins !== undefined
          ? { allowedOrigins: normaliseOrigins(request.allowedOrigins) }
          : {}),
        ...(request.policy !== undefined ? { policy: patchedPolicy(existing.policy, request.policy) } : {}),
        ...(request.reportThreshold !== undefined ? { reportThreshold: request.reportThreshold } : {}),
        ...(request.unpublishOnReports !== undefined
          ? { unpublishOnReports: request.unpublishOnReports }
          : {}),
        ...(request.active !== undefined ? { active: request.active } : {}),
        ...(request.articleUrlTemplate !== undefined
          ? { articleUrlTemplate: request.articleUrlTemplate }
          : {}),
        ...(request.language !== undefined ? { language: request.language } : {}),
      } as QueryDeepPartialEntity<SiteEntity>);
      return this.publish(manager, id);
    });
    this.outbox.wake();
    return toResponse(site);
  }

  private async publish(manager: EntityManager, id: string): Promise<SiteEntity> {
    const site = await manager.findOneOrFail(SiteEntity, { where: { id } });
    const data: SiteConfiguredV1 = {
      siteId: site.id,
      name: site.name,
      allowedOrigins: site.allowedOrigins,
      active: site.active,
    };
    // v2 beside v1: consumers that predate v2 keep reading v1 unchanged.
    const dataV2: SiteConfiguredV2 = {
      ...data,
      articleUrlTemplate: site.articleUrlTemplate,
      language: site.language,
    };
    const meta = { source: '/replyguard/moderation', subject: site.id, correlationId: site.id };
    await enqueueOutbox(manager, MODERATION_OUTBOX, [
      {
        topic: Topics.SiteConfiguredV1,
        key: site.id,
        envelope: createEnvelope(SiteConfiguredV1.info, data, meta),
      },
      {
        topic: Topics.SiteConfiguredV2,
        key: site.id,
        envelope: createEnvelope(SiteConfiguredV2.info, dataV2, meta),
      },
    ]);
    return site;
  }
}

// A site id is text, not the UUID the other listings' cursors carry: this cursor holds the last id seen.
function decodeSiteCursor(raw: string, scope: CursorScope): string {
  const c = readCursor(raw, scope);
  if (typeof c.id === 'string' && c.id.length > 0) return c.id;
  throw notOurCursor();
}

function validPolicy(policy: Record<string, unknown>): Record<string, unknown> {
  return checkedPolicy(() => {
    checkSitePolicy(policy);
    return policy;
  });
}

/** A PATCH's policy merged into the stored one (see `mergeSitePolicy`): what to store. */
function patchedPolicy(
  stored: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  return checkedPolicy(() => mergeSitePolicy(stored, patch));
}

/** The engine's word on a policy, its refusals as POLICY_INVALID naming the setting. */
function checkedPolicy(check: () => Record<string, unknown>): Record<string, unknown> {
  try {
    return check();
  } catch (error) {
    if (error instanceof EnginePolicyError) {
      throw new DomainError('POLICY_INVALID', error.message, {
        field: `policy.${error.field ?? ''}`,
        code: error.code,
      });
    }
    throw error;
  }
}

function normaliseOrigins(origins: string[]): string[] {
  return [...new Set(origins.map((o) => new URL(o).origin))];
}

function toResponse(site: SiteEntity): SiteResponseV1 {
  return {
    id: site.id,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    policy: site.policy,
    effectivePolicy: resolveSitePolicy(site.policy) as unknown as Record<string, unknown>,
    reportThreshold: site.reportThreshold,
    unpublishOnReports: site.unpublishOnReports,
    active: site.active,
    articleUrlTemplate: site.articleUrlTemplate,
    language: site.language,
    createdAt: site.createdAt.toISOString(),
    updatedAt: site.updatedAt.toISOString(),
  };
}
