import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { withDb } from '../../support/fixtures';
import { eventually, postJson } from '../../support/system';
import { type BrowserSystem, startBrowserSystem } from './support/browser-system';
import { type Browser, launchChromium, screenshot } from './support/chromium';

/**
 * WordPress's own comment form (comment_form() in the html5 format of a default theme), as a site
 * serves it: the only change is the action, which points at Replyguard instead of
 * wp-comments-post.php. The page runs no script at all (its CSP forbids it).
 */
function wordPressPage(action: string, postId: string): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>Hello world! – A WordPress site</title>
<link rel="icon" href="data:,">
</head>
<body class="post-template-default single single-post">
<main id="main" class="site-main">
<article id="post-1" class="post-1 post type-post status-publish"><h1 class="entry-title">Hello world!</h1>
<div class="entry-content"><p>Welcome to WordPress. This is your first post.</p></div></article>
<div id="comments" class="comments-area">
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href="/hello-world/#respond" style="display:none;">Cancel reply</a></small></h3><form action="${action}" method="post" id="commentform" class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p><p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p><p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required /></p>
<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required /></p>
<p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type='hidden' name='comment_post_ID' value='${postId}' id='comment_post_ID' />
<input type='hidden' name='comment_parent' id='comment_parent' value='0' />
</p></form>	</div><!-- #respond -->
</div>
</main>
</body>
</html>
`;
}

/** The WordPress site: serves the article page with its comment form, and nothing else. */
async function startWordPressSite(form: {
  action: () => string;
}): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const match = /^\/articles\/([A-Za-z0-9._:-]+)\/$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !match) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; script-src 'none'; form-action *",
      })
      .end(wordPressPage(form.action(), match[1]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the WordPress site has no port');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

describe("a WordPress site's comment form, posting to Replyguard without JavaScript", () => {
  let system: BrowserSystem;
  let browser: Browser;
  let wordpress: { origin: string; server: Server };
  let siteId: string;

  beforeAll(async () => {
    system = await startBrowserSystem();
    browser = await launchChromium();
    siteId = `site-${randomUUID().slice(0, 8)}`;
    wordpress = await startWordPressSite({
      action: () => `${system.ingestUrl}/v1/sites/${siteId}/wp-comments-post`,
    });
    // The reader comes back to the article on the articles service's demo page.
    const articleUrlTemplate = `${system.articlesUrl}/demo/{siteId}/{articleId}`;
    const created = await postJson(
      `${system.moderationUrl}/v1/admin/sites`,
      {
        id: siteId,
        name: 'A WordPress site',
        allowedOrigins: [wordpress.origin, new URL(system.articlesUrl).origin],
        articleUrlTemplate,
        policy: { flood: { maxPerWindow: 100_000, windowSeconds: 60 } },
      },
      { authorization: `Bearer ${system.adminToken}` },
    );
    if (created.status !== 201) throw new Error(`creating ${siteId}: ${created.status} ${created.text}`);
    await eventually(
      () =>
        withDb(async (db) => {
          const { rows } = await db.query<{ t: string | null }>(
            'SELECT article_url_template AS t FROM ingest.sites WHERE id = $1',
            [siteId],
          );
          return rows[0]?.t === articleUrlTemplate ? true : undefined;
        }),
      { what: `ingest to know ${siteId} and its article address` },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (wordpress ? wordpress.server.close(() => resolve()) : resolve()));
    await system?.close();
  });

  afterEach(() => {
    expect(browser.dialogs).toEqual([]);
  });

  async function fillAndPost(
    page: Page,
    fields: { comment: string; author: string; email: string; url?: string },
  ) {
    await page.fill('#comment', fields.comment);
    await page.fill('#author', fields.author);
    await page.fill('#email', fields.email);
    await page.fill('#url', fields.url ?? '');
    await page.check('#wp-comment-cookies-consent');
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  }

  it('follows the redirect back to the article and shows the comment once it is published', async () => {
    const page = await browser.newPage();
    await page.goto(`${wordpress.origin}/articles/china-russia-ties/`);
    expect(await page.locator('#commentform').getAttribute('method')).toBe('post');

    const comment = 'Posted from a plain WordPress form. The customs tables agree with the article.';
    await fillAndPost(page, {
      comment,
      author: 'Wanda Press',
      email: 'wanda@example.org',
      url: 'https://wanda.example',
    });

    // 303 to the article, with WordPress's moderation notice parameters and the comment's anchor.
    const landed = new URL(page.url());
    expect(`${landed.origin}${landed.pathname}`).toBe(
      `${system.articlesUrl}/demo/${siteId}/china-russia-ties`,
    );
    const id = landed.searchParams.get('unapproved') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(landed.searchParams.get('moderation-hash')).toMatch(/^[0-9a-f]{32}$/);
    expect(landed.hash).toBe(`#comment-${id}`);

    // Moderation is asynchronous: the reader's page shows the comment once it is published.
    const published = page.locator(`li#comment-${id} > .comment-body .comment-content`);
    await eventually(
      async () => {
        if ((await published.count()) > 0) return true;
        await page.reload();
        return undefined;
      },
      { what: 'the comment on the article page', timeoutMs: 20000, intervalMs: 300 },
    );
    expect(await published.textContent()).toContain(comment);
    expect(await page.locator(`li#comment-${id} .fn`).textContent()).toBe('Wanda Press');
    expect(await page.content()).not.toContain('wanda@example.org');
    await screenshot(page, 'wp-form-published');
    expect(browser.problems).toEqual([]);
    await page.close();
  });

  it("shows WordPress's failure page for a missing field, with a way back to the form", async () => {
    const page = await browser.newPage();
    await page.goto(`${wordpress.origin}/articles/china-russia-ties/`);
    await fillAndPost(page, { comment: 'No name given.', author: '', email: 'someone@example.org' });

    expect(await page.title()).toBe('Comment Submission Failure');
    expect(await page.locator('h1').textContent()).toBe('Comment Submission Failure');
    expect(await page.locator('.problem').textContent()).toBe('Error: Please fill the required fields.');
    await screenshot(page, 'wp-form-failure');
    // Back to the article's form (the site's template: the Referer of a cross-origin post is
    // only the origin).
    await Promise.all([page.waitForNavigation(), page.click('text=« Back')]);
    expect(page.url()).toBe(`${system.articlesUrl}/demo/${siteId}/china-russia-ties#respond`);
    expect(await page.locator('#commentform').count()).toBe(1);
    expect(browser.problems).toEqual([expect.stringMatching(/^400 POST .*\/wp-comments-post$/)]);
    browser.problems.length = 0;
    await page.close();
  });
});
