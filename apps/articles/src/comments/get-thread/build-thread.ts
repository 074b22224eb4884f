import type {
  ArticleThreadV1,
  ArticleThreadV2,
  ArticleThreadV3,
  ThreadCommentV1,
  ThreadCommentV2,
} from '@replyguard/contracts';

export interface FlatComment {
  id: string;
  parentId: string | null;
  authorName: string;
  authorUrl: string | null;
  content: string;
  createdAt: Date;
  /** Taken down: a placeholder without author or text. */
  removed: boolean;
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

/**
 * Thread v2: like v1, but a taken-down comment that still has a published reply below it stays in its
 * place as `removed` (no author, no text), so its replies stay nested where they were written. One
 * without published replies below it is left out, as in v1.
 */
export function buildThreadV2(siteId: string, articleId: string, flat: FlatComment[]): ArticleThreadV2 {
  return {
    siteId,
    articleId,
    count: flat.filter((c) => !c.removed).length,
    comments: nestV2(flat),
  };
}

/**
 * A page of thread v3: its top-level comments (in the page's order) each with its reply tree (the
 * replies oldest first), nested and pruned as thread v2 does. `count` is the article's, read with them.
 */
export function buildThreadV3(
  siteId: string,
  articleId: string,
  page: { count: number; roots: FlatComment[]; replies: FlatComment[]; nextCursor: string | null },
): ArticleThreadV3 {
  return {
    siteId,
    articleId,
    count: page.count,
    comments: nestV2([...page.roots, ...page.replies]),
    nextCursor: page.nextCursor,
  };
}

/**
 * v2's nesting: each comment under its parent, in the order given (so oldest first for replies); one
 * whose parent is not among them at the top level; then pruned.
 */
function nestV2(flat: FlatComment[]): ThreadCommentV2[] {
  const byId = new Map<string, ThreadCommentV2>();
  for (const c of flat) {
    byId.set(c.id, {
      id: c.id,
      parentId: c.parentId,
      state: c.removed ? 'removed' : 'published',
      authorName: c.removed ? null : c.authorName,
      authorUrl: c.removed ? null : c.authorUrl,
      content: c.removed ? null : c.content,
      createdAt: c.createdAt.toISOString(),
      replies: [],
    });
  }
  const roots: ThreadCommentV2[] = [];
  for (const c of flat) {
    const node = byId.get(c.id)!;
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return prune(roots);
}

/** Drops removed comments with nothing published below them, deepest first (iteratively: no recursion limit). */
function prune(roots: ThreadCommentV2[]): ThreadCommentV2[] {
  // Post-order: children before their parent, so a parent sees its pruned replies.
  const order: ThreadCommentV2[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    stack.push(...node.replies);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    node.replies = node.replies.filter((r) => r.state === 'published' || r.replies.length > 0);
  }
  return roots.filter((r) => r.state === 'published' || r.replies.length > 0);
}
