import { randomUUID } from 'node:crypto';
import { SUBMISSION_BODY_LIMIT_BYTES } from '@replyguard/contracts';
import { NO_FLOOD, withDb } from '../support/fixtures';
import {
  eventually,
  getJson,
  postJson,
  type RunningSystem,
  startSystem,
  TEST_ADMIN_TOKEN,
} from '../support/system';

const NEWS = 'https://news.example';

describe('WordPress comment forms posted to ingest', () => {
  let system: RunningSystem;
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

  const wpPost = (siteId: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${system.ingestUrl}/v1/sites/${siteId}/wp-comments-post`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: NEWS, ...headers },
      body: new URLSearchParams(fields),
    });
  const fields = (articleId: string, extra: Record<string, string> = {}) => ({
    comment: 'A fair summary; the customs figures deserve a follow-up.',
    author: 'Ann Reader',
    email: `ann-${randomUUID().slice(0, 8)}@example.org`,
    url: '',
    comment_post_ID: articleId,
    comment_parent: '0',
    'wp-comment-cookies-consent': 'yes',
    submit: 'Post Comment',
    ...extra,
  });

  /** A site with the given page settings, once ingest has them (they travel as sites.configured.v2). */
  async function createSite(settings: Record<string, unknown>): Promise<string> {
    const id = `site-${randomUUID().slice(0, 8)}`;
    const res = await postJson(
      `${system.moderationUrl}/v1/admin/sites`,
      { id, name: `Site ${id}`, allowedOrigins: [NEWS], policy: NO_FLOOD, ...settings },
      admin,
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ articleUrlTemplate: settings.articleUrlTemplate ?? null });
    // v1 and v2 travel on separate topics: wait for v2's settings, not just the site.
    await eventually(
      () =>
        withDb(async (db) => {
          const { rows } = await db.query<{ t: string | null; l: string | null }>(
            'SELECT article_url_template AS t, language AS l FROM ingest.sites WHERE id = $1',
            [id],
          );
          const row = rows[0];
          return row &&
            row.t === (settings.articleUrlTemplate ?? null) &&
            row.l === (settings.language ?? null)
            ? true
            : undefined;
        }),
      { what: `ingest to know ${id} and its page settings` },
    );
    return id;
  }

  const status = async (id: string) =>
    (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status as string;
  const thread = async (siteId: string, articleId: string) =>
    (await getJson(`${system.articlesUrl}/v1/sites/${siteId}/articles/${articleId}/comments`)).json as {
      comments: { id: string; content: string; replies: { id: string }[] }[];
    };

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.close();
  });

  it('sends the reader back to the article with WordPress’s moderation notice, and the comment is published', async () => {
    const siteId = await createSite({ articleUrlTemplate: `${NEWS}/articles/{articleId}?ref=comments` });
    const res = await wpPost(siteId, fields('trade-figures'));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') ?? '');
    const id = location.searchParams.get('unapproved') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(`${location.origin}${location.pathname}`).toBe(`${NEWS}/articles/trade-figures`);
    expect(location.searchParams.get('ref')).toBe('comments');
    expect(location.searchParams.get('moderation-hash')).toMatch(/^[0-9a-f]{32}$/);
    expect(location.hash).toBe(`#comment-${id}`);
    expect(res.headers.get('cache-control')).toBe('no-store');

    await eventually(async () => ((await status(id)) === 'approved' ? true : undefined), {
      what: 'approval',
    });
    const published = await eventually(async () => {
      const t = await thread(siteId, 'trade-figures');
      return t.comments.find((c) => c.id === id);
    });
    expect(published.content).toBe('A fair summary; the customs figures deserve a follow-up.');

    // A reply names our comment id as comment_parent and nests under it.
    const reply = await wpPost(siteId, fields('trade-figures', { comment: 'Agreed.', comment_parent: id }));
    expect(reply.status).toBe(303);
    const replyId = new URL(reply.headers.get('location') ?? '').searchParams.get('unapproved');
    await eventually(async () => {
      const t = await thread(siteId, 'trade-figures');
      return t.comments.find((c) => c.id === id)?.replies.some((r) => r.id === replyId) ? true : undefined;
    });
  });

  it("answers bad fields with WordPress's failure page in the site's language, with a way back", async () => {
    const siteId = await createSite({ language: 'de' });
    const referer = `${NEWS}/articles/x#comments`;
    const res = await wpPost(siteId, fields('x', { author: '', email: 'not-an-address' }), { referer });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<title>Fehler beim Absenden des Kommentars</title>');
    expect(html).toContain('<strong>Fehler:</strong> Bitte fülle die erforderlichen Felder aus.');
    expect(html).toContain(`<a href="${NEWS}/articles/x#respond">« Zurück</a>`);
    // Without a template, the Referer (one of the site's pages) is the way back after a success too.
    const ok = await wpPost(siteId, fields('x'), { referer });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(
      new RegExp(`^${NEWS}/articles/x\\?unapproved=[0-9a-f-]{36}&moderation-hash=[0-9a-f]{32}#comment-`),
    );
  });

  it('names each problem in English by default', async () => {
    const siteId = await createSite({});
    const email = await (await wpPost(siteId, fields('x', { email: 'ann@' }))).text();
    expect(email).toContain('<strong>Error:</strong> Please enter a valid email address.');
    expect(email).toContain('Back button to return to the form.');
    const empty = await (await wpPost(siteId, fields('x', { comment: '   ' }))).text();
    expect(empty).toContain('Please type your comment text.');
    const numericParent = await wpPost(siteId, fields('x', { comment_parent: '12' }));
    expect(numericParent.status).toBe(400);
    expect(await numericParent.text()).toContain('The comment you are replying to could not be found.');
    // Over the submission routes' body limit: the failure page too, as the OpenAPI document says.
    const huge = await wpPost(siteId, fields('x', { comment: 'a'.repeat(300 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Your comment is too long.');
  });

  it("never redirects off the site's origins", async () => {
    const siteId = await createSite({});
    const foreign = await wpPost(siteId, fields('x', { redirect_to: 'https://evil.example/' }), {
      referer: 'https://evil.example/page',
    });
    expect(foreign.status).toBe(202);
    expect(await foreign.text()).toContain('Your comment is awaiting moderation.');
    const own = await wpPost(siteId, fields('x', { redirect_to: `${NEWS}/thanks` }));
    expect(own.status).toBe(303);
    expect(own.headers.get('location')).toMatch(new RegExp(`^${NEWS}/thanks\\?unapproved=`));
  });

  it('links the failure page back to redirect_to, when it is one of the site’s pages', async () => {
    const siteId = await createSite({ articleUrlTemplate: `${NEWS}/articles/{articleId}` });
    const own = await wpPost(siteId, fields('x', { author: '', redirect_to: `${NEWS}/demo/x` }));
    expect(own.status).toBe(400);
    expect(await own.text()).toContain(`<a href="${NEWS}/demo/x#respond">« Back</a>`);
    const foreign = await wpPost(siteId, fields('x', { author: '', redirect_to: 'https://evil.example/x' }));
    expect(await foreign.text()).toContain(`<a href="${NEWS}/articles/x#respond">« Back</a>`);
  });

  it('takes a comment of 10,000 characters in any script, and answers a post over the limit with the failure page', async () => {
    const siteId = await createSite({ articleUrlTemplate: `${NEWS}/articles/{articleId}` });
    // Browsers percent-encode each byte: 9 bytes a CJK character, 12 an emoji (and 21 one with U+FE0F).
    for (const text of ['漢'.repeat(10_000), '😀'.repeat(10_000), '\u{1F5E8}\uFE0F'.repeat(10_000)]) {
      const res = await wpPost(siteId, fields('long-read', { comment: text, author: '李'.repeat(245) }));
      expect(res.status).toBe(303);
    }
    const tooLong = await wpPost(
      siteId,
      fields('long-read', { comment: 'x'.repeat(SUBMISSION_BODY_LIMIT_BYTES) }),
    );
    expect(tooLong.status).toBe(413);
    expect(tooLong.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await tooLong.text();
    expect(html).toContain('<strong>Error:</strong> Your comment is too long.');
  });

  it('refuses a page from another origin, and an unknown site, as HTML', async () => {
    const siteId = await createSite({});
    const other = await wpPost(siteId, fields('x'), { origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    expect(await other.text()).toContain('This page may not post comments to this site.');
    // A site whose pages say Referrer-Policy: no-referrer: browsers post its forms with Origin: null.
    const withheld = await wpPost(siteId, fields('no-referrer-page'), { origin: 'null' });
    expect(withheld.status).toBe(202); // accepted; this site has no article address to send the reader back to
    const unknown = await wpPost(`nope-${siteId}`, fields('x'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Sorry, comments are closed for this item.');
  });
});
