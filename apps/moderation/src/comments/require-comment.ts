import { DomainError } from '@replyguard/platform';
import type { DataSource } from 'typeorm';
import { type Actor, canActOn } from '../auth/actor';

/** What the read-only moderator routes about one comment need to know of it first. */
export interface CommentScope {
  site_id: string;
  /** Null once the author is erased. Read to match their other comments; never shown. */
  author_email_hash: string | null;
}

/**
 * The comment's site and author key, or COMMENT_NOT_FOUND, or FORBIDDEN when its site is not the
 * actor's: the history, reports and author-comments routes check it this one way.
 */
export async function requireVisibleComment(db: DataSource, actor: Actor, id: string): Promise<CommentScope> {
  const [comment] = await db.query<CommentScope[]>(
    'SELECT site_id, author_email_hash FROM moderation.comments WHERE id = $1',
    [id],
  );
  if (!comment) throw new DomainError('COMMENT_NOT_FOUND', `comment ${id} does not exist`);
  if (!canActOn(actor, comment.site_id)) throw new DomainError('FORBIDDEN', 'you may not see this comment');
  return comment;
}
