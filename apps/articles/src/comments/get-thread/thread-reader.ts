import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ThreadPageQueryV3 } from '@replyguard/contracts';
import { decodeCursor, keysetPage } from '@replyguard/platform';
import type { FastifyReply } from 'fastify';
import { PublishedCommentsRepository } from '../published-comments.repository';
import { buildThread, buildThreadV2, buildThreadV3 } from './build-thread';

/** A thread as sent: its JSON and an entity tag of it. */
export interface ThreadBody {
  json: string;
  etag: string;
}

/**
 * Reads an article's thread for the public routes. Requests for the same thread that arrive while
 * it is being read share that one read and its JSON, so a popular article's thread costs one
 * database read and one serialisation however many readers ask at once, and nothing is cached
 * beyond that moment (an approval shows on the next read). Each answer carries an ETag, so a
 * reader's browser or a CDN revalidates with a 304 instead of downloading the thread again.
 */
@Injectable()
export class ThreadReader {
  private readonly inFlight = new Map<string, Promise<ThreadBody>>();

  constructor(private readonly comments: PublishedCommentsRepository) {}

  read(version: 'v1' | 'v2', siteId: string, articleId: string): Promise<ThreadBody> {
    return this.shared([version, siteId, articleId], async () =>
      version === 'v1'
        ? buildThread(siteId, articleId, await this.comments.listForArticle(siteId, articleId))
        : buildThreadV2(siteId, articleId, await this.comments.listWithRemoved(siteId, articleId)),
    );
  }

  /**
   * A page of thread v3: `limit` top-level comments after the cursor's position in `order`, each with
   * its reply tree. Readers share a read when they ask for the same page (same cursor, order and
   * limit). A cursor that is not one of ours is VALIDATION_FAILED, before anything is read.
   */
  readPage(siteId: string, articleId: string, query: ThreadPageQueryV3): Promise<ThreadBody> {
    const order = query.order ?? 'oldest';
    const limit = query.limit ?? 50;
    const scope = ['thread', siteId, articleId, order];
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, scope);
    return this.shared(['v3', siteId, articleId, order, limit, after?.t, after?.id], async () => {
      const { count, roots } = await this.comments.listPageRoots(siteId, articleId, { order, after, limit });
      const { page, nextCursor } = keysetPage(roots, limit, scope);
      const replies = await this.comments.listReplies(
        siteId,
        articleId,
        page.map((r) => r.id),
      );
      return buildThreadV3(siteId, articleId, { count, roots: page, replies, nextCursor });
    });
  }

  /** The thread `key` names, read once for everyone who asks while it is being read. */
  private shared(key: unknown[], build: () => Promise<object>): Promise<ThreadBody> {
    const name = JSON.stringify(key);
    let pending = this.inFlight.get(name);
    if (!pending) {
      pending = build()
        .then(serialise)
        .finally(() => this.inFlight.delete(name));
      this.inFlight.set(name, pending);
    }
    return pending;
  }
}

function serialise(thread: object): ThreadBody {
  const json = JSON.stringify(thread);
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  return { json, etag };
}

/**
 * Sends a thread with its ETag, or 304 when the reader already has it. `no-cache`: a browser or CDN
 * may keep it but must ask again, so an approved comment shows on the next read.
 */
export function sendThread(reply: FastifyReply, body: ThreadBody, ifNoneMatch: string | undefined): void {
  void reply.header('etag', body.etag).header('cache-control', 'no-cache');
  if (ifNoneMatch !== undefined && matches(ifNoneMatch, body.etag)) {
    void reply.status(304).send();
    return;
  }
  void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(body.json);
}

/** `If-None-Match`: a list of tags (weak ones compare by their opaque part) or `*`. */
function matches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}
