import { type Browser, launchChromium, screenshot } from './support/chromium';
import {
  type BrowserSystem,
  createDemoSite,
  createModerator,
  startBrowserSystem,
} from './support/browser-system';

const PAYLOAD = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const NAME = '<b onmouseover=alert(3)>Mallory</b>';

describe('a comment carrying markup', () => {
  let system: BrowserSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it('renders as text on the article page and in the console, and never runs', async () => {
    // Pre-moderation holds every comment, so the payload passes through the console too.
    const siteId = await createDemoSite(system, { mode: 'pre' });
    const token = await createModerator(system, [siteId]);

    const reader = await browser.newPage();
    await reader.goto(`${system.articlesUrl}/demo/${siteId}/china-russia-ties`);
    await reader.fill('#comment', `Nice try: ${PAYLOAD}`);
    await reader.fill('#author', NAME);
    await reader.fill('#email', 'mallory@example.org');
    await reader.click('#submit');
    const pending = reader.locator('.comment.pending');
    await pending.waitFor();
    expect(await pending.locator('.comment-content').textContent()).toBe(`Nice try: ${PAYLOAD}`);
    expect(await pending.locator('.fn').textContent()).toBe(NAME);

    const moderator = await browser.newPage();
    await moderator.goto(`${system.moderationUrl}/console`);
    await moderator.fill('#token', token);
    await moderator.click('#signin-form button[type=submit]');
    const card = moderator.locator('#queue > li.card', { hasText: 'Nice try' });
    await card.waitFor();
    expect(await card.locator('.content').textContent()).toBe(`Nice try: ${PAYLOAD}`);
    expect(await card.locator('.author').textContent()).toBe(NAME);
    expect(await card.locator('.content img, .content script, .meta b').count()).toBe(0);
    await screenshot(moderator, 'console-xss');
    await card.locator('button[data-action=approve]').click();
    await card.waitFor({ state: 'detached' });

    const published = reader.locator('.comment:not(.pending) .comment-content', { hasText: 'Nice try' });
    await published.waitFor({ timeout: 20000 });
    expect(await published.textContent()).toBe(`Nice try: ${PAYLOAD}`);
    expect(await reader.locator('.comment-list img, .comment-list script, .comment-list .fn b').count()).toBe(
      0,
    );
    expect(await reader.locator('.comment .fn').textContent()).toBe(NAME);
    await reader.locator('.comment .fn').hover();

    // The server-rendered thread, as a later reader gets it.
    await reader.reload();
    const served = reader.locator('.comment-content', { hasText: 'Nice try' });
    await served.waitFor();
    expect(await served.textContent()).toBe(`Nice try: ${PAYLOAD}`);
    expect(await reader.locator('.comment-list img, .comment-list script, .comment-list .fn b').count()).toBe(
      0,
    );
    await reader.locator('.comment .fn').hover();
    await screenshot(reader, 'demo-xss');

    // Give an injected handler every chance to fire before checking that none did.
    await reader.waitForTimeout(300);
    expect(browser.dialogs).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
