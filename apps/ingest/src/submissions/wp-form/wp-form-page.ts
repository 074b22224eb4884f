import { createHash } from 'node:crypto';
import type { WpPageText, WpProblem } from './wp-form-messages';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const STYLE =
  'body{background:#f0f0f1;color:#3c434a;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;margin:0}' +
  '#page{background:#fff;max-width:700px;margin:2em auto;padding:1em 2em;box-shadow:0 1px 1px rgba(0,0,0,.04);border:1px solid #c3c4c7}' +
  'h1{font-size:1.4em;border-bottom:1px solid #dcdcde;padding-bottom:.5em}a{color:#2271b1}';

/** No script at all, and the one style block by its hash: these pages need nothing else. */
export const WP_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(text: WpPageText, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${text.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex,follow">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body id="error-page">
<div id="page" class="wp-die-message">
<h1>${escapeHtml(title)}</h1>
${body}
</div>
</body>
</html>
`;
}

function backLink(text: WpPageText, backUrl: string | null): string {
  return backUrl
    ? `<p><a href="${escapeHtml(backUrl)}">${escapeHtml(text.back)}</a></p>`
    : `<p>${escapeHtml(text.backHint)}</p>`;
}

/** WordPress's "Comment Submission Failure" page: each problem, and the way back to the form. */
export function renderFailurePage(
  text: WpPageText,
  problems: WpProblem[],
  backUrl: string | null,
  reference?: string,
): string {
  const lines = problems.map(
    (p) =>
      `<p class="problem"><strong>${escapeHtml(text.error)}</strong> ${escapeHtml(text.problems[p])}</p>`,
  );
  if (reference) lines.push(`<p>${escapeHtml(text.reference)} <code>${escapeHtml(reference)}</code></p>`);
  return page(text, text.failureTitle, `${lines.join('\n')}\n${backLink(text, backUrl)}`);
}

/** When there is no article page to go back to: the comment is in, and awaits moderation. */
export function renderAwaitingPage(text: WpPageText, backUrl: string | null): string {
  return page(
    text,
    text.thanksTitle,
    `<p class="comment-awaiting-moderation">${escapeHtml(text.awaitingModeration)}</p>\n${backLink(text, backUrl)}`,
  );
}
