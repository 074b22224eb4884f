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
});
