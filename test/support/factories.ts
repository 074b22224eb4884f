import { randomUUID } from 'node:crypto';

/** A unique article per test keeps tests independent on one broker and one database. */
export function uniqueArticleId(prefix = 'article'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function aSubmission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId: 'default',
    articleId: uniqueArticleId(),
    parentId: null,
    authorName: 'Ann',
    authorEmail: `ann-${randomUUID().slice(0, 8)}@example.org`,
    authorUrl: 'https://ann.example.org',
    content: 'Thanks for the clear explanation of the trade figures.',
    ...overrides,
  };
}
