import { demoArticle } from './demo-article';
import type { ThreadCommentV2 } from '@replyguard/contracts';
import { escapeHtml, MAX_REPLY_DEPTH, renderCommentText, renderDemoPage, trimUrl } from './render-page';

const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';

describe(renderCommentText.name, () => {
  it('escapes markup, so a comment is only ever text', () => {
    expect(renderCommentText(XSS)).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;</p>',
    );
  });

  it('makes http(s) URLs nofollow links and leaves sentence punctuation outside them', () => {
    expect(renderCommentText('See (https://comtrade.un.org/), and https://x.org/a?b=1&c=2.')).toBe(
      '<p>See (<a href="https://comtrade.un.org/" rel="nofollow ugc">https://comtrade.un.org/</a>), and ' +
        '<a href="https://x.org/a?b=1&amp;c=2" rel="nofollow ugc">https://x.org/a?b=1&amp;c=2</a>.</p>',
    );
  });

  it('never links other schemes, and cannot be broken out of an attribute', () => {
    const html = renderCommentText('javascript:alert(1) https://x.org/"onmouseover="alert(1)');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain(
      '<a href="https://x.org/" rel="nofollow ugc">https://x.org/</a>&quot;onmouseover=&quot;',
    );
  });

  it('splits paragraphs on blank lines and breaks lines on newlines', () => {
    expect(renderCommentText('one\ntwo\n\n\nthree')).toBe('<p>one<br>\ntwo</p>\n<p>three</p>');
  });
});

describe(trimUrl.name, () => {
  it("keeps a parenthesis the URL opened and drops the sentence's", () => {
    expect(trimUrl('https://en.wikipedia.org/wiki/Foo_(bar)')).toBe(
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    );
    expect(trimUrl('https://x.org/)).')).toBe('https://x.org/');
  });
});

