import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PublishedCommentsRepository } from '../published-comments.repository';
import { buildThread, buildThreadV2 } from './build-thread';

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
    const key = JSON.stringify([version, siteId, articleId]);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.load(version, siteId, articleId).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async load(version: 'v1' | 'v2', siteId: string, articleId: string): Promise<ThreadBody> {
    const json =
      version === 'v1'
        ? JSON.stringify(
            buildThread(siteId, articleId, await this.comments.listForArticle(siteId, articleId)),
          )
        : JSON.stringify(
            buildThreadV2(siteId, articleId, await this.comments.listWithRemoved(siteId, articleId)),
          );
    const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
    return { json, etag };
  }
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
