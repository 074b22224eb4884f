import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsRegistry, outboxConfig } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { EraseAuthorHandler } from '../admin/personal-data/erase-author.handler';
import { scrubAuthorEvidenceSql } from '../admin/personal-data/scrub-decision';
import { moderationConfig } from '../config/moderation.config';

const SWEEP_EVERY_MS = 3_600_000;
const FIRST_SWEEP_MS = 60_000;
/** Rows cleared per statement, so a first sweep over years of comments holds no lock for long. */
const BATCH = 5_000;

export interface RetentionSweep {
  clientData: number;
  rejectedAuthors: number;
  /** Comments an erasure could not reach, stored after it without being erased on arrival. */
  lateErasures: number;
  /** Erasures whose address hash was cleared, their submissions' retention over. */
  erasureHashes: number;
}

/**
 * Keeps personal data no longer than moderation needs it (storage limitation). Every hour:
 * - comments older than CLIENT_DATA_RETENTION_DAYS lose their IP hash, user agent and referrer (flood
 *   checks look back minutes; a ban by a comment's IP needs a recent comment);
 * - rejected comments older than REJECTED_AUTHOR_RETENTION_DAYS lose their author's name (now
 *   `Anonymous`), website, e-mail hash and domain, as after an erasure; their text stays for the
 *   feedback export. Approved comments keep the e-mail hash: it is what makes an author trusted;
 * - an erasure's address hash, kept so that comments still on their way are erased on arrival, goes
 *   once no submission from before it can still arrive (KAFKA_PII_RETENTION_HOURS, the submission
 *   topic's retention). Before that, comments of the address submitted before the erasure and stored
 *   after it without being erased (one decided in the same instant as the erasure) are erased.
 * Each instance sweeps; the statements are idempotent, so two at once only share the work.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private readonly cleared;
  private first?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(moderationConfig.KEY) private readonly config: ConfigType<typeof moderationConfig>,
    @Inject(outboxConfig.KEY) private readonly topics: ConfigType<typeof outboxConfig>,
    private readonly erasures: EraseAuthorHandler,
    metrics: MetricsRegistry,
  ) {
    this.cleared = metrics.counter(
      'replyguard_retention_cleared_total',
      'Comments whose personal data the retention sweep cleared, by kind (client_data, rejected_author, late_erasure)',
      ['kind'],
    );
  }

  onApplicationBootstrap(): void {
    const tick = (): void => {
      this.running = this.sweep().catch((error: unknown) =>
        this.logger.error({ err: error }, 'retention sweep failed; it runs again within the hour'),
      );
    };
    // A minute after start-up, then hourly; neither keeps the process alive.
    this.first = setTimeout(() => {
      tick();
      this.timer = setInterval(tick, SWEEP_EVERY_MS).unref();
    }, FIRST_SWEEP_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.first);
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep at `now`: what it cleared. */
  async sweep(now = new Date()): Promise<RetentionSweep> {
    const { clientDataDays, rejectedAuthorDays } = this.config.retention;
    const clientData = clientDataDays > 0 ? await this.clearClientData(before(now, clientDataDays)) : 0;
    const rejectedAuthors =
      rejectedAuthorDays > 0 ? await this.clearRejectedAuthors(before(now, rejectedAuthorDays), now) : 0;
    const lateErasures = await this.finishErasures();
    const erasureHashes = await this.clearErasureHashes(
      new Date(now.getTime() - this.topics.personalDataRetentionHours * 3_600_000),
    );
    if (clientData > 0) this.cleared.inc({ kind: 'client_data' }, clientData);
    if (rejectedAuthors > 0) this.cleared.inc({ kind: 'rejected_author' }, rejectedAuthors);
    if (lateErasures > 0) this.cleared.inc({ kind: 'late_erasure' }, lateErasures);
    if (clientData + rejectedAuthors + lateErasures + erasureHashes > 0) {
      this.logger.log(
        { clientData, rejectedAuthors, lateErasures, erasureHashes },
        'retention: personal data past its time cleared',
      );
    }
    return { clientData, rejectedAuthors, lateErasures, erasureHashes };
  }

  /** Erasures with a comment of their address submitted before them and not erased: erased now. */
  private async finishErasures(): Promise<number> {
    const pending = await this.db.query<
      {
        id: string;
        site_id: string;
        author_email_hash: string;
        remove_comments: boolean;
        requested_by: string;
        erased_at: Date;
      }[]
    >(
      `SELECT e.id, e.site_id, e.author_email_hash, e.remove_comments, e.requested_by, e.erased_at
         FROM moderation.erasures e
        WHERE e.author_email_hash IS NOT NULL
          AND EXISTS (SELECT 1 FROM moderation.comments c
                       WHERE c.site_id = e.site_id AND c.author_email_hash = e.author_email_hash
                         AND c.submitted_at <= e.erased_at)
        ORDER BY e.erased_at`,
    );
    let erased = 0;
    for (const e of pending) {
      erased += await this.erasures.finishPending({
        id: e.id,
        requestedBy: e.requested_by,
        siteId: e.site_id,
        emailHash: e.author_email_hash,
        removeComments: e.remove_comments,
        erasedAt: new Date(e.erased_at),
      });
    }
    return erased;
  }

  private async clearErasureHashes(cutoff: Date): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `WITH cleared AS (
         UPDATE moderation.erasures SET author_email_hash = NULL
          WHERE author_email_hash IS NOT NULL AND erased_at < $1
          RETURNING 1)
       SELECT count(*)::int AS n FROM cleared`,
      [cutoff.toISOString()],
    );
    return n;
  }

  private clearClientData(cutoff: Date): Promise<number> {
    return this.inBatches(
      `WITH cleared AS (
         UPDATE moderation.comments SET ip_hash = NULL, user_agent = NULL, referer = NULL
          WHERE id IN (SELECT id FROM moderation.comments
                        WHERE (ip_hash IS NOT NULL OR user_agent IS NOT NULL OR referer IS NOT NULL)
                          AND submitted_at < $1
                        LIMIT ${BATCH})
          RETURNING 1)
       SELECT count(*)::int AS n FROM cleared`,
      [cutoff.toISOString()],
    );
  }

  private clearRejectedAuthors(cutoff: Date, now: Date): Promise<number> {
    return this.inBatches(
      `WITH cleared AS (
         UPDATE moderation.comments c
            SET author_name = 'Anonymous', author_url = NULL, author_email_hash = NULL, author_domain = NULL,
                ip_hash = NULL, user_agent = NULL, referer = NULL, erased_at = $2,
                decision = ${scrubAuthorEvidenceSql('c.decision')}
          WHERE id IN (SELECT id FROM moderation.comments
                        WHERE status = 'rejected' AND erased_at IS NULL AND submitted_at < $1
                        LIMIT ${BATCH})
          RETURNING c.id
       ), history AS (
         UPDATE moderation.comment_decisions d SET decision = ${scrubAuthorEvidenceSql('d.decision')}
          WHERE d.comment_id IN (SELECT id FROM cleared)
       )
       SELECT count(*)::int AS n FROM cleared`,
      [cutoff.toISOString(), now.toISOString()],
    );
  }

  /** Runs a statement that clears at most BATCH rows and answers `n`, until it clears fewer. */
  private async inBatches(sql: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = await this.db.query<{ n: number }[]>(sql, params);
      total += n;
      if (n < BATCH) return total;
    }
  }
}

function before(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
