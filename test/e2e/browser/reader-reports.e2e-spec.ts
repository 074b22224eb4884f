import type { Page } from 'playwright-core';
import { aSubmission } from '../../support/factories';
import { reportFrom } from '../../support/readers';
import { eventually, getJson, postJson } from '../../support/system';
import { type Browser, launchChromium, screenshot } from './support/chromium';
import {
  type BrowserSystem,
  createDemoSite,
  createModerator,
  startBrowserSystem,
} from './support/browser-system';

const IMG_NOTE = '<img src=x onerror=alert(document.domain)> this reader insults everyone';

describe('reader reports in the moderator console', () => {
  let system: BrowserSystem;
  let browser: Browser;
  let siteId: string;
  let token: string;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
    siteId = await createDemoSite(system);
    token = await createModerator(system, [siteId]);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  afterEach(() => {
    // A note that ran as HTML would show here: alert() as a dialog, <img src=x> as a failed request.
    expect(browser.dialogs).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${system.moderationUrl}/console`);
    await page.fill('#token', token);
    await page.click('#signin-form button[type=submit]');
    await page.locator('#who').getByText('Maya Moderator (moderator)').waitFor();
  }

  async function reported(content: string, reports: [string, Record<string, unknown>][]): Promise<string> {
    const res = await postJson(`${system.ingestUrl}/v1/comments`, aSubmission({ siteId, content }));
    const id = res.json.id as string;
    await eventually(
      async () =>
        (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status === 'approved'
          ? true
          : undefined,
      { what: `${id} approved` },
    );
    // Each reader from their own address: one report per reader counts, three put it in the queue.
    for (const [ip, body] of reports) {
      const r = await reportFrom(ip, `${system.moderationUrl}/v1/comments/${id}/reports`, body);
      expect(r.status).toBe(202);
    }
    return id;
  }

  it('shows the reasons and notes of a reported comment, a note with HTML as text', async () => {
    await reported('Everyone who disagrees with me here is a paid troll.', [
      ['127.0.2.1', { reason: 'abusive', note: 'Calls the other readers trolls.' }],
      ['127.0.2.2', { reason: 'spam' }],
      ['127.0.2.3', { reason: 'abusive', note: IMG_NOTE }],
    ]);

    const page = await browser.newPage();
    await signIn(page);
    await page.click('[role=tab][data-status=reported]');
    const card = page.locator('#queue > li.card', { hasText: 'paid troll' });
    await card.waitFor();
    expect(await card.locator('.badge.reports').textContent()).toBe('3 reports');
    // This site leaves reported comments in the thread, and the card says so.
    expect(await card.locator('.badge.visibility').textContent()).toBe('still in the thread');

    const reports = card.locator('.reader-reports');
    expect(await reports.isVisible()).toBe(true);
    expect(await reports.getByRole('heading').textContent()).toBe('What readers reported');
    expect(await reports.locator('.report-counts li').allTextContents()).toEqual(['1 spam', '2 abusive']);
    const notes = reports.locator('.report-notes li');
    expect(await notes.locator('.report-reason').allTextContents()).toEqual(['abusive', 'abusive']);
    expect(await notes.locator('.report-note').allTextContents()).toEqual([
      IMG_NOTE,
      'Calls the other readers trolls.',
    ]);
    expect(await notes.first().locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Text, not markup: no element came out of the note.
    expect(await card.locator('img').count()).toBe(0);
    await screenshot(page, 'console-reader-reports');

    // Every report, the one without a note too, in a dialog.
    await reports.getByRole('button', { name: /All reader reports/ }).click();
    const rows = page.locator('#reports-rows tr');
    await rows.nth(2).waitFor();
    expect(await rows.allTextContents()).toHaveLength(3);
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(['abusive', 'spam', 'abusive']);
    expect(await rows.locator('td.report-note').allTextContents()).toEqual([
      IMG_NOTE,
      '',
      'Calls the other readers trolls.',
    ]);
    expect(await page.locator('#reports img').count()).toBe(0);
    await screenshot(page, 'console-reader-reports-all');
    // Escape closes it, as the history dialog.
    await page.keyboard.press('Escape');
    await page.locator('#reports').waitFor({ state: 'hidden' });
    await page.close();
  });
});
