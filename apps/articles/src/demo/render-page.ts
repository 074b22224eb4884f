import type { ArticleThreadV2, ThreadCommentV2 } from '@replyguard/contracts';
import { DEFAULT_SITE_POLICY } from '@replyguard/moderation-engine';
import type { DemoArticle } from './demo-article';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/**
 * Drops sentence punctuation that follows a URL ("(see https://x.org/)." ends at the slash), but keeps
 * a closing parenthesis that the URL itself opened, as in Wikipedia's "Foo_(bar)".
 */
export function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (/[.,;:!?'"\]]/.test(last)) {
      end--;
      continue;
    }
    if (last === ')') {
      const head = url.slice(0, end);
      if ((head.match(/\)/g) ?? []).length > (head.match(/\(/g) ?? []).length) {
        end--;
        continue;
      }
    }
    return url.slice(0, end);
  }
}

/** A line of comment text as HTML: everything escaped, http(s) URLs as nofollow links. */
function linkify(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const start = match.index;
    html += escapeHtml(text.slice(last, start));
    html += `<a href="${escapeHtml(url)}" rel="nofollow ugc">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

/** Comment text as paragraphs, as WordPress shows it: blank lines split paragraphs, newlines break lines. */
export function renderCommentText(content: string): string {
  return content
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${p.split('\n').map(linkify).join('<br>\n')}</p>`)
    .join('\n');
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** The date shown under a comment; demo.mjs formats the same way. */
export function formatDate(iso: string): string {
  return `${DATE_FORMAT.format(new Date(iso))} UTC`;
}

function renderAuthor(name: string, url: string | null): string {
  const text = escapeHtml(name);
  return url && /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}" rel="external nofollow ugc" class="url">${text}</a>`
    : text;
}

/**
 * The deepest a comment may sit and still be replied to. Moderation places a reply deeper than the
 * site's `maxDepth` beside the comment it answers, not under it, so a Reply link there would not do
 * what it says; like WordPress at its `thread_comments_depth`, the page offers none. The
 * articles service does not know a site's policy: the default's depth it is (demo.mjs reads it from
 * the page).
 */
export const MAX_REPLY_DEPTH = DEFAULT_SITE_POLICY.maxDepth;

/** The text that stands in for a taken-down comment; demo.mjs shows the same. */
export const REMOVED_TEXT = 'This comment was removed.';

function renderComment(c: ThreadCommentV2, depth: number): string {
  const id = escapeHtml(c.id);
  const children =
    c.replies.length > 0
      ? `<ol class="children">${c.replies.map((r) => renderComment(r, depth + 1)).join('')}</ol>`
      : '';
  // A placeholder keeps its replies in place: no author, no text, nothing to reply to.
  if (c.state === 'removed' || c.authorName === null || c.content === null) {
    return `<li id="comment-${id}" class="comment depth-${depth} removed" data-comment-id="${id}">
<article class="comment-body">
<div class="comment-content"><p class="comment-removed">${REMOVED_TEXT}</p></div>
</article>
${children}
</li>`;
  }
  const author = c.authorName;
  // A whole code point: charAt(0) is half of an emoji's surrogate pair, which shows as "�".
  const initial = escapeHtml((Array.from(author.trim())[0] ?? '?').toUpperCase());
  return `<li id="comment-${id}" class="comment depth-${depth}" data-comment-id="${id}">
<article class="comment-body">
<footer class="comment-meta">
<div class="comment-author"><span class="avatar" aria-hidden="true">${initial}</span><b class="fn">${renderAuthor(author, c.authorUrl)}</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-${id}"><time datetime="${escapeHtml(c.createdAt)}">${escapeHtml(formatDate(c.createdAt))}</time></a></div>
</footer>
<div class="comment-content">${renderCommentText(c.content)}</div>
${depth < MAX_REPLY_DEPTH ? `<div class="reply"><a rel="nofollow" class="comment-reply-link" href="?replytocom=${id}#respond" data-reply-to="${id}" data-author="${escapeHtml(author)}" aria-label="Reply to ${escapeHtml(author)}">Reply</a></div>\n` : ''}</article>
${children}
</li>`;
}

/** "3 thoughts on “Headline”", as WordPress titles a thread. */
export function threadTitle(count: number, headline: string): string {
  if (count === 0) return 'No comments yet';
  return `${count} ${count === 1 ? 'thought' : 'thoughts'} on “${headline}”`;
}

