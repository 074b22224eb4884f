import { randomUUID } from 'node:crypto';
import { withDb } from '../../support/fixtures';
import { eventually, getJson, postJson } from '../../support/system';
import { type BrowserSystem, createDemoSite, startBrowserSystem } from './support/browser-system';
import { type Browser, launchChromium, screenshot } from './support/chromium';

describe('the demo article page for a reader without JavaScript', () => {
  let system: BrowserSystem;
  let browser: Browser;
  let siteId: string;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium({ javaScriptEnabled: false });
    // Like the default site, the page's origin allowed and no articleUrlTemplate; pre-moderated, so
    // the comment waits for a moderator and the page's notice can be seen.
    siteId = await createDemoSite(system, { mode: 'pre' });
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  afterEach(() => {
    expect(browser.dialogs).toEqual([]);
  });

  it('posts the form to ingest, comes back to the article with a notice, and finds the comment published there', async () => {
    const articleId = `no-js-${randomUUID().slice(0, 8)}`;
    const pageUrl = `${system.articlesUrl}/demo/${siteId}/${articleId}`;
    const page = await browser.newPage();
    await page.goto(pageUrl);
    expect(await page.locator('#comments-title').textContent()).toBe('No comments yet');

    const comment = 'Read without scripts. The form still works, as a form should.';
    await page.fill('#comment', comment);
    await page.fill('#author', 'Nora Script');
    await page.fill('#email', 'nora@example.org');
    await page.fill('#url', 'https://nora.example');
    const [posted] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST'),
      page.waitForNavigation(),
      page.click('#submit'),
    ]);
    // A plain form post to ingest's WordPress-compatible endpoint.
    expect(posted.url()).toBe(`${system.ingestPublicUrl}/v1/sites/${siteId}/wp-comments-post`);
    const sent = new URLSearchParams(posted.postData() ?? '');
    expect(Object.fromEntries(sent)).toMatchObject({
      comment,
      author: 'Nora Script',
      email: 'nora@example.org',
      url: 'https://nora.example',
      comment_post_ID: articleId,
      comment_parent: '',
      redirect_to: pageUrl,
    });

    // Back on the article (redirect_to), with WordPress's moderation parameters and a notice where
    // the comment will be.
    const landed = new URL(page.url());
    expect(`${landed.origin}${landed.pathname}`).toBe(pageUrl);
    const id = landed.searchParams.get('unapproved') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(landed.hash).toBe(`#comment-${id}`);

    const notice = page.locator(`p#comment-${id}.awaiting-notice`);
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.textContent()).toContain('Your comment is awaiting moderation.');
    expect(await page.locator('#comments-title').textContent()).toBe('No comments yet');
    await screenshot(page, 'demo-no-js-awaiting');

    // Accepted: stored by moderation, held for a moderator, who approves it.
    await eventually(
      async () =>
        (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status === 'held'
          ? true
          : undefined,
      { what: `${id} held for a moderator` },
    );
    const { version } = await withDb(
      async (db) =>
        (await db.query<{ version: number }>('SELECT version FROM moderation.comments WHERE id = $1', [id]))
          .rows[0],
    );
    const approval = await postJson(
      `${system.moderationUrl}/v1/moderation/comments/${id}/decision`,
      { action: 'approve', expectedVersion: version },
      { authorization: `Bearer ${system.adminToken}` },
    );
    expect(approval.status).toBe(200);
    const published = page.locator(`li#comment-${id} > .comment-body .comment-content`);

    // A reload shows it published, in its place, and the notice is gone.
    await eventually(
      async () => {
        await page.reload();
        return (await published.count()) > 0 ? true : undefined;
      },
      { what: 'the comment on the article page', timeoutMs: 20000, intervalMs: 300 },
    );
    expect(await published.textContent()).toBe(comment);
    expect(await page.locator(`li#comment-${id} .fn`).textContent()).toBe('Nora Script');
    expect(await notice.count()).toBe(0);
    expect(await page.locator('#comments-title').textContent()).toMatch(/^1 thought on /);
    expect(await page.content()).not.toContain('nora@example.org');
    await screenshot(page, 'demo-no-js-published');

    // Reply: the link leads to ?replytocom=, where the form answers that comment.
    await Promise.all([page.waitForNavigation(), page.click(`li#comment-${id} .comment-reply-link`)]);
    expect(new URL(page.url()).searchParams.get('replytocom')).toBe(id);
    expect(await page.locator('#reply-title-text').textContent()).toBe('Reply to Nora Script');
    await page.fill('#comment', 'Answering without scripts, nested all the same.');
    await page.fill('#author', 'Omar Plain');
    await page.fill('#email', 'omar@example.org');
    const [replied] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST'),
      page.waitForNavigation(),
      page.click('#submit'),
    ]);
    expect(new URLSearchParams(replied.postData() ?? '').get('comment_parent')).toBe(id);
    const replyId = new URL(page.url()).searchParams.get('unapproved') ?? '';
    const stored = await eventually(
      () =>
        withDb(async (db) => {
          const { rows } = await db.query<{ parent_id: string }>(
            'SELECT parent_id FROM moderation.comments WHERE id = $1',
            [replyId],
          );
          return rows[0];
        }),
      { what: 'the reply stored' },
    );
    expect(stored.parent_id).toBe(id);
    expect(browser.problems).toEqual([]);
    await page.close();
  });
});
