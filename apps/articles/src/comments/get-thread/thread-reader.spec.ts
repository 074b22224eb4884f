import type { PublishedCommentsRepository } from '../published-comments.repository';
import { ThreadReader } from './thread-reader';

describe('ThreadReader', () => {
  function repository() {
    const waiting: (() => void)[] = [];
    const calls: string[] = [];
    const list = (articleId: string) => {
      calls.push(articleId);
      return new Promise<never[]>((resolve) => waiting.push(() => resolve([])));
    };
    const repo = {
      listForArticle: (_site: string, articleId: string) => list(articleId),
      listWithRemoved: (_site: string, articleId: string) => list(articleId),
    } as unknown as PublishedCommentsRepository;
    const release = () => waiting.splice(0).forEach((go) => go());
    return { repo, calls, release };
  }

  it('serves readers of one thread who ask at once from one read, and reads again afterwards', async () => {
    const { repo, calls, release } = repository();
    const reader = new ThreadReader(repo);
    const a = reader.read('v1', 'site', 'article');
    const b = reader.read('v1', 'site', 'article');
    const other = reader.read('v1', 'site', 'another');
    const v2 = reader.read('v2', 'site', 'article');
    expect(calls).toEqual(['article', 'another', 'article']);
    release();
    const [first, second] = await Promise.all([a, b, other, v2]);
    expect(second).toBe(first);
    expect(JSON.parse(first.json)).toMatchObject({ siteId: 'site', articleId: 'article', count: 0 });
    const later = reader.read('v1', 'site', 'article');
    expect(calls).toHaveLength(4);
    release();
    expect((await later).etag).toBe(first.etag);
  });

  describe('a page of thread v3', () => {
    function pages() {
      const waiting: (() => void)[] = [];
      const calls: unknown[] = [];
      const repo = {
        listPageRoots: (_site: string, articleId: string, page: unknown) => {
          calls.push([articleId, page]);
          return new Promise((resolve) => waiting.push(() => resolve({ count: 0, roots: [] })));
        },
        listReplies: () => Promise.resolve([]),
      } as unknown as PublishedCommentsRepository;
      const release = () => waiting.splice(0).forEach((go) => go());
      return { reader: new ThreadReader(repo), calls, release };
    }
    const cursor = Buffer.from(
      JSON.stringify({ t: '2026-01-01T00:00:00.000001Z', id: '019a0000-0000-7000-8000-000000000000' }),
    ).toString('base64url');

    it('is shared by readers of the same page only: same cursor, order and limit', async () => {
      const { reader, calls, release } = pages();
      const reads = [
        reader.readPage('site', 'article', {}),
        reader.readPage('site', 'article', { order: 'oldest', limit: 50 }),
        reader.readPage('site', 'article', { order: 'newest' }),
        reader.readPage('site', 'article', { limit: 10 }),
        reader.readPage('site', 'article', { cursor }),
      ];
      expect(calls).toEqual([
        ['article', { order: 'oldest', limit: 50, after: undefined }],
        ['article', { order: 'newest', limit: 50, after: undefined }],
        ['article', { order: 'oldest', limit: 10, after: undefined }],
        [
          'article',
          {
            order: 'oldest',
            limit: 50,
            after: { t: '2026-01-01T00:00:00.000001Z', id: '019a0000-0000-7000-8000-000000000000' },
          },
        ],
      ]);
      release();
      const [first, second] = await Promise.all(reads);
      expect(second).toBe(first);
      expect(JSON.parse(first.json)).toEqual({
        siteId: 'site',
        articleId: 'article',
        count: 0,
        comments: [],
        nextCursor: null,
      });
    });

    it('refuses a cursor that is not ours before reading anything', () => {
      const { reader, calls } = pages();
      expect(() => reader.readPage('site', 'article', { cursor: 'bm90LWEtY3Vyc29y' })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'cursor' } }),
      );
      expect(calls).toEqual([]);
    });
  });
});
