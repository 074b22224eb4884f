// The demo page's "Leave a Reply" form: posts to Replyguard ingest, shows the comment as awaiting
// moderation, and follows the thread until it is published. Comment data reaches the page only
// through textContent and DOM attributes, never as markup. Without this script the form still posts,
// as a plain form to ingest's WordPress-compatible endpoint, which sends the reader back here.

import { authorNode, commentText, el, formatDate, initial } from '/embed/v1/comment-dom.mjs';

const body = document.body;
const siteId = body.dataset.siteId;
const articleId = body.dataset.articleId;
const headline = body.dataset.headline;
// Comments this deep get no Reply link: moderation would reject the reply (render-page.ts).
const maxReplyDepth = Number(body.dataset.maxReplyDepth) || Infinity;
const ingestUrl = document.querySelector('meta[name="replyguard-ingest"]').content.replace(/\/+$/, '');
const threadUrl = `/v2/sites/${encodeURIComponent(siteId)}/articles/${encodeURIComponent(articleId)}/comments`;
const PENDING_KEY = `replyguard.pending.${siteId}/${articleId}`;
const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

const form = /** @type {HTMLFormElement} */ (document.getElementById('commentform'));
const respond = document.getElementById('respond');
const respondHome = document.createComment('respond');
respond.before(respondHome);
const list = document.getElementById('comment-list');
const title = document.getElementById('comments-title');
const status = document.getElementById('form-status');
const cancelReply = document.getElementById('cancel-comment-reply-link');
const replyTitle = document.getElementById('reply-title-text');
const parentInput = /** @type {HTMLInputElement} */ (document.getElementById('comment_parent'));
const submitButton = /** @type {HTMLInputElement} */ (document.getElementById('submit'));

// ---------------------------------------------------------------------------------------------------
// Rendering (the same markup render-page.ts produces on the server; the text helpers are the
// comments widget's, served by this service)
// ---------------------------------------------------------------------------------------------------

/** A taken-down comment kept so its replies stay in place: no author, no text, no Reply link. */
function renderRemoved(c, depth) {
  const note = el('p', { class: 'comment-removed' });
  note.textContent = 'This comment was removed.';
  return el(
    'li',
    { id: `comment-${c.id}`, class: `comment depth-${depth} removed`, 'data-comment-id': c.id },
    el('article', { class: 'comment-body' }, el('div', { class: 'comment-content' }, note)),
  );
}

function renderComment(c, depth, pending = false) {
  const li = c.state === 'removed' ? renderRemoved(c, depth) : renderPublished(c, depth, pending);
  const replies = c.replies ?? [];
  if (replies.length > 0)
    li.append(el('ol', { class: 'children' }, ...replies.map((r) => renderComment(r, depth + 1))));
  return li;
}

function renderPublished(c, depth, pending) {
  const author = el('b', { class: 'fn' }, authorNode(c.authorName, c.authorUrl, 'external nofollow ugc'));
  const avatar = el('span', { class: 'avatar', 'aria-hidden': 'true' });
  avatar.textContent = initial(c.authorName);
  const time = el('time', { datetime: c.createdAt });
  time.textContent = formatDate(c.createdAt);
  const meta = el(
    'footer',
    { class: 'comment-meta' },
    el(
      'div',
      { class: 'comment-author' },
      avatar,
      author,
      ' ',
      Object.assign(el('span', { class: 'says' }), { textContent: 'says:' }),
    ),
    el('div', { class: 'comment-metadata' }, el('a', { href: `#comment-${c.id}` }, time)),
  );
  if (pending) {
    const note = el('em', { class: 'comment-awaiting-moderation' });
    note.textContent = 'Your comment is awaiting moderation.';
    meta.append(note);
  }
  const article = el(
    'article',
    { class: 'comment-body' },
    meta,
    el('div', { class: 'comment-content' }, ...commentText(c.content)),
  );
  if (!pending && depth < maxReplyDepth) {
    const reply = el('a', {
      rel: 'nofollow',
      class: 'comment-reply-link',
      href: `?replytocom=${encodeURIComponent(c.id)}#respond`,
      'data-reply-to': c.id,
      'data-author': c.authorName,
      'aria-label': `Reply to ${c.authorName}`,
    });
    reply.textContent = 'Reply';
    article.append(el('div', { class: 'reply' }, reply));
  }
  return el(
    'li',
    {
      id: `comment-${c.id}`,
      class: `comment depth-${depth}${pending ? ' pending' : ''}`,
      'data-comment-id': c.id,
    },
    article,
  );
}