describe(renderDemoPage.name, () => {
  it('escapes every value that comes from outside', () => {
    const html = renderDemoPage({
      siteId: 'default',
      articleId: 'a1',
      article: demoArticle('a1'),
      ingestUrl: 'http://127.0.0.1:3000',
      pageUrl: 'http://127.0.0.1:3002/demo/default/a1',
      thread: {
        siteId: 'default',
        articleId: 'a1',
        count: 1,
        comments: [
          {
            id: '0190f3f4-1111-7000-8000-000000000001',
            parentId: null,
            state: 'published',
            authorName: '"><script>alert(3)</script>',
            authorUrl: 'https://ann.example.org/"x',
            content: XSS,
            createdAt: '2026-01-12T08:00:00.000Z',
            replies: [],
          },
        ],
      },
    });
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    expect(html).toContain(escapeHtml(XSS));
    expect(html).toContain('href="https://ann.example.org/&quot;x" rel="external nofollow ugc"');
    expect(html).toContain('1 thought on “A1: what we know so far”');
    expect(html).toContain('Your email address will not be published.');
  });

  const PARENT = '0190f3f4-1111-7000-8000-000000000001';
  const REPLY = '0190f3f4-1111-7000-8000-000000000002';
  const page = (comments: ThreadCommentV2[], extra: { unapproved?: string; replyTo?: string } = {}) =>
    renderDemoPage({
      siteId: 'site a',
      articleId: 'a1',
      article: demoArticle('a1'),
      ingestUrl: 'http://127.0.0.1:3000/',
      pageUrl: 'http://127.0.0.1:3002/demo/site%20a/a1',
      thread: { siteId: 'site a', articleId: 'a1', count: 1, comments },
      ...extra,
    });
  const reply: ThreadCommentV2 = {
    id: REPLY,
    parentId: PARENT,
    state: 'published',
    authorName: 'Bob',
    authorUrl: null,
    content: 'Page 14 shows it.',
    createdAt: '2026-01-12T08:05:00.000Z',
    replies: [],
  };
  const removedParent: ThreadCommentV2 = {
    id: PARENT,
    parentId: null,
    state: 'removed',
    authorName: null,
    authorUrl: null,
    content: null,
    createdAt: '2026-01-12T08:00:00.000Z',
    replies: [reply],
  };

  it('shows a taken-down comment as "This comment was removed." with its replies nested under it', () => {
    const html = page([removedParent]);
    const placeholder = html.slice(
      html.indexOf(`<li id="comment-${PARENT}"`),
      html.indexOf(`<li id="comment-${REPLY}"`),
    );
    expect(placeholder).toContain('class="comment depth-1 removed"');
    expect(placeholder).toContain('<p class="comment-removed">This comment was removed.</p>');
    // No author, no initial, no way to reply to it.
    expect(placeholder).not.toMatch(/avatar|class="fn"|says:|comment-reply-link|data-reply-to/);
    expect(placeholder).toContain('<ol class="children">');
    expect(html).toContain(`<li id="comment-${REPLY}" class="comment depth-2"`);
    expect(html).toContain(`data-reply-to="${REPLY}" data-author="Bob"`);
    // The title counts published comments only.
    expect(html).toContain('1 thought on “A1: what we know so far”');
  });

  it("puts a name's whole first character in its avatar, an emoji or any other beyond the BMP too", () => {
    const avatarOf = (authorName: string) =>
      /<span class="avatar" aria-hidden="true">([^<]*)<\/span>/.exec(page([{ ...reply, parentId: null, authorName }]))?.[1];
    expect(avatarOf('😀 Smiley')).toBe('😀');
    expect(avatarOf('𝒜da')).toBe('𝒜');
    expect(avatarOf('  ann')).toBe('A');
    expect(avatarOf('   ')).toBe('?');
  });

  it("posts without JavaScript to ingest's WordPress-compatible endpoint, with WordPress's field names", () => {
    const html = page([]);
    const form = /<form [^>]*>/.exec(html)?.[0];
    expect(form).toBe(
      '<form action="http://127.0.0.1:3000/v1/sites/site%20a/wp-comments-post" method="post" id="commentform" class="comment-form">',
    );
    for (const field of ['comment', 'author', 'email', 'url', 'extra']) {
      expect(html).toMatch(new RegExp(`<(input|textarea) id="${field}" name="${field}"`));
    }
    expect(html).toContain('<input type="hidden" name="comment_post_ID" id="comment_post_ID" value="a1">');
    expect(html).toContain('<input type="hidden" name="comment_parent" id="comment_parent" value="">');
    expect(html).toContain(
      '<input type="hidden" name="redirect_to" value="http://127.0.0.1:3002/demo/site%20a/a1">',
    );
  });

  it('after a post without JavaScript, shows a notice where the comment will be until it is in the thread', () => {
    const notice = `<p id="comment-${REPLY}" class="comment-awaiting-moderation awaiting-notice"`;
    expect(page([], { unapproved: REPLY })).toContain(notice);
    expect(page([removedParent], { unapproved: REPLY })).not.toContain(notice);
    expect(page([], { unapproved: '"><script>alert(1)</script>' })).not.toContain('awaiting-notice');
  });

  it('answers the comment a Reply link named (?replytocom=), as WordPress does without JavaScript', () => {
    expect(page([removedParent])).toContain(`href="?replytocom=${REPLY}#respond" data-reply-to="${REPLY}"`);
    const html = page([removedParent], { replyTo: REPLY });
    expect(html).toContain(
      `<input type="hidden" name="comment_parent" id="comment_parent" value="${REPLY}">`,
    );
    expect(html).toContain('<span id="reply-title-text">Reply to Bob</span>');
    expect(html).toContain(
      '<a rel="nofollow" id="cancel-comment-reply-link" href="/demo/site%20a/a1#respond">',
    );
    // Not a published comment of this thread (a removed one, another id, junk): a top-level comment.
    for (const replyTo of [PARENT, '0190f3f4-1111-7000-8000-000000000009', '"><b>x']) {
      const other = page([removedParent], { replyTo });
      expect(other).toContain('<input type="hidden" name="comment_parent" id="comment_parent" value="">');
      expect(other).toContain('<span id="reply-title-text">Leave a Reply</span>');
    }
  });

  it("offers no Reply at the default policy's deepest level, where moderation would reject the reply", () => {
    expect(MAX_REPLY_DEPTH).toBe(5);
    // A chain of six comments, each replying to the one before.
    const ids = [1, 2, 3, 4, 5, 6].map((n) => `0190f3f4-1111-7000-8000-00000000010${n}`);
    let chain: ThreadCommentV2 | undefined;
    for (const [i, id] of [...ids.entries()].reverse()) {
      chain = {
        id,
        parentId: i === 0 ? null : ids[i - 1],
        state: 'published',
        authorName: `Level ${i + 1}`,
        authorUrl: null,
        content: 'Deeper and deeper.',
        createdAt: '2026-01-12T08:00:00.000Z',
        replies: chain ? [chain] : [],
      };
    }
    const html = page([chain!]);
    expect(html).toContain('data-max-reply-depth="5"');
    ids.forEach((id, i) =>
      i + 1 < MAX_REPLY_DEPTH
        ? expect(html).toContain(`data-reply-to="${id}"`)
        : expect(html).not.toContain(`data-reply-to="${id}"`),
    );
    // ?replytocom= naming one of them (a stale link) gives a top-level form, as for a comment gone.
    const deep = page([chain!], { replyTo: ids[4] });
    expect(deep).toContain('<input type="hidden" name="comment_parent" id="comment_parent" value="">');
    expect(page([chain!], { replyTo: ids[3] })).toContain(
      `<input type="hidden" name="comment_parent" id="comment_parent" value="${ids[3]}">`,
    );
  });
});
