import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { getJson, postJson } from '../../support/system';
import { type Browser, launchChromium, screenshot } from './support/chromium';
import {
  type BrowserSystem,
  createDemoSite,
  createModerator,
  startBrowserSystem,
} from './support/browser-system';

interface Ban {
  id: string;
  kind: string;
  value: string | null;
  liftedAt: string | null;
  liftedBy: string | null;
  active: boolean;
}

describe("the moderator console's bans view", () => {
  let system: BrowserSystem;
  let browser: Browser;
  let siteId: string;
  let busySite: string;
  let token: string;
  let moderatorId: string;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
    siteId = await createDemoSite(system);
    busySite = await createDemoSite(system);
    token = await createModerator(system, [siteId, busySite]);
    moderatorId = (await getJson(`${system.moderationUrl}/v1/moderation/me`, auth())).json.id as string;
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  afterEach(() => {
    expect(browser.dialogs).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  const auth = () => ({ authorization: `Bearer ${token}` });

  async function ban(site: string, body: Record<string, unknown>): Promise<string> {
    const res = await postJson(
      `${system.moderationUrl}/v1/moderation/bans`,
      { siteId: site, ...body },
      auth(),
    );
    if (res.status !== 201) throw new Error(`creating a ban: ${res.status} ${res.text}`);
    return res.json.id as string;
  }

  async function bansOf(site: string, include: 'active' | 'all'): Promise<Ban[]> {
    const res = await getJson(
      `${system.moderationUrl}/v1/moderation/bans?siteId=${site}&include=${include}&limit=200`,
      auth(),
    );
    expect(res.status).toBe(200);
    return res.json.items as Ban[];
  }

  async function openBans(page: Page, site = siteId): Promise<void> {
    await page.goto(`${system.moderationUrl}/console`);
    await page.fill('#token', token);
    await page.click('#signin-form button[type=submit]');
    await page.locator('#who').getByText('Maya Moderator (moderator)').waitFor();
    if ((await page.locator('#site').inputValue()) !== site) await page.selectOption('#site', site);
    await page.click('[role=tab][data-view=bans]');
    await page.locator('#bans-view').waitFor();
    await page.locator('#bans-loading').waitFor({ state: 'hidden' });
  }

  const row = (page: Page, id: string) => page.locator(`#bans-rows tr[data-id="${id}"]`);

  it('lists the bans, lifts one with two clicks, and shows it again among the lifted', async () => {
    const domain = `spam-${randomUUID().slice(0, 8)}.example`;
    const email = `troll-${randomUUID().slice(0, 8)}@example.org`;
    const domainBan = await ban(siteId, { domain, reason: 'link farm' });
    const emailBan = await ban(siteId, { email, reason: 'abusive replies' });

    const page = await browser.newPage();
    await openBans(page);
    expect(await page.getAttribute('[role=tab][data-view=bans]', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('[role=tab][data-status=held]', 'aria-selected')).toBe('false');
    expect(await page.locator('#queue-view').isHidden()).toBe(true);

    const domainRow = row(page, domainBan);
    await domainRow.waitFor();
    expect(await domainRow.locator('.ban-kind').textContent()).toBe('Domain');
    expect(await domainRow.locator('.ban-value').textContent()).toBe(domain);
    expect(await domainRow.locator('.ban-reason').textContent()).toBe('link farm');
    expect(await domainRow.locator('.ban-created').textContent()).toContain('by Maya Moderator (you)');
    expect(await domainRow.locator('.ban-expires').textContent()).toBe('never');
    expect(await domainRow.locator('.ban-status').textContent()).toBe('active');
    // An e-mail ban is listed, its address never.
    expect(await row(page, emailBan).locator('.ban-kind').textContent()).toBe('E-mail');
    expect(await row(page, emailBan).locator('.ban-value').textContent()).toBe('not shown');
    expect(await page.content()).not.toContain(email);
    await screenshot(page, 'console-bans');

    // The first click only arms the button.
    const lift = domainRow.locator('[data-lift]');
    await lift.click();
    expect(await lift.textContent()).toBe('Confirm lift');
    expect(await lift.getAttribute('aria-label')).toBe(`Confirm: lift the domain ban on ${domain}`);
    expect((await bansOf(siteId, 'active')).map((b) => b.id)).toContain(domainBan);

    await lift.click();
    await page.locator('#toast', { hasText: `Lifted the domain ban on ${domain}` }).waitFor();
    await domainRow.waitFor({ state: 'detached' });
    const lifted = (await bansOf(siteId, 'all')).find((b) => b.id === domainBan);
    expect(lifted).toMatchObject({ active: false, liftedBy: moderatorId, liftedAt: expect.any(String) });
    expect((await bansOf(siteId, 'active')).map((b) => b.id)).toEqual([emailBan]);
    expect(await row(page, emailBan).isVisible()).toBe(true);
    expect(await page.locator('#bans-error').textContent()).toBe('');

    // The toggle lists the lifted one too, with who lifted it, and nothing to lift.
    await page.check('#bans-all');
    await row(page, domainBan).locator('.ban-lifted').waitFor();
    expect(await row(page, domainBan).locator('.ban-status').textContent()).toMatch(
      /^lifted .+ by Maya Moderator \(you\)$/,
    );
    expect(await row(page, domainBan).locator('[data-lift]').count()).toBe(0);
    await screenshot(page, 'console-bans-all');

    // The keyboard does it too: Enter twice on the e-mail ban's Lift button.
    await row(page, emailBan).locator('[data-lift]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await row(page, emailBan).locator('.ban-lifted').waitFor();
    expect((await bansOf(siteId, 'active')).map((b) => b.id)).toEqual([]);
    expect(await page.content()).not.toContain(email);

    await page.uncheck('#bans-all');
    await page.locator('#bans-empty', { hasText: 'No active bans on this site.' }).waitFor();
    await page.close();
  });

  it('pages a long list with "Load more"', async () => {
    for (let i = 0; i < 51; i++) {
      await ban(busySite, { domain: `farm-${i}-${randomUUID().slice(0, 6)}.example`, reason: `farm ${i}` });
    }
    const page = await browser.newPage();
    await openBans(page);
    // Another site picked in the Bans view lists that site's bans.
    await page.selectOption('#site', busySite);
    const rows = page.locator('#bans-rows tr');
    await page.locator('#bans-more').waitFor();
    expect(await rows.count()).toBe(50);
    // Newest first: the first ban made is the one left for the second page.
    expect(await rows.filter({ hasText: 'farm 0' }).count()).toBe(0);
    await page.click('#bans-more');
    await rows.filter({ hasText: 'farm 0' }).waitFor();
    expect(await rows.count()).toBe(51);
    expect(await page.locator('#bans-more').isHidden()).toBe(true);
    await page.close();
  });

  it("shows the API's error and code when listing or lifting fails", async () => {
    const domain = `fail-${randomUUID().slice(0, 8)}.example`;
    const id = await ban(siteId, { domain, reason: 'to fail on' });
    const page = await browser.newPage();
    await page.route('**/v1/moderation/bans?*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 500,
          code: 'INTERNAL',
          message: 'Internal error; quote the correlation id when reporting it',
          correlationId: 'req-42',
        }),
      }),
    );
    await openBans(page);
    const error = page.locator('#bans-error');
    expect(await error.textContent()).toBe(
      'Could not load the bans: Internal error; quote the correlation id when reporting it ' +
        '(INTERNAL, correlation id req-42)',
    );
    expect(await page.locator('#bans-empty').isHidden()).toBe(true);

    // Refresh once the API answers again.
    await page.unroute('**/v1/moderation/bans?*');
    await page.click('#bans-refresh');
    await row(page, id).waitFor();
    expect(await error.textContent()).toBe('');

    // A lift the API refuses leaves the ban listed and says why.
    await page.route(`**/v1/moderation/bans/${id}`, (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 404, code: 'BAN_NOT_FOUND', message: `ban ${id} does not exist` }),
      }),
    );
    await row(page, id).locator('[data-lift]').click();
    await row(page, id).locator('[data-lift]').click();
    await page.locator('#bans-error', { hasText: 'BAN_NOT_FOUND' }).waitFor();
    expect(await error.textContent()).toBe(
      `Could not lift the domain ban on ${domain}: ban ${id} does not exist (BAN_NOT_FOUND)`,
    );
    expect(await row(page, id).locator('[data-lift]').textContent()).toBe('Lift');
    expect((await bansOf(siteId, 'active')).map((b) => b.id)).toContain(id);

    // The refused calls are the point of this test.
    expect(browser.problems).toEqual([
      expect.stringMatching(/^500 GET .*\/v1\/moderation\/bans\?/),
      expect.stringMatching(/^404 DELETE .*\/v1\/moderation\/bans\//),
    ]);
    browser.problems.splice(0);
    await page.close();
  });
});
