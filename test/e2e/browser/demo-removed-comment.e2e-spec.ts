import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { withDb } from '../../support/fixtures';
import { eventually, getJson, postJson } from '../../support/system';
import { type BrowserSystem, createDemoSite, startBrowserSystem } from './support/browser-system';
import { type Browser, launchChromium, screenshot } from './support/chromium';

describe('the demo article page, when a comment readers replied to is taken down', () => {
  let system: BrowserSystem;
  let browser: Browser;
  let siteId: string;
  let origin: string;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
    siteId = await createDemoSite(system);
    origin = new URL(system.articlesUrl).origin;
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  afterEach(() => {
    expect(browser.dialogs).toEqual([]);
  });

  const statusOf = async (id: string) =>
    (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status as string;

  /** A comment posted as the page's script posts it, once moderation has approved it. */
  async function publish(articleId: string, fields: Record<string, unknown>): Promise<string> {
    const res = await postJson(
      `${system.ingestUrl}/v1/comments`,
      { siteId, articleId, authorEmail: `${randomUUID().slice(0, 8)}@example.org`, ...fields },
      { origin },
    );
    if (res.status !== 202) throw new Error(`posting: ${res.status} ${res.text}`);
    const id = res.json.id as string;
    const status = await eventually(
      async () => {
        const s = await statusOf(id);
        return s === 'pending' ? undefined : s;
      },
      { what: `a decision on ${id}` },
    );
    expect(status).toBe('approved');
    return id;
  }

  /** The placeholder and the reply under it, as the page shows them. */
  async function expectPlaceholderWithReply(page: Page, parent: string, reply: string, replyText: string) {
    const placeholder = page.locator(`#comment-list > li#comment-${parent}`);
    expect(await placeholder.getAttribute('class')).toBe('comment depth-1 removed');
    const own = placeholder.locator(':scope > .comment-body');
    expect((await own.textContent())?.trim()).toBe('This comment was removed.');
    expect(await own.locator('.avatar, .fn, .says, .comment-reply-link, time').count()).toBe(0);
    const nested = placeholder.locator(`:scope > ol.children > li#comment-${reply}.depth-2`);
    expect(await nested.locator(':scope > .comment-body .comment-content').textContent()).toBe(replyText);
    expect(await nested.locator(':scope > .comment-body .fn').textContent()).toBe('Bob');
    expect(
      await nested.locator(':scope > .comment-body .comment-reply-link').getAttribute('aria-label'),
    ).toBe('Reply to Bob');
    // Nothing of the removed comment is left on the page.
    expect(await page.content()).not.toContain('The budget hides the real deficit.');
    expect(await page.locator('#comment-list > li').count()).toBe(1);
  }

  it('shows "This comment was removed." in its place with the reply nested under it, rendered by the server and by the script', async () => {
    const articleId = `takedown-${randomUUID().slice(0, 8)}`;
    const parent = await publish(articleId, {
      authorName: 'Ann Reader',
      content: 'The budget hides the real deficit.',
    });
    const replyText = 'Page 14 shows it.';
    const reply = await publish(articleId, { parentId: parent, authorName: 'Bob', content: replyText });
    const v2 = `${system.articlesUrl}/v2/sites/${siteId}/articles/${articleId}/comments`;
    await eventually(async () => ((await getJson(v2)).json.count === 2 ? true : undefined), {
      what: 'both comments published',
    });

    // A moderator takes the parent down.
    const { version } = await withDb(
      async (db) =>
        (
          await db.query<{ version: number }>('SELECT version FROM moderation.comments WHERE id = $1', [
            parent,
          ])
        ).rows[0],
    );
    const takedown = await postJson(
      `${system.moderationUrl}/v1/moderation/comments/${parent}/decision`,
      { action: 'reject', reason: 'off-topic', expectedVersion: version },
      { authorization: `Bearer ${system.adminToken}` },
    );
    expect(takedown.status).toBe(200);
    await eventually(async () => ((await getJson(v2)).json.count === 1 ? true : undefined), {
      what: 'the parent taken down',
    });

    // A fresh page load: the server's rendering.
    const page = await browser.newPage();
    await page.goto(`${system.articlesUrl}/demo/${siteId}/${articleId}`);
    await expectPlaceholderWithReply(page, parent, reply, replyText);
    expect(await page.locator('#comments-title').textContent()).toMatch(/^1 thought on /);

    // The script re-renders the thread while it follows a comment of this reader's to publication:
    // the list is rebuilt from thread v2 (the server's nodes, marked here, are gone).
    // (The tests' TypeScript has no DOM types: the element is typed by what is used of it.)
    await page
      .locator(`li#comment-${parent}`)
      .evaluate((li: { setAttribute(name: string, value: string): void }) =>
        li.setAttribute('data-server', ''),
      );
    const mine = 'The placeholder keeps the thread readable.';
    await page.fill('#comment', mine);
    await page.fill('#author', 'Cleo');
    await page.fill('#email', 'cleo@example.org');
    await page.click('#submit');
    await page
      .locator('#comment-list > li.comment:not(.pending) > .comment-body .comment-content', { hasText: mine })
      .waitFor({ timeout: 20000 });
    expect(await page.locator('[data-server]').count()).toBe(0);
    const placeholder = page.locator(`#comment-list > li#comment-${parent}`);
    expect((await placeholder.locator(':scope > .comment-body').textContent())?.trim()).toBe(
      'This comment was removed.',
    );
    expect(
      await placeholder
        .locator(':scope > .comment-body .avatar, :scope > .comment-body .comment-reply-link')
        .count(),
    ).toBe(0);
    expect(
      await placeholder.locator(`:scope > ol.children > li#comment-${reply} .comment-content`).textContent(),
    ).toBe(replyText);
    expect(await page.locator('#comment-list > li').count()).toBe(2);
    expect(await page.locator('#comments-title').textContent()).toMatch(/^2 thoughts on /);
    await screenshot(page, 'demo-removed-comment');
    expect(browser.problems).toEqual([]);
    await page.close();
  });
});
