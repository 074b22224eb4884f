import type { ArticleThreadV1, ThreadCommentV1 } from '@replyguard/contracts';

export interface FlatComment {
  id: string;
  parentId: string | null;
  authorName: string;
  authorUrl: string | null;
  content: string;
  createdAt: Date;
}

/**
 * Nests an article's comments (given oldest first) under their parents; each level stays oldest
 * first. A reply whose parent is not published shows at the top level rather than vanishing.
 */
export function buildThread(siteId: string, articleId: string, flat: FlatComment[]): ArticleThreadV1 {
  const byId = new Map<string, ThreadCommentV1>();
  for (const c of flat) {
    byId.set(c.id, {
      id: c.id,
      parentId: c.parentId,
      authorName: c.authorName,
      authorUrl: c.authorUrl,
      content: c.content,
      createdAt: c.createdAt.toISOString(),
      replies: [],
    });
  }
  const roots: ThreadCommentV1[] = [];
  for (const c of flat) {
    const node = byId.get(c.id)!;
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return { siteId, articleId, count: flat.length, comments: roots };
}
