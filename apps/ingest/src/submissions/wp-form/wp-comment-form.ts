import { parseContract, SubmitCommentRequestV1 } from '@replyguard/contracts';

/** A form body as Fastify parses it: repeated names become arrays. */
export type FormBody = Record<string, unknown>;

/** Hidden fields humans leave empty: Akismet's plugin's, and the demo page's. */
const HONEYPOT_FIELDS = ['ak_hp_textarea', 'extra'] as const;

/**
 * WordPress's comment form as our JSON intake's request, validated by the same contract. Fields
 * WordPress and its plugins add (`submit`, `wp-comment-cookies-consent`, nonces, …) are ignored.
 * `comment_parent` is `0` or empty for a top-level comment; otherwise it must be one of our comment
 * ids (UUIDs), not WordPress's numeric ones, or the contract refuses it.
 */
export function requestFromWpForm(siteId: string, form: FormBody): SubmitCommentRequestV1 {
  const parent = form.comment_parent;
  const honeypot = HONEYPOT_FIELDS.map((name) => form[name]).find((v) => typeof v === 'string' && v !== '');
  return parseContract(SubmitCommentRequestV1, {
    siteId,
    articleId: form.comment_post_ID,
    parentId: parent === undefined || parent === '' || parent === '0' ? null : parent,
    authorName: form.author,
    authorEmail: form.email,
    authorUrl: websiteAsWordPressTakesIt(form.url),
    content: form.comment,
    ...(honeypot !== undefined ? { honeypot } : {}),
  });
}

/**
 * The website field as WordPress keeps it: an address typed without a scheme ("www.ann.example", which
 * WordPress's own form lets through, as it is `novalidate`) gets `http://`, as `esc_url` gives it, rather
 * than a failure page. Anything with a scheme (`javascript:`, `mailto:`) or relative goes on as typed,
 * for the contract to refuse.
 */
function websiteAsWordPressTakesIt(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const typed = value.trim();
  if (typed === '' || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(typed) || /^[/?#\\]/.test(typed)) return value;
  return `http://${typed}`;
}

/** `redirect_to`, as WordPress honours it (after checking it, as `wp_safe_redirect` does). */
export function redirectToField(form: FormBody): string | null {
  const value = form.redirect_to;
  return typeof value === 'string' && value !== '' ? value : null;
}
