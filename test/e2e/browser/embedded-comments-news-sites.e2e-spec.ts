import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { NO_FLOOD } from '../../support/fixtures';
import { eventually, getJson } from '../../support/system';
import {
  type BrowserSystem,
  createDemoSite,
  postAndAwaitDecision,
  startBrowserSystem,
} from './support/browser-system';
import { type Browser, launchChromium } from './support/chromium';
import { type HostSite, startHostSite } from './support/host-site';

/**
 * The widget as news sites embed it: in the site's language (data-lang, else the page's), and in
 * single-page apps, whose containers come after load, change article and go away.
 */
describe('the comments widget on news sites: their language, their single-page apps', () => {
  let system: BrowserSystem;
  let browser: Browser;
  let host: HostSite;
  let siteId: string;
  /** Ann's comment and Bob's reply. */
  let twoComments: string;
  /** Cleo's comment alone. */
  let oneComment: string;

  /** A comment posted from the site's server, once moderation has approved it. */
  async function publish(articleId: string, fields: Record<string, unknown>): Promise<string> {
    const { id, status } = await postAndAwaitDecision(system, siteId, articleId, fields);
    expect(status).toBe('approved');
    return id;
  }

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
    host = await startHostSite(system);
    siteId = await createDemoSite(system, NO_FLOOD, host.origin);
    twoComments = `news-${randomUUID().slice(0, 8)}`;
    oneComment = `news-${randomUUID().slice(0, 8)}`;
    const ann = await publish(twoComments, {
      authorName: 'Ann',
      content: 'The figures are only half the story.',
    });
    await publish(twoComments, { parentId: ann, authorName: 'Bob', content: 'Agreed, see page 14.' });
    await publish(oneComment, { authorName: 'Cleo', content: 'A different article altogether.' });
    for (const [article, count] of [
      [twoComments, 2],
      [oneComment, 1],
    ] as const) {
      const thread = `${system.articlesUrl}/v3/sites/${siteId}/articles/${article}/comments`;
      await eventually(async () => ((await getJson(thread)).json.count === count ? true : undefined), {
        what: `${article}'s thread published`,
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await system?.close();
  });

  afterEach(() => {
    expect(browser.dialogs).toEqual([]);
  });

  /** The host page with these query parameters (see startHostSite). */
  async function open(params: Record<string, string>): Promise<{ page: Page; widget: Locator }> {
    const page = await browser.newPage();
    await page.goto(`${host.origin}/news?${new URLSearchParams({ site: siteId, ...params }).toString()}`);
    return { page, widget: page.locator('[data-replyguard]') };
  }

  /** Ingest answering every post with this status (and CORS for the host page), the preflight as it is. */
  async function answerPosts(page: Page, status: number, headers: Record<string, string>, body: unknown) {
    await page.route(`${system.ingestPublicUrl}/v1/comments`, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status,
            contentType: 'application/json',
            headers: {
              'access-control-allow-origin': host.origin,
              'access-control-expose-headers': 'retry-after',
              ...headers,
            },
            body: JSON.stringify(body),
          })
        : route.continue(),
    );
  }

  async function fillForm(widget: Locator, fields: { comment?: string; author?: string; email?: string }) {
    for (const [id, value] of Object.entries(fields)) await widget.locator(`#${id}`).fill(value);
  }

  /** The form's labels, as a reader sees them (the required mark included). */
  const labels = async (widget: Locator) =>
    (await widget.locator('.comment-form p:not(.comment-form-extra) > label').allTextContents()).map((l) =>
      l.replace(/\s+/g, ' '),
    );

  describe('languages', () => {
    it('speaks German on a German page: words, labels, plural count, dates and ingest answers', async () => {
      const { page, widget } = await open({ article: twoComments, lang: 'de' });
      await widget.locator('.comments-title', { hasText: '2 Kommentare' }).waitFor();
      expect(await widget.locator('.comments-area').getAttribute('lang')).toBe('de');
      // Comments are in the page's language, which is the widget's: nothing to mark.
      expect(await widget.locator('.comment-content[lang]').count()).toBe(0);
      expect(await widget.locator('.says').first().textContent()).toBe('sagt:');
      expect(await widget.locator('time').first().textContent()).toMatch(
        /^\d{1,2}\. [A-Za-zäöü]+ \d{4} um \d{2}:\d{2} UTC$/,
      );
      const reply = widget.locator('.comment-reply-link').first();
      expect(await reply.textContent()).toBe('Antworten');
      expect(await reply.getAttribute('aria-label')).toBe('Auf Ann antworten');
      expect(await widget.locator('.reply-title-text').textContent()).toBe('Schreibe einen Kommentar');
      expect(await widget.locator('.comment-notes').textContent()).toBe(
        'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.',
      );
      expect(await labels(widget)).toEqual(['Kommentar *', 'Name *', 'E-Mail *', 'Website']);
      expect(await widget.locator('.submit').textContent()).toBe('Kommentar abschicken');

      // Ingest's 400, at the field it names.
      await widget.locator('.submit').click();
      await widget.locator('#comment-error').waitFor();
      expect(await widget.locator('#comment-error').textContent()).toBe('Bitte gib deinen Kommentar ein.');
      expect(await widget.locator('#email-error').textContent()).toBe('Bitte gib deine E-Mail-Adresse ein.');
      expect(await widget.locator('.form-status').textContent()).toBe(
        'Dein Kommentar wurde nicht gesendet. Bitte korrigiere die unten markierten Felder.',
      );

      // A 429, with how long its Retry-After says to wait.
      await answerPosts(page, 429, { 'retry-after': '42' }, { statusCode: 429, code: 'RATE_LIMITED' });
      await fillForm(widget, { comment: 'Hallo.', author: 'Hal', email: 'hal@example.org' });
      await widget.locator('.submit').click();
      await widget.locator('.form-status', { hasText: 'zu schnell' }).waitFor();
      expect(await widget.locator('.form-status').textContent()).toBe(
        'Du schreibst Kommentare zu schnell. Bitte warte 42 Sekunden und versuche es dann noch einmal.',
      );
      browser.problems.splice(0);
      await page.close();
    });

    it("speaks French where the container's data-lang says so, over the page's <html lang>", async () => {
      const { page, widget } = await open({ article: twoComments, lang: 'de', 'data-lang': 'fr' });
      await widget.locator('.comments-title', { hasText: '2 commentaires' }).waitFor();
      expect(await widget.locator('.comments-area').getAttribute('lang')).toBe('fr');
      // The comments are written in what the site says they are in: French here too.
      expect(await widget.locator('.comment-content[lang]').count()).toBe(0);
      expect(await widget.locator('.reply-title-text').textContent()).toBe('Laisser un commentaire');
      expect(await widget.locator('.comment-notes').textContent()).toBe(
        'Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *',
      );
      expect(await labels(widget)).toEqual(['Commentaire *', 'Nom *', 'E-mail *', 'Site web']);
      expect(await widget.locator('.comment-reply-link').first().getAttribute('aria-label')).toBe(
        'Répondre à Ann',
      );
      expect(await widget.locator('time').first().textContent()).toMatch(
        /^\d{1,2} [a-zéû]+ \d{4} à \d{2}:\d{2} UTC$/,
      );

      await fillForm(widget, { comment: 'Bonjour.', author: 'Hal' });
      await widget.locator('.submit').click();
      await widget.locator('#email-error').waitFor();
      expect(await widget.locator('#email-error').textContent()).toBe(
        'Veuillez saisir votre adresse e-mail.',
      );
      expect(await widget.locator('.form-status').textContent()).toBe(
        'Votre commentaire n’a pas été envoyé. Veuillez corriger les champs indiqués ci-dessous.',
      );

      await answerPosts(page, 429, { 'retry-after': '90' }, { statusCode: 429, code: 'RATE_LIMITED' });
      await widget.locator('#email').fill('hal@example.org');
      await widget.locator('.submit').click();
      await widget.locator('.form-status', { hasText: 'trop rapidement' }).waitFor();
      expect(await widget.locator('.form-status').textContent()).toBe(
        'Vous publiez des commentaires trop rapidement. Veuillez patienter 2 minutes et réessayer.',
      );
      browser.problems.splice(0);
      await page.close();
    });

    it('takes the primary subtag of a regional language, and falls back to English for others', async () => {
      for (const [params, title, lang, contentLang] of [
        [{ lang: 'de-AT' }, '1 Kommentar', 'de', null],
        [{ lang: 'fr-CA' }, '1 commentaire', 'fr', null],
        // Words we do not have: English, and the comments keep the page's language for screen readers.
        [{ lang: 'es' }, '1 Comment', 'en', 'es'],
        [{ lang: 'de', 'data-lang': 'es' }, '1 Comment', 'en', 'es'],
        [{ lang: 'none' }, '1 Comment', 'en', ''],
      ] as const) {
        const { page, widget } = await open({ article: oneComment, ...params });
        await widget.locator('.comment-list > li').first().waitFor();
        expect({
          params,
          title: await widget.locator('.comments-title').textContent(),
          lang: await widget.locator('.comments-area').getAttribute('lang'),
          contentLang: await widget.locator('.comment-content').first().getAttribute('lang'),
        }).toEqual({ params, title, lang, contentLang });
        await page.close();
      }
    });
  });

  describe('single-page apps', () => {
    /** The host page with no container yet, once the widget's script has run. */
    async function openShell(params: Record<string, string> = {}) {
      const opened = await open({ container: 'none', ...params });
      // (Not waitForFunction: it evaluates a string predicate, which the page's CSP refuses.)
      await eventually(
        async () =>
          (await opened.page.evaluate<boolean>('typeof window.Replyguard?.mount === "function"'))
            ? true
            : undefined,
        { what: 'window.Replyguard' },
      );
      return opened;
    }

    /** Adds a container to the app, as a single-page app renders an article. */
    const addContainer = (page: Page, articleId: string) =>
      page.evaluate(`(() => {
        const div = document.createElement('div');
        div.setAttribute('data-replyguard', '');
        div.dataset.siteId = ${JSON.stringify(siteId)};
        div.dataset.articleId = ${JSON.stringify(articleId)};
        document.getElementById('app').append(div);
      })()`);

    /**
     * A reader's comment, accepted by a stand-in for ingest and never decided by one for moderation,
     * whose checks it counts: the widget follows it for minutes.
     */
    async function postFollowedComment(page: Page, widget: Locator): Promise<{ checks(): number }> {
      const id = randomUUID();
      let checks = 0;
      await answerPosts(page, 202, {}, { id, status: 'pending' });
      await page.route(`${system.moderationPublicUrl}/v1/comments/${id}`, (route) => {
        checks += 1;
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: JSON.stringify({ id, status: 'pending' }),
        });
      });
      await fillForm(widget, { comment: 'Still waiting.', author: 'Wes', email: 'wes@example.org' });
      await widget.locator('.submit').click();
      await widget.locator('.comment.pending', { hasText: 'Still waiting.' }).waitFor();
      // Followed: asked after 1 s, then 1.5 s later.
      await eventually(async () => (checks >= 2 ? true : undefined), { what: 'the comment followed' });
      return { checks: () => checks };
    }

    /** Long enough for two more checks of a comment followed since a few seconds (2.25 s, 3.4 s). */
    const followInterval = () => new Promise((resolve) => setTimeout(resolve, 6000));

    it('renders a container the app adds after load, through the mutation observer and mountAll', async () => {
      const { page, widget } = await openShell();
      expect(await widget.count()).toBe(0);
      await addContainer(page, twoComments);
      await widget.locator('.comments-title', { hasText: '2 Comments' }).waitFor();
      expect(await widget.locator('.comment-list > li').count()).toBe(1);
      expect(await page.evaluate<string[]>('Object.keys(window.Replyguard).sort()')).toEqual([
        'mount',
        'mountAll',
        'unmount',
      ]);
      await page.close();
    });

    it("renders the other thread when the app changes data-article-id, and stops following the old one's comment", async () => {
      const { page, widget } = await open({ article: twoComments });
      await widget.locator('.comments-title', { hasText: '2 Comments' }).waitFor();
      const followed = await postFollowedComment(page, widget);

      await page.evaluate(
        `document.querySelector('[data-replyguard]').dataset.articleId = ${JSON.stringify(oneComment)}`,
      );
      await widget.locator('.comments-title', { hasText: '1 Comment' }).waitFor();
      expect(await widget.locator('.comment-content').allTextContents()).toEqual([
        'A different article altogether.',
      ]);
      expect(await widget.getByText('Still waiting.').count()).toBe(0);
      const before = followed.checks();
      await followInterval();
      expect(followed.checks()).toBe(before);

      // Back to the first article: the reader's comment is there again, and followed again.
      await page.evaluate(
        `document.querySelector('[data-replyguard]').dataset.articleId = ${JSON.stringify(twoComments)}`,
      );
      await widget.locator('.comment.pending', { hasText: 'Still waiting.' }).waitFor();
      await eventually(async () => (followed.checks() > before ? true : undefined), {
        what: 'following again',
      });
      browser.problems.splice(0);
      await page.close();
    });

    it("stops the Reply buttons at the container's data-max-reply-depth, the site policy's", async () => {
      const { page, widget } = await open({ article: twoComments });
      await widget.locator('.comments-title', { hasText: '2 Comments' }).waitFor();
      // The default policy's depth, 5: Ann's comment and Bob's reply to it can both be answered.
      expect(await widget.locator('.comment-reply-link').count()).toBe(2);
      await page.evaluate(`document.querySelector('[data-replyguard]').dataset.maxReplyDepth = '2'`);
      await widget.locator('.depth-2 .comment-body').waitFor();
      await eventually(
        async () => ((await widget.locator('.comment-reply-link').count()) === 1 ? true : undefined),
        {
          what: 'one Reply button',
        },
      );
      expect(await widget.locator('.depth-1 > .comment-body .comment-reply-link').count()).toBe(1);
      await page.close();
    });

    it('empties a container on Replyguard.unmount and stops its requests; a container removed stops too', async () => {
      const { page, widget } = await open({ article: twoComments });
      await widget.locator('.comments-title', { hasText: '2 Comments' }).waitFor();
      const followed = await postFollowedComment(page, widget);
      const childNodes = () =>
        page.evaluate<number>("document.querySelector('[data-replyguard]').shadowRoot.childNodes.length");

      await page.evaluate("window.Replyguard.unmount(document.querySelector('[data-replyguard]'))");
      expect(await childNodes()).toBe(0);
      let before = followed.checks();
      await followInterval();
      expect(followed.checks()).toBe(before);

      // Mounted again, it is the thread as before; then the app drops the article from the page.
      await page.evaluate("window.Replyguard.mount(document.querySelector('[data-replyguard]'))");
      await widget.locator('.comment.pending', { hasText: 'Still waiting.' }).waitFor();
      await eventually(async () => (followed.checks() > before ? true : undefined), {
        what: 'following again',
      });
      await page.evaluate("document.querySelector('[data-replyguard]').remove()");
      before = followed.checks();
      await followInterval();
      expect(followed.checks()).toBe(before);
      browser.problems.splice(0);
      await page.close();
    });
  });
});
