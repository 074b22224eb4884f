import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { CommentStatusResponseV1 } from '@replyguard/contracts';
import { DomainError, outboxConfig } from '@replyguard/platform';
import { CommentsRepository } from '../comments.repository';

/** Milliseconds since the epoch encoded in a UUIDv7, or null for other versions. */
export function uuidV7Time(id: string): number | null {
  const hex = id.replace(/-/g, '');
  if (hex.length !== 32 || hex[12] !== '7') return null;
  return parseInt(hex.slice(0, 12), 16);
}

@Injectable()
export class GetCommentStatusHandler {
  /**
   * How long after its id was minted an unseen comment counts as still pending: as long as its
   * submission can wait on its topic (`KAFKA_PII_RETENTION_HOURS`), so a comment accepted during a
   * moderation backlog or outage reads as pending, not as unknown, until it is decided.
   */
  private readonly pendingWindowMs: number;

  constructor(
    private readonly comments: CommentsRepository,
    @Inject(outboxConfig.KEY) topics: Pick<ConfigType<typeof outboxConfig>, 'personalDataRetentionHours'>,
  ) {
    this.pendingWindowMs = topics.personalDataRetentionHours * 3_600_000;
  }

  /**
   * The comment's status. A comment ingest accepted may not have reached moderation yet: its id (a
   * UUIDv7 minted by ingest) tells when it was accepted, so it reads as pending.
   */
  async execute(id: string, now = Date.now()): Promise<CommentStatusResponseV1> {
    const found = await this.comments.statusOf(id);
    if (found) {
      // A reported comment reads as approved while it is still published, as held once taken down.
      const status = found.status === 'reported' ? (found.published ? 'approved' : 'held') : found.status;
      return { id, status };
    }
    const minted = uuidV7Time(id);
    if (minted !== null && minted <= now + 60_000 && now - minted < this.pendingWindowMs) {
      return { id, status: 'pending' };
    }
    throw new DomainError('COMMENT_NOT_FOUND', `comment ${id} does not exist`);
  }
}
