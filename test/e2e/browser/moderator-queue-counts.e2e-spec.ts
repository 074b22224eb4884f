import type { Page } from 'playwright-core';
import { aSubmission } from '../../support/factories';
import { NO_FLOOD } from '../../support/fixtures';
import { eventually, getJson, postJson } from '../../support/system';
import { type Browser, launchChromium, screenshot } from './support/chromium';
import {
  type BrowserSystem,
  createDemoSite,
  createModerator,
  startBrowserSystem,
} from './support/browser-system';

describe('the moderator console counts the queues and announces new comments', () => {
  let system: BrowserSystem;
  let browser: Browser;
  let siteId: string;
  let token: string;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
    // A site of its own, so its counts are this test's; "sanctions" holds a comment.
    siteId = await createDemoSite(system, { suspectWords: ['sanctions'], ...NO_FLOOD });
    token = await createModerator(system, [siteId]);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  afterEach(() => {
    expect(browser.dialogs).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  async function held(content: string): Promise<string> {
    const res = await postJson(`${system.ingestUrl}/v1/comments`, aSubmission({ siteId, content }));
    const id = res.json.id as string;
    await eventually(
      async () =>
        (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status === 'held'
          ? true
          : undefined,
      { what: `${id} held` },
    );
    return id;
  }

  const card = (page: Page, text: string) => page.locator('#queue > li.card', { hasText: text });
  const activeCardId = (page: Page) =>
    page.evaluate<string | undefined>('document.activeElement?.dataset?.id');

  it('shows the counts in the tabs, a banner for a comment held after the page loaded, and lists it on Show', async () => {
    await held('The first sanctions remark of the morning.');
    await held('A second sanctions remark, later on.');

    const page = await browser.newPage();
    // ?poll=1: the counts are read every second instead of every 30.
    await page.goto(`${system.moderationUrl}/console?poll=1`);
    await page.fill('#token', token);
    await page.click('#signin-form button[type=submit]');
    await card(page, 'A second sanctions remark').waitFor();

    // The count is part of each tab's accessible name.
    await page.getByRole('tab', { name: 'Held 2', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Reported 0', exact: true }).waitFor();
    expect(await page.locator('#new-comments').getAttribute('role')).toBe('status');
    expect((await page.locator('#new-comments').innerText()).trim()).toBe('');

    // The moderator is at work: the first comment focused and selected.
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('x');
    const focused = await activeCardId(page);
    expect(focused).toEqual(expect.any(String));
    expect(await page.locator('#selected-count').textContent()).toBe('1 selected');

    await held('A third sanctions remark, after the page loaded.');
    const banner = page.locator('#new-comments', { hasText: '1 new comment — Show' });
    await banner.waitFor({ timeout: 5000 });
    await page.getByRole('tab', { name: 'Held 3', exact: true }).waitFor();
    await screenshot(page, 'console-new-comments');
    // Not listed by itself: the list, the focus and the selection are as they were.
    expect(await page.locator('#queue > li.card').count()).toBe(2);
    expect(await card(page, 'A third sanctions remark').count()).toBe(0);
    expect(await activeCardId(page)).toBe(focused);
    expect(await page.locator('#selected-count').textContent()).toBe('1 selected');

    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await card(page, 'A third sanctions remark').waitFor();
    expect(await page.locator('#queue > li.card').count()).toBe(3);
    expect(await page.locator('#selected-count').textContent()).toBe('Select all');
    expect((await page.locator('#new-comments').innerText()).trim()).toBe('');

    // A decision here takes its comment out of the count, and is no "new comment" at the next poll.
    await page.keyboard.press('a');
    await page.locator('#toast', { hasText: 'Approved' }).waitFor();
    await page.getByRole('tab', { name: 'Held 2', exact: true }).waitFor();
    await page.waitForTimeout(2500);
    expect((await page.locator('#new-comments').innerText()).trim()).toBe('');
    expect(await page.getByRole('tab', { name: 'Held 2', exact: true }).count()).toBe(1);

    // A poll that fails says nothing and leaves the counts as they were.
    await page.route('**/v1/moderation/queue/summary?*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"SERVICE_UNAVAILABLE"}' }),
    );
    await page.waitForRequest('**/v1/moderation/queue/summary?*');
    await page.waitForTimeout(1500);
    expect(await page.locator('#toast').isVisible()).toBe(false);
    expect(await page.getByRole('tab', { name: 'Held 2', exact: true }).count()).toBe(1);
    await page.unroute('**/v1/moderation/queue/summary?*');
    expect(browser.problems.length).toBeGreaterThan(0);
    expect(browser.problems.every((p) => /^503 GET .*\/v1\/moderation\/queue\/summary\?/.test(p))).toBe(true);
    browser.problems.splice(0);

    // Signed out, the page asks nothing.
    await page.click('#sign-out');
    await page.locator('#signin').waitFor();
    const asked: string[] = [];
    page.on('request', (request) => asked.push(request.url()));
    await page.waitForTimeout(2500);
    expect(asked).toEqual([]);
    expect(await page.locator('[data-count="held"]').textContent()).toBe('');
    await page.close();
  });
});
