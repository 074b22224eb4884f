import { Injectable } from '@nestjs/common';
import type {
  BulkDecisionRequestV1,
  BulkDecisionResponseV1,
  BulkDecisionResultV1,
} from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import type { Actor } from '../../auth/actor';
import { DecideCommentHandler } from '../decide-comment/decide-comment.handler';

/**
 * Applies one action to many comments, each in its own transaction, and reports per id. A comment with
 * an expected version that someone else decided since is left as it is (`VERSION_CONFLICT`).
 */
@Injectable()
export class BulkDecideHandler {
  constructor(private readonly decide: DecideCommentHandler) {}

  async execute(actor: Actor, request: BulkDecisionRequestV1): Promise<BulkDecisionResponseV1> {
    const results: BulkDecisionResultV1[] = [];
    for (const id of new Set(request.ids)) {
      try {
        const r = await this.decide.execute(actor, id, {
          action: request.action,
          reason: request.reason,
          expectedVersion: request.expectedVersions?.[id],
        });
        results.push({ id, ok: true, status: r.status, version: r.version });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id, ok: false, error: error.code });
      }
    }
    return { results };
  }
}
