import { ContractViolationError, parseContract } from '../validation';
import { SUBMISSION_BODY_LIMIT_BYTES, SubmitCommentRequestV1 } from './submit-comment.v1';

const valid = {
  siteId: 'default',
  articleId: 'china-russia-ties',
  authorName: 'Ann',
  authorEmail: 'ann@example.org',
  content: 'Hello.',
};

function violations(body: Record<string, unknown>): Record<string, string[]> {
  try {
    parseContract(SubmitCommentRequestV1, body);
    return {};
  } catch (error) {
    if (!(error instanceof ContractViolationError)) throw error;
    return Object.fromEntries(error.violations.map((v) => [v.field, v.rules]));
  }
}

describe(SubmitCommentRequestV1.name, () => {
  it('accepts the documented example and trims names and content', () => {
    const parsed = parseContract(SubmitCommentRequestV1, { ...valid, authorName: '  Ann ', content: ' Hi ' });
    expect(parsed.authorName).toBe('Ann');
    expect(parsed.content).toBe('Hi');
  });

  it('removes bidirectional controls from the name, so it cannot be shown reversed', () => {
    const parsed = parseContract(SubmitCommentRequestV1, {
      ...valid,
      authorName: 'Zoë 李 \u202eevil\u202c ',
    });
    expect(parsed.authorName).toBe('Zoë 李 evil');
    expect(violations({ ...valid, authorName: '\u202e\u2066' })).toEqual({ authorName: ['isNotEmpty'] });
  });

  it('takes a name or a text that shows nothing as empty, so that none is published blank', () => {
    for (const blank of [
      '\u200b',
      '\u3164',
      '\u2800 \u2800',
      '\u00ad\u200d',
      ' \u2060\ufeff ',
      '\u115f\u1160',
    ]) {
      expect(violations({ ...valid, authorName: blank, content: blank })).toEqual({
        authorName: ['isNotEmpty'],
        content: ['isNotEmpty', 'minLength'],
      });
    }
    const parsed = parseContract(SubmitCommentRequestV1, {
      ...valid,
      authorName: '\u2764\ufe0f',
      content: 'a\u200bb',
    });
    expect([parsed.authorName, parsed.content]).toEqual(['\u2764\ufe0f', 'a\u200bb']);
  });

  it('removes direction overrides from the content, so a file name cannot pose as another; keeps what RTL text uses', () => {
    const parsed = parseContract(SubmitCommentRequestV1, {
      ...valid,
      content: 'Download invoice_\u202egnp.exe now. \u2067مرحبا\u2069 \u202bשלום\u202c',
    });
    expect(parsed.content).toBe('Download invoice_gnp.exe now. \u2067مرحبا\u2069 \u202bשלום\u202c');
  });

  it('keeps the website as its WHATWG URL href, a valid URI: punycode host, percent-encoded path', () => {
    const website = (authorUrl: string) =>
      parseContract(SubmitCommentRequestV1, { ...valid, authorUrl }).authorUrl;
    expect(website('https://bücher.example/straße')).toBe('https://xn--bcher-kva.example/stra%C3%9Fe');
    expect(website('https://例え.jp/記事?q=日本#上')).toBe(
      'https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B?q=%E6%97%A5%E6%9C%AC#%E4%B8%8A',
    );
    // A URI already is kept as typed (trimmed): no trailing slash, no case change.
    expect(website(' HTTPS://Ann.Example.org ')).toBe('HTTPS://Ann.Example.org');
    expect(website('https://ann.example.org/a%20b')).toBe('https://ann.example.org/a%20b');
    // The limit is the href's; what is no http(s) URL is refused as before.
    expect(violations({ ...valid, authorUrl: `https://example.org/${'ß'.repeat(60)}` }).authorUrl).toContain(
      'maxLength',
    );
    expect(violations({ ...valid, authorUrl: 'ftp://bücher.example/' }).authorUrl).toContain('isUrl');
    expect(violations({ ...valid, authorUrl: 'https://exa mple.org' }).authorUrl).toContain('isUrl');
  });

  it('treats an empty website field as absent, as the WordPress form sends it', () => {
    expect(parseContract(SubmitCommentRequestV1, { ...valid, authorUrl: '' }).authorUrl).toBeUndefined();
  });

  it.each([
    ['authorName', { authorName: '   ' }, 'isNotEmpty'],
    ['authorName', { authorName: 'a'.repeat(246) }, 'maxLength'],
    ['authorEmail', { authorEmail: 'nope' }, 'isEmail'],
    ['authorEmail', { authorEmail: `${'a'.repeat(250)}@example.org` }, 'maxLength'],
    ['authorUrl', { authorUrl: 'javascript:alert(1)' }, 'isUrl'],
    ['authorUrl', { authorUrl: 'data:text/html,<script>' }, 'isUrl'],
    ['authorUrl', { authorUrl: `https://example.org/${'a'.repeat(200)}` }, 'maxLength'],
    ['content', { content: '' }, 'isNotEmpty'],
    ['content', { content: 'x'.repeat(10_001) }, 'maxLength'],
    ['articleId', { articleId: 'has spaces' }, 'matches'],
    ['articleId', { articleId: 'a'.repeat(201) }, 'matches'],
    ['parentId', { parentId: 'not-a-uuid' }, 'isUuid'],
    ['content', { content: 42 }, 'isString'],
    ['authorEmail', { authorEmail: '\uD800@example.org' }, 'isEmail'],
    ['authorName', { authorName: 'Ann \uDC00' }, 'isWellFormed'],
    ['content', { content: 'broken \uD800 text' }, 'isWellFormed'],
    ['content', { content: 'nul \u0000 byte' }, 'isWellFormed'],
    ['honeypot', { honeypot: '\u0000' }, 'isWellFormed'],
  ])('refuses a bad %s', (field, patch, rule) => {
    expect(violations({ ...valid, ...patch })[field]).toContain(rule);
  });

  it('names every missing required field', () => {
    expect(Object.keys(violations({}))).toEqual(
      expect.arrayContaining(['siteId', 'articleId', 'authorName', 'authorEmail', 'content']),
    );
  });

  it('refuses unknown fields', () => {
    expect(violations({ ...valid, isAdmin: true }).isAdmin).toContain('whitelistValidation');
  });
});

