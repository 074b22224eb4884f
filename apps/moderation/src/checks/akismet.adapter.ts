import { Logger } from '@nestjs/common';
import type { CommentSubmittedV1 } from '@replyguard/contracts';
import type { ExternalCheck, ServiceVerdict } from './external-check';

export interface AkismetAdapterOptions {
  /** Base URL of an Akismet-compatible service, e.g. https://rest.akismet.com. */
  url: string;
  apiKey: string;
  /** The site's URL, Akismet's `blog`. */
  blog: string;
  timeoutMs: number;
}

/**
 * Akismet's `comment-check` as an extra spam check, off unless configured. Sends the comment, the
 * author's name, email and website, but no IP address (Replyguard keeps only a hash of it). Spam
 * holds the comment (rejects it when Akismet says "discard"); an error or a timeout holds it too.
 */
export class AkismetAdapter implements ExternalCheck {
  readonly name = 'akismet';
  private readonly logger = new Logger(AkismetAdapter.name);

  constructor(private readonly options: AkismetAdapterOptions) {}

  async check(s: CommentSubmittedV1): Promise<ServiceVerdict[]> {
    const body = new URLSearchParams({
      api_key: this.options.apiKey,
      blog: this.options.blog,
      user_ip: '',
      user_agent: s.client.userAgent ?? '',
      referrer: s.client.referer ?? '',
      comment_type: s.parentId ? 'reply' : 'comment',
      comment_author: s.authorName,
      comment_author_email: s.authorEmail,
      comment_author_url: s.authorUrl ?? '',
      comment_content: s.content,
      comment_date_gmt: s.submittedAt,
    });
    try {
      const res = await fetch(new URL('/1.1/comment-check', this.options.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const answer = (await res.text()).trim();
      if (res.ok && answer === 'false') return [];
      if (res.ok && answer === 'true') {
        const discard = res.headers.get('x-akismet-pro-tip') === 'discard';
        return [
          {
            action: discard ? 'reject' : 'hold',
            reason: {
              code: 'AKISMET_SPAM',
              message: discard ? 'Akismet: blatant spam' : 'Akismet: spam',
              evidence: { discard },
            },
          },
        ];
      }
      return [failed(`Akismet answered ${res.status} ${answer.slice(0, 40)}`)];
    } catch (error) {
      const timeout = error instanceof Error && error.name === 'TimeoutError';
      this.logger.warn({ timeout, commentId: s.commentId }, 'Akismet check failed; holding the comment');
      return [
        failed(
          timeout ? `Akismet did not answer within ${this.options.timeoutMs} ms` : 'Akismet unreachable',
        ),
      ];
    }
  }
}

function failed(message: string): ServiceVerdict {
  return { action: 'hold', reason: { code: 'CHECK_FAILED', message, evidence: { check: 'akismet' } } };
}
