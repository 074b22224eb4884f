import { demoArticle } from './demo-article';
import { escapeHtml, renderCommentText, renderDemoPage, trimUrl } from './render-page';

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
      thread: {
        siteId: 'default',
        articleId: 'a1',
        count: 1,
        comments: [
          {
            id: '0190f3f4-1111-7000-8000-000000000001',
            parentId: null,
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
});
