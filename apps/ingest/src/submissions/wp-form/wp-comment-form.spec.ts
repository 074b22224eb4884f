import { ContractViolationError } from '@replyguard/contracts';
import { awaitingModeration, safeUrl } from './post-wp-comment.handler';
import { requestFromWpForm } from './wp-comment-form';
import { pageText, problemsOf } from './wp-form-messages';
import { escapeHtml, renderFailurePage } from './wp-form-page';

const form = (extra: Record<string, unknown> = {}) => ({
  comment: 'A fair summary.',
  author: 'Ann',
  email: 'ann@example.org',
  url: '',
  comment_post_ID: 'china-russia-ties',
  comment_parent: '0',
  'wp-comment-cookies-consent': 'yes',
  submit: 'Post Comment',
  ...extra,
});

function violations(extra: Record<string, unknown>) {
  try {
    requestFromWpForm('default', form(extra));
  } catch (error) {
    if (error instanceof ContractViolationError) return error.violations;
    throw error;
  }
  throw new Error('expected a contract violation');
}

describe(requestFromWpForm.name, () => {
  it("maps WordPress's fields to the intake's, ignoring the ones it does not need", () => {
    expect({ ...requestFromWpForm('default', form()) }).toEqual({
      siteId: 'default',
      articleId: 'china-russia-ties',
      parentId: null,
      authorName: 'Ann',
      authorEmail: 'ann@example.org',
      content: 'A fair summary.',
    });
  });

  it('treats comment_parent 0 or empty as top-level and accepts one of our comment ids', () => {
    expect(requestFromWpForm('default', form({ comment_parent: '' })).parentId).toBeNull();
    expect(requestFromWpForm('default', form({ comment_parent: undefined })).parentId).toBeNull();
    const id = '0190f5d2-6a1b-7c3d-8e4f-123456789abc';
    expect(requestFromWpForm('default', form({ comment_parent: id })).parentId).toBe(id);
  });

  it("refuses WordPress's numeric parent ids with a problem the reader understands", () => {
    expect(problemsOf(violations({ comment_parent: '12' }))).toEqual(['parent']);
  });

  it('gives a website typed without a scheme http://, as WordPress does, and refuses other schemes', () => {
    expect(requestFromWpForm('default', form({ url: 'www.ann.example' })).authorUrl).toBe(
      'http://www.ann.example',
    );
    expect(requestFromWpForm('default', form({ url: ' ann.example/blog ' })).authorUrl).toBe(
      'http://ann.example/blog',
    );
    expect(requestFromWpForm('default', form({ url: 'https://ann.example' })).authorUrl).toBe(
      'https://ann.example',
    );
    expect(requestFromWpForm('default', form({ url: '   ' })).authorUrl).toBeUndefined();
    expect(problemsOf(violations({ url: 'javascript:alert(1)' }))).toEqual(['url']);
    expect(problemsOf(violations({ url: '//evil.example' }))).toEqual(['url']);
    expect(problemsOf(violations({ url: 'not a website' }))).toEqual(['url']);
  });

  it('takes a filled honeypot along', () => {
    expect(requestFromWpForm('default', form({ ak_hp_textarea: 'spam' })).honeypot).toBe('spam');
  });
});

describe(problemsOf.name, () => {
  it("names WordPress's problems, required fields first", () => {
    expect(problemsOf(violations({ author: '', email: 'not-an-address', comment: '  ' }))).toEqual([
      'required',
      'email',
      'content',
    ]);
    expect(problemsOf(violations({ email: '' }))).toEqual(['required']);
    expect(problemsOf(violations({ author: 'x'.repeat(300) }))).toEqual(['nameTooLong']);
    expect(problemsOf(violations({ url: 'javascript:alert(1)' }))).toEqual(['url']);
    expect(problemsOf(violations({ comment_post_ID: undefined }))).toEqual(['article']);
  });
});

describe(renderFailurePage.name, () => {
  it("says it in the site's language, escaped, with the way back", () => {
    const html = renderFailurePage(pageText('de'), ['required'], 'https://news.example/a?x="1"#respond');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Fehler beim Absenden des Kommentars');
    expect(html).toContain('Bitte fülle die erforderlichen Felder aus.');
    expect(html).toContain(`href="${escapeHtml('https://news.example/a?x="1"#respond')}"`);
    expect(pageText('xx').lang).toBe('en');
    expect(pageText(null).problems.email).toBe('Please enter a valid email address.');
  });
});

describe(safeUrl.name, () => {
  const site = { allowedOrigins: ['https://news.example'] };
  it("accepts only the site's own pages, without their fragment", () => {
    expect(safeUrl(site, 'https://news.example/a?b=1#respond')).toBe('https://news.example/a?b=1');
    expect(safeUrl(site, 'https://evil.example/a')).toBeNull();
    expect(safeUrl(site, 'javascript:alert(1)')).toBeNull();
    expect(safeUrl(site, 'not a url')).toBeNull();
    expect(safeUrl(site, null)).toBeNull();
  });
});

describe(awaitingModeration.name, () => {
  it("adds WordPress's moderation notice parameters and the comment's anchor", () => {
    expect(awaitingModeration('https://news.example/a?b=1&unapproved=old', 'c1', 'h1')).toBe(
      'https://news.example/a?b=1&unapproved=c1&moderation-hash=h1#comment-c1',
    );
  });
});