describe('SUBMISSION_BODY_LIMIT_BYTES', () => {
  // The widest character the length rules count as one: an astral emoji with a variation selector.
  const wide = '\u{1F5E8}\uFE0F';
  const maximal = {
    siteId: 's'.repeat(64),
    articleId: ':'.repeat(200),
    parentId: '0190f5d2-6a1b-7c3d-8e4f-123456789abc',
    authorName: wide.repeat(245),
    authorEmail: `${'漢'.repeat(21)}@${'例'.repeat(30)}.${'例'.repeat(30)}.example`,
    authorUrl: `https://example.org/${'%E6%BC%A2'.repeat(20)}`,
    content: wide.repeat(10_000),
    honeypot: wide.repeat(1000),
  };
  /** JSON as a client that escapes every non-ASCII character writes it. */
  const asciiJson = (value: unknown) =>
    JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  /** The WordPress form as a browser posts it: every non-ASCII byte percent-encoded. */
  const form = new URLSearchParams({
    comment: maximal.content,
    author: maximal.authorName,
    email: maximal.authorEmail,
    url: maximal.authorUrl,
    comment_post_ID: maximal.articleId,
    comment_parent: maximal.parentId,
    ak_hp_textarea: maximal.honeypot,
    redirect_to: `https://news.example/${'a'.repeat(2000)}`,
    'wp-comment-cookies-consent': 'yes',
    submit: 'Post Comment',
  }).toString();

  it('is the size of a maximal valid submission in any script and either encoding, and no more than 300 KiB', () => {
    expect(violations(maximal)).toEqual({});
    expect(violations({ ...maximal, content: wide.repeat(10_001) }).content).toContain('maxLength');
    const json = asciiJson(maximal);
    expect(JSON.parse(json)).toEqual(maximal);
    for (const body of [json, JSON.stringify(maximal), form]) {
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(SUBMISSION_BODY_LIMIT_BYTES);
    }
    // Both over three times the 64 KiB of every other route (here the form is 240,020 bytes, the JSON 203,523).
    expect(Buffer.byteLength(form)).toBeGreaterThan(3 * 64 * 1024);
    expect(Buffer.byteLength(json)).toBeGreaterThan(3 * 64 * 1024);
    expect(SUBMISSION_BODY_LIMIT_BYTES).toBeLessThanOrEqual(300 * 1024);
  });
});
