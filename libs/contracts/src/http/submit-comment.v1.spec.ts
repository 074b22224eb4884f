import { ContractViolationError, parseContract } from '../validation';
import { SubmitCommentRequestV1 } from './submit-comment.v1';

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

  it('removes direction overrides from the content, so a file name cannot pose as another; keeps what RTL text uses', () => {
    const parsed = parseContract(SubmitCommentRequestV1, {
      ...valid,
      content: 'Download invoice_\u202egnp.exe now. \u2067مرحبا\u2069 \u202bשלום\u202c',
    });
    expect(parsed.content).toBe('Download invoice_gnp.exe now. \u2067مرحبا\u2069 \u202bשלום\u202c');
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
