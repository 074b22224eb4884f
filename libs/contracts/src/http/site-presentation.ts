import { isURL, ValidateBy } from 'class-validator';

/** Languages of the reader-facing pages Replyguard renders for a site (e.g. comment form errors). */
export const SITE_LANGUAGES = ['en', 'de', 'fr'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

const MAX_TEMPLATE_CHARS = 500;

/** An http(s) address with `{articleId}` in it (and optionally `{siteId}`), at most 500 characters. */
export const IsArticleUrlTemplate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isArticleUrlTemplate',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        value.length <= MAX_TEMPLATE_CHARS &&
        value.includes('{articleId}') &&
        // Checked with the placeholders filled in, as the address will be used.
        isURL(value.replaceAll('{articleId}', 'a').replaceAll('{siteId}', 's'), {
          protocols: ['http', 'https'],
          require_protocol: true,
          require_tld: false,
        }),
      defaultMessage: () =>
        'articleUrlTemplate must be an http or https URL of at most 500 characters containing {articleId}',
    },
  });

/** Fills in an article URL template; the ids are URL-encoded. */
export function articleUrlFrom(template: string, siteId: string, articleId: string): string {
  return template
    .replaceAll('{articleId}', encodeURIComponent(articleId))
    .replaceAll('{siteId}', encodeURIComponent(siteId));
}
