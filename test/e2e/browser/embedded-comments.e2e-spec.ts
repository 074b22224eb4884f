import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { NO_FLOOD, withDb } from '../../support/fixtures';
import { eventually, getJson, postJson } from '../../support/system';
import {
  type BrowserSystem,
  createDemoSite,
  postAndAwaitDecision,
  startBrowserSystem,
} from './support/browser-system';
import { type Browser, launchChromium, screenshot } from './support/chromium';
import { type HostSite, startHostSite } from './support/host-site';

describe('the comments widget embedded in a page of another origin', () => {
  let system: BrowserSystem;
  let browser: Browser;
  let host: HostSite;
  let siteId: string;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
    host = await startHostSite(system);
    // The site's own origin is the one allowed, not the article service's.
    siteId = await createDemoSite(system, NO_FLOOD, host.origin);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await system?.close();
  });

  afterEach(() => {
    expect(browser.dialogs).toEqual([]);
  });

  /** A comment posted from the site's server, once moderation has approved it. */
  async function publish(articleId: string, fields: Record<string, unknown>): Promise<string> {
    const { id, status } = await postAndAwaitDecision(system, siteId, articleId, fields);
    // Markup in a comment may be held for a moderator: one approves it.
    if (status === 'held') await decide(id, 'approve');
    else expect(status).toBe('approved');
    return id;
  }

  async function decide(id: string, action: 'approve' | 'reject'): Promise<void> {
    const { version } = await withDb(
      async (db) =>
        (await db.query<{ version: number }>('SELECT version FROM moderation.comments WHERE id = $1', [id]))
          .rows[0],
    );
    const res = await postJson(
      `${system.moderationUrl}/v1/moderation/comments/${id}/decision`,
      { action, reason: 'off-topic', expectedVersion: version },
      { authorization: `Bearer ${system.adminToken}` },
    );
    expect(res.status).toBe(200);
  }

  /** Four published comments over two top-level pages of two, one top-level comment taken down. */
  async function seedThread(articleId: string) {
    const first = await publish(articleId, {
      authorName: 'Ann Reader',
      authorUrl: 'https://ann.example.org/',
      content: 'The customs figures are only half the story.',
    });
    await publish(articleId, { parentId: first, authorName: 'Bob', content: 'Agreed, see page 14.' });
    const second = await publish(articleId, { authorName: 'Cleo', content: 'This one is off-topic.' });
    await publish(articleId, { parentId: second, authorName: 'Dev', content: 'A reply that stays.' });
    await publish(articleId, {
      authorName: 'Eve',
      content: 'Markup is text here: <img src=x onerror=alert(1)> <b>bold</b> https://example.org/x.',
    });
    await decide(second, 'reject');
    const v2 = `${system.articlesUrl}/v2/sites/${siteId}/articles/${articleId}/comments`;
    await eventually(async () => ((await getJson(v2)).json.count === 4 ? true : undefined), {
      what: 'the thread published, one comment taken down',
    });
  }

  /** The page with the widget, watched for script errors, CSP refusals and failed requests. */
  async function openArticle(articleId: string) {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${host.origin}/news?site=${siteId}&article=${articleId}`);
    const widget = page.locator('[data-replyguard]');
    await widget.locator('.comments-title', { hasText: '4 Comments' }).waitFor();
    return { page, widget, consoleErrors };
  }

  const topLevel = (widget: Locator) => widget.locator('.comment-list > li');
  const shadowActive = (page: Page) =>
    page.evaluate<string>("document.querySelector('[data-replyguard]').shadowRoot.activeElement?.id ?? ''");
  // (The tests' TypeScript has no DOM types: the browser's function is typed by what is used of it.)
  type Styles = { getComputedStyle(e: unknown): { getPropertyValue(p: string): string } };
  const style = (locator: Locator, property: string) =>
    locator.evaluate(
      (e, p) => (globalThis as unknown as Styles).getComputedStyle(e).getPropertyValue(p),
      property,
    );

  it('shows the thread a page at a time, and lets a reader post and follow a comment to publication', async () => {
    const articleId = `embed-${randomUUID().slice(0, 8)}`;
    await seedThread(articleId);
    const { page, widget, consoleErrors } = await openArticle(articleId);

    // The first page: Ann with Bob's reply nested, then the taken-down comment with Dev's reply.
    expect(await topLevel(widget).count()).toBe(2);
    const ann = topLevel(widget).nth(0);
    expect(await ann.locator(':scope > .comment-body .fn').textContent()).toBe('Ann Reader');
    const annLink = ann.locator(':scope > .comment-body .fn a');
    expect(await annLink.getAttribute('href')).toBe('https://ann.example.org/');
    expect(await annLink.getAttribute('rel')).toBe('nofollow ugc noopener');
    expect(await ann.locator(':scope > ol.children > li .comment-content').textContent()).toContain(
      'Agreed, see page 14.',
    );
    const removed = topLevel(widget).nth(1);
    expect(await removed.getAttribute('class')).toContain('removed');
    expect((await removed.locator(':scope > .comment-body').textContent())?.trim()).toBe(
      'This comment was removed.',
    );
    expect(
      await removed.locator(':scope > .comment-body .fn, :scope > .comment-body .comment-reply-link').count(),
    ).toBe(0);
    expect(await removed.locator(':scope > ol.children > li .comment-content').textContent()).toContain(
      'A reply that stays.',
    );
    expect(await widget.getByText('This one is off-topic.').count()).toBe(0);

    // "Show more comments": the second page, and no more after it.
    const more = widget.locator('.show-more');
    expect(await more.isVisible()).toBe(true);
    await more.click();
    const eve = topLevel(widget).nth(2);
    await eve.waitFor();
    expect(await more.isVisible()).toBe(false);
    expect(await eve.locator('.comment-content').textContent()).toContain(
      '<img src=x onerror=alert(1)> <b>bold</b>',
    );
    expect(await widget.locator('img, b:not(.fn)').count()).toBe(0);
    expect(await eve.locator('.comment-content a').getAttribute('rel')).toBe('nofollow ugc');
    expect(await eve.locator('.fn a').count()).toBe(0);

    // Styles are the widget's inside, the site's outside; font and colours come through as documented.
    expect(await style(widget.locator('.comment-notes'), 'font-style')).toBe('italic');
    expect(await style(widget.locator('.comment-notes'), 'color')).not.toBe('rgb(200, 0, 0)');
    expect(await style(widget.locator('.comments-title'), 'font-family')).toBe('"Courier New", monospace');
    expect(await style(widget.locator('.submit'), 'background-color')).toBe('rgb(0, 110, 0)');
    expect(await style(page.locator('body > p.comment-notes'), 'font-style')).toBe('normal');
    expect(await widget.locator('.comment-form-extra').boundingBox()).toMatchObject({ x: -10000 });

    // The form, as WordPress's.
    const form = widget.locator('.comment-respond');
    expect(await form.locator('h3').textContent()).toContain('Leave a Reply');
    expect(await form.locator('.comment-notes').textContent()).toBe(
      'Your email address will not be published. Required fields are marked *',
    );
    for (const label of ['Comment *', 'Name *', 'Email *', 'Website'])
      expect(await form.locator('label', { hasText: label }).count()).toBeGreaterThan(0);

    // No email: ingest's 400 names the field, and the widget says so there.
    const mine = 'The rail freight numbers deserve a chart of their own.';
    await widget.locator('#comment').fill(mine);
    await widget.locator('#author').fill('Fay');
    await widget.locator('#url').fill('https://fay.example.org');
    await widget.locator('.submit').click();
    const emailError = widget.locator('#email-error');
    await emailError.waitFor();
    expect(await emailError.textContent()).toBe('Please enter your email address.');
    expect(await widget.locator('#email').getAttribute('aria-invalid')).toBe('true');
    expect(await widget.locator('#email').getAttribute('aria-describedby')).toBe('email-notes email-error');
    expect(await widget.locator('.form-status').textContent()).toBe(
      'Your comment was not posted. Please correct the fields marked below.',
    );
    expect(await shadowActive(page)).toBe('email');

    // Posted: awaiting moderation in place, then published once the default policy approves it.
    await widget.locator('#email').fill('fay@example.org');
    await widget.locator('.submit').click();
    const own = widget.locator('.comment-list > li.own', { hasText: mine });
    await widget.locator('.comment.pending', { hasText: mine }).waitFor();
    expect(await emailError.isVisible()).toBe(false);
    expect(await widget.locator('#email').getAttribute('aria-invalid')).toBeNull();
    expect(await widget.locator('.form-status').textContent()).toBe(
      'Thank you. Your comment is awaiting moderation.',
    );
    expect(await widget.locator('#comment').inputValue()).toBe('');
    await widget.locator('.comment.own:not(.pending)', { hasText: mine }).waitFor({ timeout: 20000 });
    expect(await own.locator('.comment-awaiting-moderation').count()).toBe(0);
    expect(await own.locator('.comment-reply-link').count()).toBe(1);
    expect(await widget.locator('.form-status').textContent()).toBe('Your comment has been published.');
    // The title counts it, as a reload's thread does.
    expect(await widget.locator('.comments-title').textContent()).toBe('5 Comments');
    await screenshot(page, 'embedded-comments');

    // A reload: the thread has it now, once, where its page puts it.
    await page.reload();
    await widget.locator('.comments-title', { hasText: '5 Comments' }).waitFor();
    await widget.locator('.show-more').click();
    await widget.locator('.comment-list > li:not(.own) .comment-content', { hasText: mine }).waitFor();
    expect(await widget.getByText(mine).count()).toBe(1);
    expect(
      await page.evaluate<string | null>(
        `sessionStorage.getItem('replyguard.embed.pending.${siteId}/${articleId}')`,
      ),
    ).toBeNull();

    // A reply: the form moves under the comment, and the reply waits there, nested.
    await ann.locator(':scope > .comment-body .comment-reply-link').click();
    expect(await widget.locator('.reply-title-text').textContent()).toBe('Reply to Ann Reader');
    expect(await ann.locator('.comment-respond').count()).toBe(1);
    expect(await shadowActive(page)).toBe('comment');
    const reply = 'Page 14 has the table, yes.';
    await widget.locator('#comment').fill(reply);
    await widget.locator('#author').fill('Gus');
    await widget.locator('#email').fill('gus@example.org');
    await widget.locator('.submit').click();
    await ann.locator(':scope > ol.children > li.pending', { hasText: reply }).waitFor();
    expect(await widget.locator('.reply-title-text').textContent()).toBe('Leave a Reply');
    await ann
      .locator(':scope > ol.children > li.own:not(.pending)', { hasText: reply })
      .waitFor({ timeout: 20000 });

    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    expect(browser.problems.filter((p) => !p.startsWith('400 POST'))).toEqual([]);
    await page.close();
  });

  it('keeps a comment awaiting moderation across a reload, and says so when one is not published', async () => {
    const articleId = `embed-${randomUUID().slice(0, 8)}`;
    await seedThread(articleId);
    const { page, widget } = await openArticle(articleId);

    // A filled honeypot: accepted by ingest, rejected by moderation, as bots' comments are.
    const spam = 'Great post, visit my site.';
    await widget.locator('#comment').fill(spam);
    await widget.locator('#author').fill('Bot');
    await widget.locator('#email').fill('bot@example.org');
    await widget.locator('#extra').fill('http://spam.example', { force: true });
    await widget.locator('.submit').click();
    await widget.locator('.comment.pending', { hasText: spam }).waitFor();
    const stored = await page.evaluate<string | null>(
      `sessionStorage.getItem('replyguard.embed.pending.${siteId}/${articleId}')`,
    );
    expect(stored).toContain(spam);
    await widget.locator('.comment.not-published', { hasText: spam }).waitFor({ timeout: 20000 });
    expect(await widget.locator('.comment-not-published').textContent()).toBe(
      'Your comment was not published.',
    );
    expect(await widget.locator('.form-status').textContent()).toBe('Your comment was not published.');
    await page.reload();
    await widget.locator('.comments-title', { hasText: '4 Comments' }).waitFor();
    expect(await widget.getByText(spam).count()).toBe(0);

    // On a phone, down to 320 px: nothing wider than the screen.
    await page.setViewportSize({ width: 320, height: 640 });
    await widget.locator('.show-more').click();
    await topLevel(widget).nth(2).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await screenshot(page, 'embedded-comments-320');
    await page.close();
  });

  it('keeps the focus of a reader who posts from the keyboard: on their comment, a reply too', async () => {
    const articleId = `embed-${randomUUID().slice(0, 8)}`;
    await seedThread(articleId);
    const { page, widget } = await openArticle(articleId);
    /** The text of the comment that has focus, if one has. */
    const focusedComment = () =>
      page.evaluate<string>(
        "document.querySelector('[data-replyguard]').shadowRoot.activeElement?.closest('li.comment')?.textContent ?? ''",
      );

    // Posted with Enter on the button: focus goes on to the comment awaiting moderation, not back to
    // the top of the page.
    const mine = 'Keyboard only, and still in the right place.';
    await widget.locator('#comment').fill(mine);
    await widget.locator('#author').fill('Hal');
    await widget.locator('#email').fill('hal@example.org');
    await widget.locator('.submit').focus();
    await page.keyboard.press('Enter');
    await widget.locator('.comment.pending', { hasText: mine }).waitFor();
    expect(await focusedComment()).toContain(mine);

    // A reply: the form goes back to the end of the thread, and focus to the reply.
    await topLevel(widget).nth(0).locator(':scope > .comment-body .comment-reply-link').click();
    const reply = 'A keyboard reply.';
    await widget.locator('#comment').fill(reply);
    await widget.locator('.submit').focus();
    await page.keyboard.press('Enter');
    await widget.locator('.comment.pending', { hasText: reply }).waitFor();
    expect(await focusedComment()).toContain(reply);
    expect(await focusedComment()).not.toContain(mine);
    await page.close();
  });

  it("focuses the form's first field at fault and marks each one, inputs as the textarea", async () => {
    const articleId = `embed-${randomUUID().slice(0, 8)}`;
    await seedThread(articleId);
    const { page, widget } = await openArticle(articleId);

    // Nothing filled in: ingest names the name first, but the comment comes first in the form.
    await widget.locator('.submit').click();
    await widget.locator('#comment-error').waitFor();
    expect(await shadowActive(page)).toBe('comment');
    for (const id of ['comment', 'author', 'email']) {
      const field = widget.locator(`#${id}`);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await style(field, 'border-top-width')).toBe('2px');
      expect(await style(field, 'border-top-color')).toBe('rgb(179, 38, 30)');
    }
    expect(await style(widget.locator('#url'), 'border-top-width')).toBe('1px');
    await page.close();
  });

  it('says under Show more comments, where the reader is, that a page could not be read', async () => {
    const articleId = `embed-${randomUUID().slice(0, 8)}`;
    await seedThread(articleId);
    const { page, widget } = await openArticle(articleId);
    // The next page fails once (the service restarting, say).
    await page.route('**/v3/**cursor=*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"SERVICE_UNAVAILABLE"}' }),
    );
    const more = widget.locator('.show-more');
    await more.click();
    const said = widget.locator('.more-status', { hasText: 'More comments could not be loaded.' });
    await said.waitFor();
    // Right under the button, not at the top of a long thread out of sight.
    const button = await more.boundingBox();
    const message = await said.boundingBox();
    expect(message!.y).toBeGreaterThan(button!.y);
    expect(message!.y - (button!.y + button!.height)).toBeLessThan(40);
    expect(await said.getAttribute('role')).toBe('status');
    expect(await widget.locator('.load-status').isVisible()).toBe(false);
    // The button tries again; the message goes with the page.
    await page.unroute('**/v3/**cursor=*');
    await more.click();
    await topLevel(widget).nth(2).waitFor();
    expect((await widget.locator('.more-status').textContent()) ?? '').toBe('');
    browser.problems.splice(0);
    await page.close();
  });

  it("shows a name's whole first character in its avatar, an emoji too", async () => {
    const articleId = `embed-${randomUUID().slice(0, 8)}`;
    await publish(articleId, { authorName: '😀 Smiley', content: 'A name that starts with an emoji.' });
    const page = await browser.newPage();
    await page.goto(`${host.origin}/news?site=${siteId}&article=${articleId}`);
    const widget = page.locator('[data-replyguard]');
    await widget.locator('.comments-title', { hasText: '1 Comment' }).waitFor();
    expect(await widget.locator('.avatar').first().textContent()).toBe('😀');
    await page.close();
  });

  it('indents replies on the side a right-to-left page starts from', async () => {
    const articleId = `embed-${randomUUID().slice(0, 8)}`;
    const parent = await publish(articleId, { authorName: 'Dana', content: 'A first remark.' });
    await publish(articleId, { parentId: parent, authorName: 'Omar', content: 'A reply to it.' });
    for (const [dir, start, end] of [
      ['ltr', 'left', 'right'],
      ['rtl', 'right', 'left'],
    ] as const) {
      const page = await browser.newPage();
      await page.goto(`${host.origin}/news?site=${siteId}&article=${articleId}&dir=${dir}`);
      const widget = page.locator('[data-replyguard]');
      await widget.locator('.comments-title', { hasText: '2 Comments' }).waitFor();
      const replies = widget.locator('.children').first();
      expect({
        dir,
        start: await style(replies, `margin-${start}`),
        end: await style(replies, `margin-${end}`),
      }).toEqual({
        dir,
        start: expect.not.stringMatching(/^0px$/) as unknown,
        end: '0px',
      });
      expect(await style(replies, `border-${start}-width`)).toBe('2px');
      await page.close();
    }
  });

  it("tells a reader who posts too fast how long ingest's Retry-After says to wait", async () => {
    const articleId = `embed-${randomUUID().slice(0, 8)}`;
    const page = await browser.newPage();
    // Ingest's answer to a reader over the limit, with the CORS headers it sends an allowed page.
    await page.route(`${system.ingestPublicUrl}/v1/comments`, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 429,
            contentType: 'application/json',
            headers: {
              'access-control-allow-origin': host.origin,
              'access-control-expose-headers': 'retry-after',
              'retry-after': '42',
            },
            body: JSON.stringify({ statusCode: 429, code: 'RATE_LIMITED', message: 'too many' }),
          })
        : route.continue(),
    );
    await page.goto(`${host.origin}/news?site=${siteId}&article=${articleId}`);
    const widget = page.locator('[data-replyguard]');
    await widget.locator('.comments-title', { hasText: 'No comments yet' }).waitFor();
    await widget.locator('#comment').fill('Hello again.');
    await widget.locator('#author').fill('Hal');
    await widget.locator('#email').fill('hal@example.org');
    await widget.locator('.submit').click();
    await widget.locator('.form-status.error').waitFor();
    expect(await widget.locator('.form-status').textContent()).toBe(
      'You are posting comments too quickly. Please wait 42 seconds and try again.',
    );
    await page.close();
  });

  it("says what is wrong when the page's origin is not one of the site's", async () => {
    const other = await createDemoSite(system, NO_FLOOD);
    const page = await browser.newPage();
    await page.goto(`${host.origin}/news?site=${other}&article=a-${randomUUID().slice(0, 8)}`);
    const widget = page.locator('[data-replyguard]');
    await widget.locator('.comments-title', { hasText: 'No comments yet' }).waitFor();
    await widget.locator('#comment').fill('Hello.');
    await widget.locator('#author').fill('Hal');
    await widget.locator('#email').fill('hal@example.org');
    await widget.locator('.submit').click();
    // Ingest answers CORS for an origin some site allows, then refuses it for this site.
    await widget.locator('.form-status.error').waitFor();
    expect(await widget.locator('.form-status').textContent()).toBe(
      'Comments cannot be posted from this page: the site does not allow it yet (ORIGIN_NOT_ALLOWED).',
    );
    await page.close();
  });
});
