import { Injectable } from '@nestjs/common';
import type {
  BulkDecisionRequestV1,
  BulkDecisionResponseV1,
  BulkDecisionResultV1,
} from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import type { Actor } from '../../auth/actor';
import { CommentsRepository } from '../../comments/comments.repository';
import { DecideCommentHandler } from '../decide-comment/decide-comment.handler';

/**
 * Applies one action to many comments, each in its own transaction, and reports per id in the
 * request's order. A comment with an expected version that someone else decided since is left as
 * it is (`VERSION_CONFLICT`).
 */
@Injectable()
export class BulkDecideHandler {
  constructor(
    private readonly decide: DecideCommentHandler,
    private readonly comments: CommentsRepository,
  ) {}

  async execute(actor: Actor, request: BulkDecisionRequestV1): Promise<BulkDecisionResponseV1> {
    const ids = [...new Set(request.ids)];
    // Parents before their replies (a reply is approved only under a published parent), so a thread
    // approved in one request is approved whole, whatever order the ids came in. The sort is stable.
    const depths = await this.comments.threadDepths(ids);
    const depthOf = (id: string): number => depths.get(id) ?? 0;
    const results = new Map<string, BulkDecisionResultV1>();
    for (const id of [...ids].sort((a, b) => depthOf(a) - depthOf(b))) {
      results.set(id, await this.decideOne(actor, id, request));
    }
    // A result at every place of `ids`: an id given twice is decided once and answered twice.
    return { results: request.ids.flatMap((id) => results.get(id) ?? []) };
  }

  private async decideOne(
    actor: Actor,
    id: string,
    request: BulkDecisionRequestV1,
  ): Promise<BulkDecisionResultV1> {
    try {
      const r = await this.decide.execute(actor, id, {
        action: request.action,
        reason: request.reason,
        expectedVersion: request.expectedVersions?.[id],
      });
      return { id, ok: true, status: r.status, version: r.version };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { id, ok: false, error: error.code };
    }
  }
}
