import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import {
  articleKey,
  CommentSubmittedV1,
  createEnvelope,
  type SubmitCommentResponseV1,
  Topics,
} from '@replyguard/contracts';
import { KafkaProducerService, toKafkaMessage } from '@replyguard/messaging';
import { DomainError, hashPii, privacyConfig } from '@replyguard/platform';
import { v7 as uuidv7 } from 'uuid';
import { SitesRepository } from '../../sites/sites.repository';
import type { SubmitCommentCommand } from './submit-comment.command';

const MAX_HEADER_CHARS = { userAgent: 1000, referer: 2000 } as const;

/**
 * Accepts a reply: the site must exist, and the submission is acknowledged only once Kafka holds
 * it on all in-sync replicas. Nothing is written anywhere else, so a failure leaves nothing behind.
 */
@Injectable()
export class SubmitCommentHandler {
  constructor(
    private readonly sites: SitesRepository,
    private readonly producer: KafkaProducerService,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
  ) {}

  async execute(command: SubmitCommentCommand): Promise<SubmitCommentResponseV1> {
    const { request, client } = command;
    const site = await this.sites.find(request.siteId);
    if (!site?.active) {
      // The same answer either way (a closed site is no place to post), but the message says which.
      const why = site ? 'is closed to comments (inactive)' : 'does not exist';
      throw new DomainError('SITE_NOT_FOUND', `site "${request.siteId}" ${why}`, { field: 'siteId' });
    }
    // A browser says which page posted; it must be one of the site's. Servers send no Origin, and a page
    // whose Referrer-Policy is no-referrer (a common privacy setting) makes the browser send "null":
    // there is nothing to check then, as for a server.
    if (client.origin && client.origin !== 'null' && !site.allowedOrigins.includes(client.origin)) {
      throw new DomainError(
        'ORIGIN_NOT_ALLOWED',
        `origin ${client.origin} may not post to site "${request.siteId}"`,
      );
    }
    // Time-ordered ids keep the moderation tables' primary key index append-mostly.
    const id = uuidv7();
    const data: CommentSubmittedV1 = {
      commentId: id,
      siteId: request.siteId,
      articleId: request.articleId,
      parentId: request.parentId ?? null,
      authorName: request.authorName,
      authorEmail: request.authorEmail,
      authorUrl: request.authorUrl ?? null,
      content: request.content,
      ...(request.honeypot !== undefined ? { honeypot: request.honeypot } : {}),
      submittedAt: new Date().toISOString(),
      client: {
        ipHash: client.ip ? hashPii(this.privacy.hashSecret, client.ip) : null,
        userAgent: client.userAgent?.slice(0, MAX_HEADER_CHARS.userAgent) ?? null,
        referer: client.referer?.slice(0, MAX_HEADER_CHARS.referer) ?? null,
      },
    };
    const envelope = createEnvelope(CommentSubmittedV1.info, data, {
      source: '/replyguard/ingest',
      subject: id,
      correlationId: id,
      causationId: command.requestId,
    });
    try {
      await this.producer.send(Topics.CommentSubmittedV1, [
        toKafkaMessage(envelope, articleKey(request.siteId, request.articleId)),
      ]);
    } catch {
      throw new DomainError(
        'SUBMISSION_NOT_DURABLE',
        'the comment could not be stored right now; nothing was saved, please try again',
      );
    }
    return { id, status: 'pending' };
  }
}
