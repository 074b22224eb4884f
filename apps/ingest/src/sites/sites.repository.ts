import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError } from '@replyguard/platform';
import type { Repository } from 'typeorm';
import { SiteEntity } from './site.entity';

const CACHE_TTL_MS = 5000;

export interface SiteAccess {
  active: boolean;
  allowedOrigins: string[];
  /** Article page address with `{articleId}`; null when the site has none. */
  articleUrlTemplate: string | null;
  language: string | null;
}

/**
 * Ingest's copy of the sites (kept current from `sites.configured.v1`). A short cache keeps the
 * database off the hot path of every submission and every CORS preflight.
 */
@Injectable()
export class SitesRepository {
  private readonly cache = new Map<string, { site: SiteAccess | null; until: number }>();
  private origins?: { all: Set<string>; until: number };

  constructor(@InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>) {}

  async find(siteId: string): Promise<SiteAccess | null> {
    const now = Date.now();
    const hit = this.cache.get(siteId);
    if (hit && hit.until > now) return hit.site;
    let row: SiteEntity | null;
    try {
      row = await this.sites.findOne({
        where: { id: siteId },
        select: { id: true, active: true, allowedOrigins: true, articleUrlTemplate: true, language: true },
      });
    } catch {
      // Intake needs only Kafka to be durable: while the database is down, the last known site serves;
      // an unknown one is a 503 (try again), not a 500.
      if (hit) return hit.site;
      throw new DomainError(
        'DEPENDENCY_UNAVAILABLE',
        'sites cannot be looked up right now; please try again',
      );
    }
    const site = row
      ? {
          active: row.active,
          allowedOrigins: row.allowedOrigins,
          articleUrlTemplate: row.articleUrlTemplate,
          language: row.language,
        }
      : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(siteId, { site, until: now + CACHE_TTL_MS });
    return site;
  }

  /** `allOrigins()` while its cached answer is fresh; undefined when it must be looked up. */
  cachedOrigins(): Set<string> | undefined {
    return this.origins && this.origins.until > Date.now() ? this.origins.all : undefined;
  }

  /** Every origin some active site allows: what a CORS preflight may be answered for. */
  async allOrigins(): Promise<Set<string>> {
    const now = Date.now();
    if (this.origins && this.origins.until > now) return this.origins.all;
    const rows = await this.sites.find({
      where: { active: true },
      select: { id: true, allowedOrigins: true },
    });
    const all = new Set(rows.flatMap((r) => r.allowedOrigins));
    this.origins = { all, until: now + CACHE_TTL_MS };
    return all;
  }

  /** Columns left out (v1 events carry no page settings) keep their stored values. */
  async upsert(site: {
    id: string;
    name: string;
    active: boolean;
    allowedOrigins: string[];
    articleUrlTemplate?: string | null;
    language?: string | null;
  }): Promise<void> {
    await this.sites.upsert(site, ['id']);
    this.cache.delete(site.id);
    this.origins = undefined;
  }
}
