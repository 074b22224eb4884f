import type { Page } from 'playwright-core';
import { type Browser, launchChromium, screenshot } from './support/chromium';
import { type BrowserSystem, createDemoSite, startBrowserSystem } from './support/browser-system';

describe('the demo article page', () => {
  let system: BrowserSystem;
  let browser: Browser;
  let siteId: string;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
    siteId = await createDemoSite(system);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  afterEach(() => {
    expect(browser.dialogs).toEqual([]);
  });

  const published = (page: Page, text: string) =>
    page.locator('.comment:not(.pending) > .comment-body .comment-content', { hasText: text });

  async function leaveAReply(
    page: Page,
    fields: { comment: string; name: string; email: string; website?: string },
  ) {
    await page.fill('#comment', fields.comment);
    await page.fill('#author', fields.name);
    await page.fill('#email', fields.email);
    await page.fill('#url', fields.website ?? '');
    await page.click('#submit');
  }

  it('keeps the focus of a reader who posts from the keyboard: on their comment awaiting moderation', async () => {
    const page = await browser.newPage();
    await page.goto(`${system.articlesUrl}/demo/${siteId}/keyboard-post`);
    const comment = 'Posted with the keyboard alone.';
    await page.fill('#comment', comment);
    await page.fill('#author', 'Kim');
    await page.fill('#email', 'kim@example.org');
    await page.focus('#submit');
    await page.keyboard.press('Enter');
    await page.locator('.comment.pending', { hasText: comment }).waitFor();
    // Not dropped to the top of the page with the button that was disabled under it.
    expect(
      await page.evaluate<string>("document.activeElement.closest('li.comment')?.textContent ?? ''"),
    ).toContain(comment);
    await page.close();
  });

  it('lets a reader post through the form and shows the comment once it is published', async () => {
    const page = await browser.newPage();
    await page.goto(`${system.articlesUrl}/demo/${siteId}/china-russia-ties`);
    expect(await page.locator('h1').textContent()).toContain('Trade between China and Russia');
    expect(await page.locator('#comments-title').textContent()).toBe('No comments yet');
    const form = page.locator('#respond');
    expect(await form.locator('h3').textContent()).toContain('Leave a Reply');
    expect(await form.locator('.comment-notes').textContent()).toBe(
      'Your email address will not be published. Required fields are marked *',
    );
    for (const label of ['Comment *', 'Name *', 'Email *', 'Website']) {
      expect(await form.getByText(label, { exact: true }).count()).toBe(1);
    }

    const comment = 'A fair summary. The yuan settlement figures deserve a follow-up piece of their own.';
    await leaveAReply(page, {
      comment,
      name: 'Ann Reader',
      email: 'ann@example.org',
      website: 'https://ann.example.org',
    });
    const awaiting = page.locator('.comment.pending', { hasText: comment });
    await awaiting.waitFor();
    expect(await awaiting.locator('.comment-awaiting-moderation').textContent()).toBe(
      'Your comment is awaiting moderation.',
    );
    expect(await page.locator('#form-status').textContent()).toContain('Your comment is awaiting moderation');

    await published(page, comment).waitFor({ timeout: 20000 });
    expect(await page.locator('.comment.pending').count()).toBe(0);
    expect(await page.locator('#comments-title').textContent()).toBe(
      '1 thought on “Trade between China and Russia hits a record, but the numbers hide a lopsided bargain”',
    );
    const author = page.locator('.comment .fn a');
    expect(await author.textContent()).toBe('Ann Reader');
    expect(await author.getAttribute('rel')).toBe('external nofollow ugc');
    expect(await page.content()).not.toContain('ann@example.org');

    // Reply nests under the comment (parentId), and the form goes back to its place.
    const parent = page.locator('#comment-list > li.comment', { hasText: comment });
    await parent.locator('> .comment-body .comment-reply-link').click();
    expect(await page.locator('#reply-title-text').textContent()).toBe('Reply to Ann Reader');
    expect(await parent.locator('#respond').count()).toBe(1);
    // Cancel puts the form back and focus where the reader was; Reply again to go on.
    await page.click('#cancel-comment-reply-link');
    expect(await page.locator('#reply-title-text').textContent()).toBe('Leave a Reply');
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('comment-reply-link');
    await parent.locator('> .comment-body .comment-reply-link').click();
    const reply = 'Agreed, and the rail freight numbers too: https://example.org/rail-freight (see table 2).';
    await leaveAReply(page, { comment: reply, name: 'Bob', email: 'bob@example.org' });
    await parent.locator('ol.children .comment.pending', { hasText: 'Agreed' }).waitFor();
    await parent
      .locator('ol.children .comment:not(.pending) .comment-content', { hasText: 'Agreed' })
      .waitFor({
        timeout: 20000,
      });
    const link = parent.locator('ol.children .comment-content a');
    expect(await link.getAttribute('href')).toBe('https://example.org/rail-freight');
    expect(await link.getAttribute('rel')).toBe('nofollow ugc');
    expect(await page.locator('#reply-title-text').textContent()).toBe('Leave a Reply');
    await screenshot(page, 'demo-article');

    // The server renders the same thread for a reader who arrives later.
    await page.reload();
    await published(page, comment).waitFor();
    expect(await page.locator('.comment-list ol.children .comment-content a').getAttribute('rel')).toBe(
      'nofollow ugc',
    );
    expect(await page.locator('#comments-title').textContent()).toContain('2 thoughts on');
    expect(browser.problems).toEqual([]);
    await page.close();
  });
});
