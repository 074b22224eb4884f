import { randomUUID } from 'node:crypto';
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

const THREE_LINKS =
  "I think the article gets the 2019 figures wrong. The ministry's own tables " +
  '(https://www.stats.gov.cn/english/, https://www.customs.gov.cn/ and https://comtrade.un.org/) show a ' +
  'smaller rise, and the author should say which series was used.';

describe('the moderator console', () => {
  let system: BrowserSystem;
  let browser: Browser;
  let siteId: string;
  let token: string;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
    // Every comment comes from 127.0.0.1: no flood hold, so an ordinary one is approved.
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

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${system.moderationUrl}/console`);
    await page.fill('#token', token);
    await page.click('#signin-form button[type=submit]');
    await page.locator('#who').getByText('Maya Moderator (moderator)').waitFor();
    expect(await page.locator('#site').inputValue()).toBe(siteId);
  }

  const card = (page: Page, text: string) => page.locator('#queue > li.card', { hasText: text });

  async function statusOf(id: string): Promise<string> {
    return (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status as string;
  }

  async function held(content: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await postJson(`${system.ingestUrl}/v1/comments`, aSubmission({ siteId, content, ...extra }));
    const id = res.json.id as string;
    await eventually(async () => ((await statusOf(id)) === 'held' ? true : undefined), {
      what: `${id} held`,
    });
    return id;
  }

  it("approves a held comment, and the reader's page then shows it", async () => {
    const reader = await browser.newPage();
    const articleUrl = `${system.articlesUrl}/demo/${siteId}/china-russia-ties`;
    await reader.goto(articleUrl);
    await reader.fill('#comment', THREE_LINKS);
    await reader.fill('#author', 'Wei Zhang');
    await reader.fill('#email', 'wei@example.org');
    await reader.click('#submit');
    await reader.locator('.comment.pending .comment-awaiting-moderation').waitFor();

    const moderator = await browser.newPage();
    await signIn(moderator);
    const held = card(moderator, 'gets the 2019 figures wrong');
    await held.waitFor();
    expect(await held.locator('.reasons').textContent()).toContain('LINKS_OVER_LIMIT');
    expect(await held.locator('.link-list li').allTextContents()).toEqual([
      'https://www.stats.gov.cn/english/',
      'https://www.customs.gov.cn/',
      'https://comtrade.un.org/',
    ]);
    expect(await held.locator('.content mark.hit-link').count()).toBe(3);
    expect(await held.locator('.scores dt').allTextContents()).toEqual(['spam', 'toxicity', 'hate']);
    expect(await held.getAttribute('class')).toContain('focused');
    await screenshot(moderator, 'console-held');

    // h: the history shows the automatic hold.
    await moderator.keyboard.press('h');
    const history = moderator.locator('#history-rows tr');
    await history.filter({ hasText: 'held' }).first().waitFor();
    expect(await history.first().textContent()).toContain('LINKS_OVER_LIMIT');
    await screenshot(moderator, 'console-history');
    await moderator.keyboard.press('Escape');
    await moderator.locator('#history').waitFor({ state: 'hidden' });

    // a: approve the focused comment.
    await moderator.keyboard.press('a');
    await moderator.locator('#toast', { hasText: 'Approved' }).waitFor();
    await held.waitFor({ state: 'detached' });

    const published = reader.locator('.comment:not(.pending) .comment-content', { hasText: '2019 figures' });
    await published.waitFor({ timeout: 20000 });
    expect(await published.locator('a[rel="nofollow ugc"]').count()).toBe(3);
    expect(await reader.locator('#form-status').textContent()).toBe('Your comment has been published.');
    await screenshot(reader, 'demo-after-approval');
    await reader.close();
    await moderator.close();
  });

  it('says what kind of toxicity held a comment', async () => {
    await held('Somebody should shoot this author for writing this.');
    const page = await browser.newPage();
    await signIn(page);
    const threat = card(page, 'shoot this author');
    await threat.waitFor();
    expect(await threat.locator('.reasons').textContent()).toContain('TOXICITY_MODEL');
    expect(await threat.locator('.reasons .signal').allTextContents()).toEqual(['threat']);
    await screenshot(page, 'console-threat');
    // r: reject it, which also leaves the queue as the next test expects it.
    expect(await threat.getAttribute('class')).toContain('focused');
    await page.keyboard.press('r');
    await page.locator('#toast', { hasText: 'Rejected' }).waitFor();
    await threat.waitFor({ state: 'detached' });
    await page.close();
  });

  it('marks matched words, moves with j/k and decides a selection in bulk', async () => {
    const first = await held('Fresh sanctions will not change much, in my view.');
    const second = await held('The sanctions regime leaks like a sieve, the numbers show it.');
    const third = await held('Nobody mentions the sanctions on shipping insurers.');

    const page = await browser.newPage();
    await signIn(page);
    await card(page, 'Fresh sanctions').waitFor();
    expect(await card(page, 'Fresh sanctions').locator('.reasons').textContent()).toContain('SUSPECT_WORD');
    expect(await card(page, 'Fresh sanctions').locator('mark.hit-suspect').allTextContents()).toEqual([
      'sanctions',
    ]);

    // x selects the focused comment, j moves down; Shift+R rejects the selection.
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    expect(await page.locator('#selected-count').textContent()).toBe('2 selected');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await card(page, 'leaks like a sieve').getAttribute('class')).toContain('focused');
    await page.keyboard.press('Shift+R');
    await page.locator('#toast', { hasText: 'Rejected: 2 comments' }).waitFor();
    await card(page, 'Fresh sanctions').waitFor({ state: 'detached' });
    await card(page, 'leaks like a sieve').waitFor({ state: 'detached' });
    expect(await statusOf(first)).toBe('rejected');
    expect(await statusOf(second)).toBe('rejected');

    // One click marks the last one as spam.
    await card(page, 'shipping insurers').locator('button[data-action=spam]').click();
    await card(page, 'shipping insurers').waitFor({ state: 'detached' });
    expect(await statusOf(third)).toBe('rejected');
    await page.locator('#empty').waitFor();

    // The rejected queue has them, with "Not spam" offered.
    await page.click('[role=tab][data-status=rejected]');
    await card(page, 'shipping insurers').waitFor();
    expect(await card(page, 'shipping insurers').locator('button[data-action=ham]').isVisible()).toBe(true);
    await page.close();
  });

  it('leaves a comment another moderator decided meanwhile out of a bulk decision, and says so', async () => {
    const mine = await held('The sanctions debate needs numbers, not slogans.');
    const theirs = await held('Sanctions on grain shipments hurt the wrong people.');
    const page = await browser.newPage();
    await signIn(page);
    await card(page, 'needs numbers').locator('input.pick').check();
    await card(page, 'grain shipments').locator('input.pick').check();
    expect(await page.locator('#selected-count').textContent()).toBe('2 selected');

    // Another moderator approves one of them while this page still shows it.
    const versionNow = (
      await getJson(`${system.moderationUrl}/v1/moderation/queue?siteId=${siteId}&status=held`, {
        authorization: `Bearer ${token}`,
      })
    ).json.items as { id: string; version: number }[];
    const approve = await postJson(
      `${system.moderationUrl}/v1/moderation/comments/${theirs}/decision`,
      { action: 'approve', expectedVersion: versionNow.find((i) => i.id === theirs)!.version },
      { authorization: `Bearer ${token}` },
    );
    expect(approve.status).toBe(200);

    await page.keyboard.press('Shift+R');
    await page.locator('#toast', { hasText: '1 done, 1 not (VERSION_CONFLICT)' }).waitFor();
    expect(await statusOf(mine)).toBe('rejected');
    expect(await statusOf(theirs)).toBe('approved');
    // The queue is reloaded: the approved one is gone from the held queue too.
    await card(page, 'grain shipments').waitFor({ state: 'detached' });
    await card(page, 'needs numbers').waitFor({ state: 'detached' });
    await page.close();
  });

  it('says what the API said when a decision is refused, and offers nothing on a comment erased with its text', async () => {
    const articleId = `refused-${Date.now()}`;
    const parent = await held('The sanctions list grew again this week.', { articleId });
    const reply = await held('Which sanctions, though?', { articleId, parentId: parent });
    const email = `erase-${Date.now()}@example.org`;
    const erased = await held('Nobody reads the sanctions annex.', { authorEmail: email });
    const page = await browser.newPage();
    await signIn(page);

    // Approving the reply before its parent: the API's own words, not "someone else decided first".
    await card(page, 'Which sanctions, though?').locator('button[data-action=approve]').click();
    await page.locator('#toast', { hasText: 'approve the parent first' }).waitFor();
    expect(await page.locator('#toast').textContent()).toContain('PARENT_NOT_PUBLISHED');
    expect(await page.locator('#toast').getAttribute('role')).toBe('alert');
    expect(await statusOf(reply)).toBe('held');
    // The refused call is the one failed request of this test, and an expected one.
    expect(browser.problems).toEqual([expect.stringMatching(/^409 POST .*\/decision$/)]);
    browser.problems.splice(0);

    // Erased with its text at the author's request: shown as such, with no action and no key.
    const erasure = await postJson(
      `${system.moderationUrl}/v1/admin/sites/${siteId}/erasures`,
      { email, removeComments: true },
      { authorization: `Bearer ${system.adminToken}` },
    );
    expect(erasure.status).toBe(201);
    await page.click('[role=tab][data-status=rejected]');
    const gone = page.locator(`#queue > li.card[data-id="${erased}"]`);
    await gone.waitFor();
    expect(await gone.locator('.content').textContent()).toBe("Erased at the author's request.");
    expect(await gone.locator('button[data-action]:visible, [data-ban]:visible').count()).toBe(0);
    await gone.click();
    await page.evaluate("document.getElementById('toast').hidden = true");
    await page.keyboard.press('a');
    await page.waitForTimeout(300);
    expect(await page.locator('#toast').isVisible()).toBe(false);
    expect(await statusOf(erased)).toBe('rejected');
    await page.close();
  });

  it("offers no ban of an erased author, quotes the API when a ban or a bulk decision is refused, and shows an erasure's own words in the history", async () => {
    const email = `gone-${Date.now()}@example.org`;
    const id = await held('The sanctions vote was closer than reported.', { authorEmail: email });
    const page = await browser.newPage();
    await signIn(page);
    const target = card(page, 'closer than reported');
    await target.waitFor();
    const ban = target.locator('[data-ban]');
    expect(await ban.isVisible()).toBe(true);

    // Erased while the page still offers the ban: the API refuses it, and the console says so in its words.
    const erasure = await postJson(
      `${system.moderationUrl}/v1/admin/sites/${siteId}/erasures`,
      { email },
      { authorization: `Bearer ${system.adminToken}` },
    );
    expect(erasure.status).toBe(201);
    await ban.click();
    await ban.click();
    await page.locator('#toast', { hasText: 'AUTHOR_ERASED' }).waitFor();
    expect(await page.locator('#toast').textContent()).toMatch(/author data was erased.*\(AUTHOR_ERASED\)$/);
    expect(browser.problems).toEqual([expect.stringMatching(/^409 POST .*\/v1\/moderation\/bans$/)]);
    browser.problems.splice(0);

    // Reloaded, the card knows its author is erased: no ban on offer, the decisions still are.
    await page.click('#refresh');
    const erased = page.locator(`#queue > li.card[data-id="${id}"]`);
    await erased.locator('.author', { hasText: 'Anonymous' }).waitFor();
    expect(await erased.locator('[data-ban]').isVisible()).toBe(false);
    expect(await erased.locator('button[data-action=approve]').isVisible()).toBe(true);

    // The erasure's row says what the erasure did, not the automatic hold's reasons again.
    await erased.locator('[data-history]').click();
    const rows = page.locator('#history-rows tr');
    await rows.filter({ hasText: 'erase' }).waitFor();
    expect(await rows.first().locator('td').nth(4).textContent()).toBe('SUSPECT_WORD');
    expect(await rows.filter({ hasText: 'erase' }).locator('td').nth(4).textContent()).toBe(
      'personal data erased',
    );
    await page.keyboard.press('Escape');
    await page.locator('#history').waitFor({ state: 'hidden' });

    // A bulk decision the API refuses as a whole (here over its 500 ids): its message and code.
    await page.route('**/v1/moderation/decisions', async (route) => {
      const body = route.request().postDataJSON() as Record<string, unknown>;
      const ids = Array.from({ length: 501 }, () => randomUUID());
      await route.continue({ postData: JSON.stringify({ ...body, ids }) });
    });
    await erased.locator('input.pick').check();
    await page.keyboard.press('Shift+R');
    await page.locator('#toast', { hasText: 'VALIDATION_FAILED' }).waitFor();
    expect(await page.locator('#toast').textContent()).toMatch(/ids.*\(VALIDATION_FAILED\)$/);
    expect(browser.problems).toEqual([expect.stringMatching(/^400 POST .*\/v1\/moderation\/decisions$/)]);
    browser.problems.splice(0);
    await page.unroute('**/v1/moderation/decisions');
    expect(await statusOf(id)).toBe('held');
    await postJson(
      `${system.moderationUrl}/v1/moderation/decisions`,
      { ids: [id], action: 'reject' },
      { authorization: `Bearer ${token}` },
    );
    await page.close();
  });

  it('moves between the tabs with the arrow keys, one tab stop for the list', async () => {
    const page = await browser.newPage();
    await signIn(page);
    // The id, not the text: the queue tabs' text carries their counts ("Reported 0").
    const selected = () => page.locator('[role=tab][aria-selected=true]').getAttribute('id');
    await page.focus('#tab-held');
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('tab-reported');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('tab-reported');
    expect(await page.locator('#queue-view').getAttribute('aria-labelledby')).toBe('tab-reported');
    await page.keyboard.press('End');
    expect(await selected()).toBe('tab-bans');
    await page.locator('#bans-view').waitFor();
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('tab-held');
    expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    await page.close();
  });

  it('fits a phone: nothing scrolls sideways, and a card keeps its actions in reach', async () => {
    await held('Phone-sized sanctions talk.');
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page);
    await card(page, 'Phone-sized sanctions talk.').waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(
      await card(page, 'Phone-sized sanctions talk.').locator('button[data-action=reject]').isVisible(),
    ).toBe(true);
    await screenshot(page, 'console-phone');
    await page.close();
  });

  it("keeps a card's link count beside its links on a narrow phone, not over them", async () => {
    const text = 'Sanctions sources: https://a.example/first https://b.example/second https://c.example/third';
    await held(text);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await signIn(page);
    const links = card(page, 'Sanctions sources:').locator('.links');
    await links.waitFor();
    const label = await links.locator('.label').boundingBox();
    const first = await links.locator('.link-list li').first().boundingBox();
    expect(await links.locator('.label').textContent()).toBe('3 links');
    // The label is as wide as its text, and the list starts after it.
    expect(await links.locator('.label').evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
    expect(first!.x).toBeGreaterThanOrEqual(label!.x + label!.width);
    await screenshot(page, 'console-links-320');
    await page.close();
  });

  it('keeps every card and dialog within the window when a comment holds a long unbroken string', async () => {
    // Anyone may write a 150-letter "name", word, website or article id; it must wrap, not push the
    // buttons away.
    const long = 'x'.repeat(150);
    const authorEmail = `long-${Date.now()}@example.org`;
    const id = await held(`Unbroken sanctions ${long.replace(/x/g, 'y')} talk.`, {
      authorName: long,
      authorUrl: `https://example.org/${'z'.repeat(150)}`,
      articleId: `article-${'w'.repeat(150)}`,
      authorEmail,
    });
    const other = await held('An ordinary sanctions remark beside it.', { authorEmail });
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1300, height: 900 });
    await signIn(page);
    const card = page.locator(`#queue > li.card[data-id="${id}"]`);
    const otherCard = page.locator(`#queue > li.card[data-id="${other}"]`);
    await card.waitFor();
    await otherCard.waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    for (const button of await page.locator('#queue button[data-action=approve]:visible').all()) {
      const box = await button.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1300);
    }
    await screenshot(page, 'console-long-strings');
    // The dialogs wrap it too: the history of the long one, and its text in the list of the author's comments.
    for (const [opener, dialog] of [
      [card.locator('[data-history]'), '#history'],
      [otherCard.locator('[data-author]'), '#author'],
    ] as const) {
      await opener.click();
      await page.locator(`${dialog} tbody tr`).first().waitFor();
      await page.waitForTimeout(200);
      const spill = await page.evaluate<number>(
        `(() => { const d = document.querySelector('${dialog}'); return d.scrollWidth - d.clientWidth; })()`,
      );
      expect(spill).toBeLessThanOrEqual(0);
      await page.keyboard.press('Escape');
      await page.locator(dialog).waitFor({ state: 'hidden' });
    }
    await postJson(
      `${system.moderationUrl}/v1/moderation/decisions`,
      { ids: [id, other], action: 'reject' },
      { authorization: `Bearer ${token}` },
    );
    await page.close();
  });

  it("bans a comment's author with two clicks, and their other held comments go too", async () => {
    const email = `troll-${Date.now()}@example.org`;
    const post = async (content: string) => {
      const res = await postJson(
        `${system.ingestUrl}/v1/comments`,
        aSubmission({ siteId, content, authorEmail: email }),
      );
      const id = res.json.id as string;
      await eventually(async () => ((await statusOf(id)) === 'held' ? true : undefined), {
        what: `${id} held`,
      });
      return id;
    };
    const first = await post(`${THREE_LINKS} (first of two)`);
    const second = await post(`${THREE_LINKS} (second of two)`);
    const page = await browser.newPage();
    await signIn(page);
    const target = card(page, 'first of two');
    await target.waitFor();
    const ban = target.locator('[data-ban]');
    await ban.click();
    expect(await ban.textContent()).toBe('Confirm ban');
    expect(await statusOf(first)).toBe('held');
    await ban.click();
    await page.locator('#toast', { hasText: '2 held comments by them rejected' }).waitFor();
    expect(await statusOf(first)).toBe('rejected');
    expect(await statusOf(second)).toBe('rejected');
    await card(page, 'second of two').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(email);
    await page.close();
  });

  it("shows the author's record on the site, and their other comments on a click", async () => {
    const email = `regular-${Date.now()}@example.org`;
    const earlier = await postJson(
      `${system.ingestUrl}/v1/comments`,
      aSubmission({
        siteId,
        content: 'A fair summary of the talks, thank you.',
        authorEmail: email,
        authorName: 'A. Reader',
      }),
    );
    await eventually(
      async () => ((await statusOf(earlier.json.id as string)) === 'approved' ? true : undefined),
      {
        what: 'the earlier comment approved',
      },
    );
    const firstHeld = await held(`${THREE_LINKS} (the regular's first held)`, { authorEmail: email });
    const latest = await held(`${THREE_LINKS} (the regular's second held)`, { authorEmail: email });
    const page = await browser.newPage();
    await signIn(page);
    const target = card(page, "the regular's second held");
    await target.waitFor();
    expect(await target.locator('.author-record .author-counts').textContent()).toMatch(
      /^2 other comments here since .+: 1 approved · 1 held$/,
    );
    await target.getByRole('button', { name: 'Their comments' }).click();
    const rows = page.locator('#author-rows tr');
    await rows.filter({ hasText: 'A fair summary of the talks' }).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain("the regular's first held");
    expect(await rows.nth(0).locator('td').nth(3).textContent()).toBe('held');
    expect(await rows.nth(1).locator('td').nth(3).textContent()).toBe('approved');
    // Each row says the name it was signed with: one address, two names.
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe('Ann');
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe('A. Reader');
    expect(await page.locator('#author').textContent()).not.toContain(email);
    await screenshot(page, 'console-author');
    await page.keyboard.press('Escape');
    await page.locator('#author').waitFor({ state: 'hidden' });
    // A newcomer's card says so, and offers no list.
    const newcomerId = await held(`${THREE_LINKS} (a newcomer)`);
    await page.click('#refresh');
    const newcomer = card(page, 'a newcomer');
    await newcomer.waitFor();
    expect(await newcomer.locator('.author-counts').textContent()).toBe('No other comments on this site');
    expect(await newcomer.getByRole('button', { name: 'Their comments' }).count()).toBe(0);
    // Leave the queue as it was.
    const cleared = await postJson(
      `${system.moderationUrl}/v1/moderation/decisions`,
      { ids: [firstHeld, latest, newcomerId], action: 'reject' },
      { authorization: `Bearer ${token}` },
    );
    expect(cleared.status).toBe(200);
    await page.close();
  });

  it('says so where the comments would be when the queue cannot be read, rather than "Nothing waiting here."', async () => {
    await held('A sanctions remark behind an outage.');
    const page = await browser.newPage();
    await signIn(page);
    await card(page, 'behind an outage').waitFor();
    await page.route('**/v1/moderation/queue?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 503,
          code: 'SERVICE_UNAVAILABLE',
          message: 'the database is not answering',
        }),
      }),
    );
    await page.click('#refresh');
    const error = page.locator('#queue-error');
    await page
      .locator('#queue-error', {
        hasText: 'Could not load the queue: the database is not answering (SERVICE_UNAVAILABLE)',
      })
      .waitFor();
    // Still there once the toast has gone, and no empty queue is claimed.
    await page.evaluate("document.getElementById('toast').hidden = true");
    expect(await page.locator('#empty').isVisible()).toBe(false);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(browser.problems).toEqual([expect.stringMatching(/^503 GET .*\/v1\/moderation\/queue\?/)]);
    browser.problems.splice(0);

    await page.unroute('**/v1/moderation/queue?*');
    await page.click('#refresh');
    await card(page, 'behind an outage').waitFor();
    expect(await error.textContent()).toBe('');
    await page.close();
  });

  it('decides a comment once when its key is pressed twice before the answer, and ignores a key held down', async () => {
    const articleId = `double-${Date.now()}`;
    const first = await held('The first sanctions remark of two.', { articleId });
    const second = await held('The second sanctions remark of two.', { articleId });
    const page = await browser.newPage();
    await signIn(page);
    await card(page, 'first sanctions remark of two').waitFor();
    await card(page, 'second sanctions remark of two').waitFor();
    const decisions: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/decision')) decisions.push(request.url());
    });
    await card(page, 'first sanctions remark of two').locator('.content').click();

    // Two presses in one go, as a quick double tap lands before the first answer.
    await page.evaluate(`(() => {
      for (let i = 0; i < 2; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true }));
    })()`);
    await page.locator('#toast', { hasText: 'Rejected: the comment by' }).waitFor();
    await card(page, 'first sanctions remark of two').waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    expect(decisions).toHaveLength(1);
    expect(await page.locator('#toast').getAttribute('class')).not.toContain('error');
    expect(await statusOf(first)).toBe('rejected');

    // A key held down repeats; the repeats decide nothing (here, the second comment, now focused).
    await page.evaluate(`(() => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', repeat: true, bubbles: true }));
    })()`);
    await page.waitForTimeout(300);
    expect(decisions).toHaveLength(1);
    expect(await statusOf(second)).toBe('held');
    await postJson(
      `${system.moderationUrl}/v1/moderation/decisions`,
      { ids: [second], action: 'reject' },
      { authorization: `Bearer ${token}` },
    );
    await page.close();
  });

  it("stacks the bans and the dialogs' tables on a phone, each cell a line under its heading", async () => {
    const email = `stacked-${Date.now()}@example.org`;
    const first = await held('A first sanctions remark, read on a phone.', { authorEmail: email });
    const second = await held('A second sanctions remark, read on a phone.', { authorEmail: email });
    const ban = await postJson(
      `${system.moderationUrl}/v1/moderation/bans`,
      { siteId, domain: `stacked-${Date.now()}.example`, reason: 'link farm' },
      { authorization: `Bearer ${token}` },
    );
    expect(ban.status).toBe(201);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page);
    const target = card(page, 'A second sanctions remark, read on a phone.');
    await target.waitFor();

    /** The cells of a table, each with its label and width; and how far the page scrolls sideways. */
    const cellsOf = async (table: string) =>
      page.evaluate<{ labels: string[]; narrowest: number; overflow: number }>(`(() => {
        const cells = [...document.querySelectorAll('${table} tbody tr:first-child td')];
        return {
          labels: cells.map((td) => td.getAttribute('data-label')),
          narrowest: Math.min(...cells.map((td) => td.getBoundingClientRect().width)),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      })()`);

    // Five columns in 320 px broke "When" into "W", "he", "n"; stacked, each cell has the dialog's width.
    await target.locator('[data-history]').click();
    await page.locator('#history-rows tr', { hasText: 'held' }).waitFor();
    const history = await cellsOf('table.history:has(#history-rows)');
    expect(history.labels).toEqual(['When', 'Who', 'Action', 'Status', 'Why']);
    expect(history.narrowest).toBeGreaterThan(200);
    expect(history.overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'console-phone-history');
    await page.keyboard.press('Escape');
    await page.locator('#history').waitFor({ state: 'hidden' });

    await target.getByRole('button', { name: 'Their comments' }).click();
    await page.locator('#author-rows tr', { hasText: 'A first sanctions remark' }).waitFor();
    const author = await cellsOf('table.history:has(#author-rows)');
    expect(author.labels).toEqual(['When', 'Signed', 'Article', 'Status', 'Comment']);
    expect(author.narrowest).toBeGreaterThan(200);
    await page.keyboard.press('Escape');
    await page.locator('#author').waitFor({ state: 'hidden' });

    await page.click('#tab-bans');
    await page.locator('#bans-rows tr', { hasText: 'link farm' }).waitFor();
    const bans = await cellsOf('#bans-table');
    expect(bans.labels).toEqual(['Kind', 'Value', 'Reason', 'Created', 'Expires', 'Status', '']);
    expect(bans.narrowest).toBeGreaterThan(200);
    expect(bans.overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'console-phone-bans');

    await postJson(
      `${system.moderationUrl}/v1/moderation/bans/${ban.json.id as string}`,
      '',
      {
        authorization: `Bearer ${token}`,
      },
      'DELETE',
    );
    await postJson(
      `${system.moderationUrl}/v1/moderation/decisions`,
      { ids: [first, second], action: 'reject' },
      { authorization: `Bearer ${token}` },
    );
    await page.close();
  });

  it('leaves the queue empty after signing out while a page of it was still on its way', async () => {
    const id = await held('A sanctions remark nobody should see after sign-out.');
    const page = await browser.newPage();
    await signIn(page);
    await card(page, 'nobody should see after sign-out').waitFor();
    await page.route('**/v1/moderation/queue?*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.click('#refresh');
    await page.click('#sign-out');
    await page.locator('#signin').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.locator('#queue > li').count()).toBe(0);
    expect(await page.content()).not.toContain('nobody should see after sign-out');
    await page.unroute('**/v1/moderation/queue?*');
    await postJson(
      `${system.moderationUrl}/v1/moderation/decisions`,
      { ids: [id], action: 'reject' },
      { authorization: `Bearer ${token}` },
    );
    await page.close();
  });

  it('refuses a bad token and keeps the token in the tab only', async () => {
    const page = await browser.newPage();
    await page.goto(`${system.moderationUrl}/console`);
    await page.fill('#token', 'not-a-token');
    await page.click('#signin-form button[type=submit]');
    await page.locator('#signin-error', { hasText: 'not accepted' }).waitFor();
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
    browser.problems.splice(0); // the 401 is the point of this test
    await page.close();
  });
});