function threadTitle(count) {
  if (count === 0) return 'No comments yet';
  return `${count} ${count === 1 ? 'thought' : 'thoughts'} on “${headline}”`;
}

// ---------------------------------------------------------------------------------------------------
// Comments awaiting moderation, kept for this tab so a reload still shows them
// ---------------------------------------------------------------------------------------------------

function loadPending() {
  try {
    const all = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? '[]');
    return Array.isArray(all) ? all.filter((c) => Date.now() - Date.parse(c.createdAt) < PENDING_TTL_MS) : [];
  } catch {
    return [];
  }
}

function savePending(pending) {
  if (pending.length === 0) sessionStorage.removeItem(PENDING_KEY);
  else sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

let pending = loadPending();

// Back from a post without JavaScript (?unapproved=<id>): the server's notice stands where the
// comment will be, and the thread is followed until it is there.
let awaitingNotice = document.querySelector('[data-awaiting-id]');

/** Re-renders the thread from the API's answer, with this reader's pending comments in place. */
function renderThread(thread) {
  const inThread = new Set();
  const walk = (cs) => cs.forEach((c) => (inThread.add(c.id), walk(c.replies ?? [])));
  walk(thread.comments);
  pending = pending.filter((c) => !inThread.has(c.id));
  savePending(pending);
  if (awaitingNotice && inThread.has(awaitingNotice.dataset.awaitingId)) {
    awaitingNotice.remove();
    awaitingNotice = null;
  }

  // Keep the form where the reader left it while the list under it is rebuilt.
  const replyingTo = parentInput.value;
  if (respond.parentElement !== respondHome.parentElement) respondHome.after(respond);
  list.replaceChildren(...thread.comments.map((c) => renderComment(c, 1)));
  for (const c of pending) placePending(c);
  title.textContent = threadTitle(thread.count);
  if (replyingTo) startReply(replyingTo);
}

/** Shows a comment awaiting moderation where it will appear: under its parent, or at the end. */
function placePending(c) {
  const parent = c.parentId && document.getElementById(`comment-${c.parentId}`);
  const depth = parent ? Number(/depth-(\d+)/.exec(parent.className)?.[1] ?? 1) + 1 : 1;
  const node = renderComment(c, depth, true);
  if (parent) {
    let children = parent.querySelector(':scope > ol.children');
    if (!children) parent.append((children = el('ol', { class: 'children' })));
    children.append(node);
  } else {
    list.append(node);
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------
// Following the thread until pending comments are published
// ---------------------------------------------------------------------------------------------------

let pollTimer = 0;
let polls = 0;

function schedulePoll() {
  clearTimeout(pollTimer);
  if (pending.length === 0 && !awaitingNotice) return;
  // Quick at first (most comments are decided in well under a second), then patient: a held
  // comment waits for a moderator.
  const delay = polls < 30 ? 1000 : polls < 60 ? 3000 : 10000;
  pollTimer = setTimeout(poll, delay);
}

async function poll() {
  polls++;
  try {
    const response = await fetch(threadUrl, { cache: 'no-store', headers: { accept: 'application/json' } });
    if (response.ok) {
      const before = new Set(pending.map((c) => c.id));
      if (awaitingNotice) before.add(awaitingNotice.dataset.awaitingId);
      renderThread(await response.json());
      const published = [...before].filter(
        (id) => !pending.some((c) => c.id === id) && awaitingNotice?.dataset.awaitingId !== id,
      );
      if (published.length > 0) {
        status.textContent = 'Your comment has been published.';
        document.getElementById(`comment-${published[0]}`)?.classList.add('just-published');
      }
    }
  } catch {
    // Offline for a moment: try again on the next tick.
  }
  schedulePoll();
}

// ---------------------------------------------------------------------------------------------------
// Replying
// ---------------------------------------------------------------------------------------------------

function startReply(commentId) {
  const target = document.getElementById(`comment-${commentId}`);
  const link = target?.querySelector(':scope > .comment-body .comment-reply-link');
  // Gone, or taken down meanwhile (a placeholder has no Reply link): back to a top-level comment.
  if (!link) return cancel();
  parentInput.value = commentId;
  replyTitle.textContent = `Reply to ${link.dataset.author}`;
  cancelReply.hidden = false;
  target.querySelector(':scope > .comment-body').after(respond);
}

function cancel() {
  parentInput.value = '';
  replyTitle.textContent = 'Leave a Reply';
  cancelReply.hidden = true;
  respondHome.after(respond);
}

list.addEventListener('click', (event) => {
  const link = event.target.closest('.comment-reply-link');
  if (!link) return;
  event.preventDefault();
  startReply(link.dataset.replyTo);
  document.getElementById('comment').focus();
});

cancelReply.addEventListener('click', (event) => {
  event.preventDefault();
  // Back where the reader was: the Reply link that moved the form (the link itself leaves the page).
  const from = parentInput.value
    ? document.querySelector(`#comment-${CSS.escape(parentInput.value)} > .comment-body .comment-reply-link`)
    : null;
  cancel();
  (from ?? document.getElementById('comment'))?.focus();
});

// ---------------------------------------------------------------------------------------------------
// Posting
// ---------------------------------------------------------------------------------------------------

function describeError(responseStatus, body) {
  if (responseStatus === 400 && body && Array.isArray(body.message)) return body.message.join('. ') + '.';
  if (responseStatus === 413) return 'Your comment is too long.';
  if (responseStatus === 429) return 'You are commenting too quickly. Please wait a moment and try again.';
  if (responseStatus === 404) return 'Comments are not open on this site.';
  return 'Your comment could not be sent just now. Please try again in a moment.';
}

/** Whether a post is on its way to ingest: one at a time. */
let sending = false;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (sending || !form.reportValidity()) return;
  const value = (name) => form.elements.namedItem(name).value.trim();
  const submission = {
    siteId,
    articleId,
    parentId: parentInput.value || null,
    authorName: value('author'),
    authorEmail: value('email'),
    authorUrl: value('url') || null,
    content: value('comment'),
    honeypot: value('extra'),
  };
  // Marked busy, not disabled: disabling the focused button would drop a keyboard or screen reader
  // user's focus to the top of the page.
  sending = true;
  submitButton.setAttribute('aria-disabled', 'true');
  status.classList.remove('error');
  status.textContent = 'Sending…';
  try {
    const response = await fetch(`${ingestUrl}/v1/comments`, {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
    });
    const answer = await response.json().catch(() => null);
    if (response.status !== 202 || !answer || typeof answer.id !== 'string') {
      status.classList.add('error');
      status.textContent = describeError(response.status, answer);
      return;
    }
    const comment = {
      id: answer.id,
      parentId: submission.parentId,
      authorName: submission.authorName,
      authorUrl: submission.authorUrl,
      content: submission.content,
      createdAt: new Date().toISOString(),
      replies: [],
    };
    pending.push(comment);
    savePending(pending);
    form.elements.namedItem('comment').value = '';
    cancel();
    const node = placePending(comment);
    node.scrollIntoView({ block: 'center' });
    // The reader goes on from their comment (a reply's form has moved back, taking the focus with it).
    const body = node.querySelector(':scope > .comment-body');
    if (body instanceof HTMLElement) {
      body.tabIndex = -1;
      body.focus({ preventScroll: true });
    }
    status.textContent = 'Thank you. Your comment is awaiting moderation.';
    polls = 0;
    schedulePoll();
  } catch {
    status.classList.add('error');
    status.textContent = describeError(0, null);
  } finally {
    sending = false;
    submitButton.removeAttribute('aria-disabled');
  }
});

// A reload while comments were waiting: show them and keep following the thread.
if (pending.length > 0 || awaitingNotice) void poll();
