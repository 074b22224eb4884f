import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { articleUrlFrom } from '@replyguard/contracts';
import { privacyConfig } from '@replyguard/platform';
import { createHmac } from 'node:crypto';
import { type SiteAccess, SitesRepository } from '../../sites/sites.repository';
import type { SubmitCommentCommand } from '../submit-comment/submit-comment.command';
import { SubmitCommentHandler } from '../submit-comment/submit-comment.handler';
import { type FormBody, redirectToField, requestFromWpForm } from './wp-comment-form';

export interface PostWpCommentCommand {
  siteId: string;
  form: FormBody;
  client: SubmitCommentCommand['client'];
  requestId: string;
}

export interface PostWpCommentResult {
  commentId: string;
  /** Where to send the reader (303), or null when the site gave us nowhere safe. */
  location: string | null;
  language: string | null;
}

/**
 * A WordPress comment form post: the same submission as the JSON intake, then WordPress's answer.
 * Moderation is asynchronous, so the comment is never published yet when we answer: the reader goes
 * back to the article with WordPress's "awaiting moderation" parameters
 * (`?unapproved=<id>&moderation-hash=<hash>#comment-<id>`).
 */
@Injectable()
export class PostWpCommentHandler {
  constructor(
    private readonly submissions: SubmitCommentHandler,
    private readonly sites: SitesRepository,
    @Inject(privacyConfig.KEY) private readonly privacy: ConfigType<typeof privacyConfig>,
  ) {}

  async execute(command: PostWpCommentCommand): Promise<PostWpCommentResult> {
    const request = requestFromWpForm(command.siteId, command.form);
    const { id } = await this.submissions.execute({
      request,
      client: command.client,
      requestId: command.requestId,
    });
    // The submission succeeded, so the site exists and is active.
    const site = await this.sites.find(command.siteId);
    const target = site
      ? (safeUrl(site, redirectToField(command.form)) ??
        articlePage(site, command.siteId, request.articleId, command.client.referer))
      : null;
    return {
      commentId: id,
      location: target ? awaitingModeration(target, id, this.moderationHash(id)) : null,
      language: site?.language ?? null,
    };
  }

  /**
   * WordPress's `moderation-hash` lets the author's browser show their own unapproved comment. Ours
   * is an HMAC of the comment id under the deployment's secret, so nobody can mint one for another
   * comment.
   */
  private moderationHash(commentId: string): string {
    return createHmac('sha256', this.privacy.hashSecret)
      .update(`wp-moderation-hash:${commentId}`)
      .digest('hex')
      .slice(0, 32);
  }
}

/**
 * The article's page: from the site's template, else the Referer if it is one of the site's pages.
 * (Browsers send only the origin as the Referer of a cross-origin post unless the page says
 * otherwise, so the template is what makes this reliable.)
 */
export function articlePage(
  site: Pick<SiteAccess, 'allowedOrigins' | 'articleUrlTemplate'>,
  siteId: string,
  articleId: string | null,
  referer: string | null,
): string | null {
  if (site.articleUrlTemplate && articleId) return articleUrlFrom(site.articleUrlTemplate, siteId, articleId);
  return safeUrl(site, referer);
}

/** A page address of one of the site's allowed origins, without its fragment; else null. */
export function safeUrl(site: Pick<SiteAccess, 'allowedOrigins'>, candidate: string | null): string | null {
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    if (!['http:', 'https:'].includes(url.protocol) || !site.allowedOrigins.includes(url.origin)) return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

export function awaitingModeration(articleUrl: string, commentId: string, hash: string): string {
  const url = new URL(articleUrl);
  url.searchParams.set('unapproved', commentId);
  url.searchParams.set('moderation-hash', hash);
  url.hash = `comment-${commentId}`;
  return url.toString();
}
