import { randomUUID } from 'node:crypto';
import { aSubmission, uniqueArticleId } from '../support/factories';
import { createSite, NO_FLOOD, withDb } from '../support/fixtures';
import {
  eventually,
  getJson,
  postJson,
  type RunningSystem,
  startSystem,
  TEST_ADMIN_TOKEN,
} from '../support/system';

interface Comment {
  id: string;
  parentId: string | null;
  state: 'published' | 'removed';
  content: string | null;
  replies: Comment[];
}

interface Page {
  siteId: string;
  articleId: string;
  count: number;
  comments: Comment[];
  nextCursor: string | null;
}

interface ThreadV2 {
  count: number;
  comments: Comment[];
}

describe('thread v3: an article thread a page of top-level comments at a time', () => {
  let system: RunningSystem;
  let siteId: string;
  let articleId: string;
  /** The article's comments by name: roots a, b, c, d, e; a1 and a1x below a, c1 below c. */
  const ids: Record<string, string> = {};

  const v3 = (site: string, article: string, query = '') =>
    `${system.articlesUrl}/v3/sites/${site}/articles/${article}/comments${query}`;
  const v2 = async (site: string, article: string) =>
    (await getJson(`${system.articlesUrl}/v2/sites/${site}/articles/${article}/comments`))
      .json as unknown as ThreadV2;
  const page = async (query: string, site = siteId, article = articleId) => {
    const res = await getJson(v3(site, article, query));
    expect(res.status).toBe(200);
    return res.json as unknown as Page;
  };
  /** Every page, following nextCursor from the first. */
  const allPages = async (query: string, site = siteId, article = articleId) => {
    const pages = [await page(query, site, article)];
    for (let cursor = pages[0].nextCursor; cursor !== null; cursor = pages[pages.length - 1].nextCursor) {
      pages.push(await page(`${query}&cursor=${cursor}`, site, article));
      expect(pages.length).toBeLessThan(20);
    }
    return pages;
  };
  const statusOf = async (id: string) =>
    (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status;

  beforeAll(async () => {
    system = await startSystem();
    siteId = await createSite(NO_FLOOD);
    articleId = uniqueArticleId('pages');
    const post = async (name: string, parent: string | null, content: string) => {
      const res = await postJson(
        `${system.ingestUrl}/v1/comments`,
        aSubmission({ siteId, articleId, parentId: parent ? ids[parent] : null, content }),
      );
      expect(res.status).toBe(202);
      ids[name] = res.json.id as string;
      // One at a time: each is submitted after the one before is published, so times follow names.
      await eventually(async () => ((await statusOf(ids[name])) === 'approved' ? true : undefined), {
        what: `${name} approved`,
      });
    };
    await post('a', null, 'The tariff section explains the timeline well.');
    await post('b', null, 'I would like to see the sources for the second chart.');
    await post('c', null, 'The interview with the trade minister was the best part.');
    await post('a1', 'a', 'Agreed, the timeline helped me follow it.');
    await post('c1', 'c', 'The minister avoided the question about exports though.');
    await post('d', null, 'Looking forward to the follow-up piece next week.');
    await post('a1x', 'a1', 'Same here, especially the part about 2019.');
    await post('e', null, 'A fair summary of a complicated negotiation.');
    // c is taken down after c1 replied to it (a placeholder stays), d with no replies (it goes).
    for (const name of ['c', 'd']) {
      const version = await withDb(
        async (db) =>
          (
            await db.query<{ version: number }>('SELECT version FROM moderation.comments WHERE id = $1', [
              ids[name],
            ])
          ).rows[0].version,
      );
      const res = await postJson(
        `${system.moderationUrl}/v1/moderation/comments/${ids[name]}/decision`,
        { action: 'reject', reason: 'off-topic', expectedVersion: version },
        { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      );
      expect(res.status).toBe(200);
    }
    await eventually(
      async () => {
        const thread = await v2(siteId, articleId);
        return thread.count === 6 && thread.comments.length === 4 ? true : undefined;
      },
      { what: 'c and d taken down in thread v2' },
    );
  });

  afterAll(async () => {
    await system?.close();
  });

  it('pages oldest first to the end, each top-level comment with its reply tree as v2 nests it', async () => {
    const pages = await allPages('?limit=2');
    expect(pages.map((p) => p.comments.map((c) => c.id))).toEqual([
      [ids.a, ids.b],
      [ids.c, ids.e],
    ]);
    expect(pages.map((p) => p.nextCursor === null)).toEqual([false, true]);
    for (const p of pages) expect(p).toMatchObject({ siteId, articleId, count: 6 });
    const [a] = pages[0].comments;
    expect(a.replies.map((r) => r.id)).toEqual([ids.a1]);
    expect(a.replies[0].replies.map((r) => r.id)).toEqual([ids.a1x]);
    // The taken-down c stays as v2's placeholder, with its reply below it.
    expect(pages[1].comments[0]).toMatchObject({
      id: ids.c,
      state: 'removed',
      authorName: null,
      content: null,
      replies: [{ id: ids.c1, parentId: ids.c, state: 'published' }],
    });
    // Page after page, exactly thread v2's comments.
    expect(pages.flatMap((p) => p.comments)).toEqual((await v2(siteId, articleId)).comments);
  });

  it('pages newest first, replies still oldest first within their parent', async () => {
    const pages = await allPages('?order=newest&limit=3');
    expect(pages.map((p) => p.comments.map((c) => c.id))).toEqual([[ids.e, ids.c, ids.b], [ids.a]]);
    expect(pages[1].nextCursor).toBeNull();
    expect(pages.flatMap((p) => p.comments)).toEqual([...(await v2(siteId, articleId)).comments].reverse());
    // Default limit (50) and order (oldest): one page.
    const whole = await page('');
    expect(whole.nextCursor).toBeNull();
    expect(whole.comments).toEqual((await v2(siteId, articleId)).comments);
  });

  it('tags each page with its own ETag: 304 for that page, 200 for another', async () => {
    const first = await fetch(v3(siteId, articleId, '?limit=2'));
    const body = (await first.json()) as Page;
    const second = await fetch(v3(siteId, articleId, `?limit=2&cursor=${body.nextCursor}`));
    const [tag1, tag2] = [first.headers.get('etag') ?? '', second.headers.get('etag') ?? ''];
    expect(tag1).toMatch(/^"[\w-]{27}"$/);
    expect(tag2).toMatch(/^"[\w-]{27}"$/);
    expect(tag2).not.toBe(tag1);
    for (const res of [first, second]) {
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
    const unchanged = await fetch(v3(siteId, articleId, '?limit=2'), { headers: { 'if-none-match': tag1 } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    const other = await fetch(v3(siteId, articleId, `?limit=2&cursor=${body.nextCursor}`), {
      headers: { 'if-none-match': tag1 },
    });
    expect(other.status).toBe(200);
    // Another order or limit is another page, with another tag.
    expect((await fetch(v3(siteId, articleId, '?limit=3'))).headers.get('etag')).not.toBe(tag1);
  });

  it('answers a bad limit, order, cursor or an unknown parameter with a 400 naming the field', async () => {
    const id = '019a0000-0000-7000-8000-000000000000';
    const forged = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');
    const cases: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?order=sideways', 'order'],
      ['?cursor=not*a*cursor', 'cursor'],
      [`?cursor=${forged({ nope: 1 })}`, 'cursor'],
      [`?cursor=${forged({ t: 'not-a-time', id })}`, 'cursor'],
      // Shapes a pattern lets through but PostgreSQL refuses: never a 500.
      [`?cursor=${forged({ t: '2026-02-30T00:00:00Z', id })}`, 'cursor'],
      [`?cursor=${forged({ t: '2026-01-01T00:00:00Z', id: '-'.repeat(36) })}`, 'cursor'],
      ['?offset=50', 'offset'],
    ];
    const got: string[] = [];
    const want: string[] = [];
    for (const [query, field] of cases) {
      const res = await getJson(v3(siteId, articleId, query));
      const fields = (res.json.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];
      got.push(`${query}: ${res.status} ${String(res.json.code)} ${fields.join(',')}`);
      want.push(`${query}: 400 VALIDATION_FAILED ${field}`);
    }
    expect(got).toEqual(want);
    const limit = await getJson(v3(siteId, articleId, '?limit=101'));
    expect(limit.json.message).toEqual(['limit must not be greater than 100']);
    // The bounds themselves are fine.
    expect((await page('?limit=1')).comments).toHaveLength(1);
    expect((await page('?limit=100')).comments).toHaveLength(4);
  });

  it('answers an article without comments, or a cursor past the end, with an empty page and the count', async () => {
    expect(await page('', siteId, uniqueArticleId('empty'))).toEqual({
      siteId,
      articleId: expect.stringMatching(/^empty-/),
      count: 0,
      comments: [],
      nextCursor: null,
    });
    // A position after every comment (a cursor written before cursors named their list): nothing follows.
    const late = Buffer.from(
      JSON.stringify({ t: '2999-01-01T00:00:00.000000Z', id: '019a0000-0000-7000-8000-000000000000' }),
    ).toString('base64url');
    expect(await page(`?limit=3&cursor=${late}`)).toMatchObject({ count: 6, comments: [], nextCursor: null });
  });

  it('refuses a cursor of another list (another order, article or site) instead of a page at the wrong place', async () => {
    const newestCursor = (await page('?order=newest&limit=1')).nextCursor;
    const oldestCursor = (await page('?limit=1')).nextCursor;
    for (const [query, article] of [
      [`?limit=3&cursor=${newestCursor}`, articleId],
      [`?order=newest&limit=3&cursor=${oldestCursor}`, articleId],
      [`?limit=3&cursor=${oldestCursor}`, uniqueArticleId('other')],
    ] as const) {
      const res = await getJson(v3(siteId, article, query));
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'cursor', rules: ['sameList'] }],
      });
      expect(res.json.message).toMatch(/^cursor belongs to another list/);
    }
    // The same list at another page size is the same list.
    expect((await page(`?limit=2&cursor=${oldestCursor}`)).comments).toHaveLength(2);
  });

  it('places what v2 places: a reply whose parent was never published at the top level, and drops a taken-down chain with nothing published below it', async () => {
    const article = uniqueArticleId('orphans');
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    const rows: [string, string | null, number, boolean][] = [
      ['root', null, 1, false],
      ['orphan', 'never', 2, false],
      ['gone', null, 3, true],
      ['gone-1', 'gone', 4, true],
      ['kept', null, 5, true],
      ['kept-1', 'kept', 6, true],
      ['kept-1x', 'kept-1', 7, false],
      ['bare', null, 0, true],
      ['under-bare', 'bare', 8, false],
      ['last', null, 9, false],
    ];
    const id: Record<string, string> = { never: randomUUID() };
    for (const [name] of rows) id[name] = randomUUID();
    await withDb(async (db) => {
      for (const [name, parent, s, removed] of rows) {
        // 'bare': a removal read before its approval, a placeholder with no time and so no place.
        await db.query(
          `INSERT INTO articles.comments (id, site_id, article_id, parent_id, author_name, content, created_at,
             published_at, removed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
          [
            id[name],
            siteId,
            article,
            parent ? id[parent] : null,
            removed ? null : name,
            removed ? null : `content ${name}`,
            name === 'bare' ? null : at(s),
            removed ? at(30) : null,
          ],
        );
      }
    });
    const thread = await v2(siteId, article);
    expect(thread.comments.map((c) => c.id)).toEqual(
      ['root', 'orphan', 'kept', 'under-bare', 'last'].map((n) => id[n]),
    );
    for (const order of ['oldest', 'newest']) {
      const pages = await allPages(`?order=${order}&limit=2`, siteId, article);
      const comments = pages.flatMap((p) => p.comments);
      expect(comments).toEqual(order === 'oldest' ? thread.comments : [...thread.comments].reverse());
      expect(pages.map((p) => p.comments.length)).toEqual([2, 2, 1]);
      for (const p of pages) expect(p.count).toBe(thread.count);
    }
  });
});