export interface DemoPage {
  siteId: string;
  articleId: string;
  article: DemoArticle;
  thread: ArticleThreadV2;
  ingestUrl: string;
  /** This page's own address: ingest sends a reader who posted without JavaScript back here. */
  pageUrl: string;
  /**
   * `?unapproved=<id>`, where ingest sends a reader who posted without JavaScript: while that comment
   * is not in the thread, a notice stands where `#comment-<id>` will be. It shows nothing of the
   * comment, so the `moderation-hash` beside it is not checked.
   */
  unapproved?: string | null;
  /**
   * `?replytocom=<id>`, where a Reply link leads a reader without JavaScript (as in WordPress): the
   * form answers that comment, if it is a published one of this thread.
   */
  replyTo?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function findInThread(
  thread: ArticleThreadV2,
  id: string,
): { comment: ArticleThreadV2['comments'][number]; depth: number } | undefined {
  const stack = thread.comments.map((comment) => ({ comment, depth: 1 }));
  while (stack.length > 0) {
    const found = stack.pop()!;
    if (found.comment.id === id) return found;
    stack.push(...found.comment.replies.map((comment) => ({ comment, depth: found.depth + 1 })));
  }
  return undefined;
}

/** The path of a page address, without its query: where "Cancel reply" leads without JavaScript. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** The form's address: ingest's WordPress-compatible endpoint, so the form posts without JavaScript too. */
export function formAction(ingestUrl: string, siteId: string): string {
  return `${ingestUrl.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(siteId)}/wp-comments-post`;
}

function renderAwaitingNotice(id: string): string {
  const e = escapeHtml;
  return `<p id="comment-${e(id)}" class="comment-awaiting-moderation awaiting-notice" data-awaiting-id="${e(id)}" role="status">Thank you. Your comment is awaiting moderation. It will appear here once it is published.</p>`;
}

/** The whole demo page. Every value from outside this file passes through escapeHtml. */
export function renderDemoPage(page: DemoPage): string {
  const { siteId, articleId, article, thread, ingestUrl, pageUrl, unapproved } = page;
  const e = escapeHtml;
  const replyingTo = page.replyTo && UUID.test(page.replyTo) ? findInThread(thread, page.replyTo) : undefined;
  const parent =
    replyingTo?.comment.state === 'published' && replyingTo.depth < MAX_REPLY_DEPTH
      ? replyingTo.comment
      : undefined;
  const awaitingId =
    unapproved && UUID.test(unapproved) && !findInThread(thread, unapproved) ? unapproved : null;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(article.headline)} · The Daily Ledger</title>
<meta name="replyguard-ingest" content="${e(ingestUrl)}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/_assets/demo.css">
<script type="module" src="/demo/_assets/demo.mjs"></script>
</head>
<body data-site-id="${e(siteId)}" data-article-id="${e(articleId)}" data-headline="${e(article.headline)}" data-max-reply-depth="${MAX_REPLY_DEPTH}">
<header class="masthead">
<div class="wrap">
<a class="site-title" href="#top">The Daily Ledger</a>
<nav aria-label="Sections"><a href="#top">World</a><a href="#top">Business</a><a href="#top">Opinion</a><a href="#top">Science</a><a href="#top">Culture</a></nav>
</div>
</header>
<main class="wrap" id="top">
<article class="post">
<p class="kicker">${e(article.section)}</p>
<h1 class="entry-title">${e(article.headline)}</h1>
<p class="standfirst">${e(article.standfirst)}</p>
<p class="byline">By <span class="author">${e(article.author)}</span> · <time datetime="${e(article.published)}">${e(formatDate(article.published))}</time></p>
<figure class="hero"><div class="hero-art" role="img" aria-label="${e(article.caption)}"></div><figcaption>${e(article.caption)}</figcaption></figure>
<div class="entry-content">
${article.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
</div>
</article>

<section id="comments" class="comments-area" aria-labelledby="comments-title">
<h2 id="comments-title" class="comments-title">${e(threadTitle(thread.count, article.headline))}</h2>
${awaitingId ? renderAwaitingNotice(awaitingId) : ''}
<ol class="comment-list" id="comment-list">
${thread.comments.map((c) => renderComment(c, 1)).join('\n')}
</ol>

<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title"><span id="reply-title-text">${parent ? `Reply to ${e(parent.authorName ?? '')}` : 'Leave a Reply'}</span> <small><a rel="nofollow" id="cancel-comment-reply-link" href="${parent ? `${e(pathOf(pageUrl))}#respond` : '#respond'}"${parent ? '' : ' hidden'}>Cancel reply</a></small></h3>
<form action="${e(formAction(ingestUrl, siteId))}" method="post" id="commentform" class="comment-form">
<p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
<p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8" maxlength="10000" required></textarea></p>
<p class="comment-form-author"><label for="author">Name <span class="required">*</span></label><input id="author" name="author" type="text" size="30" maxlength="245" autocomplete="name" required></p>
<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label><input id="email" name="email" type="email" size="30" maxlength="254" autocomplete="email" aria-describedby="email-notes" required></p>
<p class="comment-form-url"><label for="url">Website</label><input id="url" name="url" type="url" size="30" maxlength="200" autocomplete="url"></p>
<p class="comment-form-extra" aria-hidden="true"><label for="extra">Leave this field empty</label><input id="extra" name="extra" type="text" tabindex="-1" autocomplete="off"></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"><input type="hidden" name="comment_post_ID" id="comment_post_ID" value="${e(articleId)}"><input type="hidden" name="comment_parent" id="comment_parent" value="${parent ? e(parent.id) : ''}"><input type="hidden" name="redirect_to" value="${e(pageUrl)}"></p>
<p class="form-status" id="form-status" role="status" aria-live="polite"></p>
</form>
</div>
</section>
</main>
<footer class="site-footer"><div class="wrap">The Daily Ledger is a demo site. Comments are moderated by Replyguard.</div></footer>
</body>
</html>
`;
}
