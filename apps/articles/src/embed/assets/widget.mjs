// The Replyguard comments widget: an article's published thread and WordPress's "Leave a Reply"
// form, rendered into a shadow root on a site's own page (another origin than the services'). It
// reads the thread from the article service (v3, a page at a time), posts to ingest, and follows
// the reader's own comment on the moderation service until it is decided. Comment data reaches the
// page only as text nodes and DOM attributes, never as markup. Loaded by comments.js; speaks the
// page's language (widget-strings.mjs), and follows a single-page app's containers as they come,
// change and go (`window.Replyguard`).

import { authorNode, commentText, el, formatDate, initial } from './comment-dom.mjs';
import { STRINGS, chooseLanguage, fill, plural, waitText } from './widget-strings.mjs';
import { WIDGET_CSS } from './widget-styles.mjs';

/**
 * `/embed/v1/config.json` (embed-config.ts).
 * @typedef {{ ingestUrl: string, moderationUrl: string, maxReplyDepth: number }} EmbedConfig
 */
/**
 * A comment as thread v2 and v3 give it.
 * @typedef {object} ThreadComment
 * @property {string} id
 * @property {string | null} parentId
 * @property {'published' | 'removed'} [state]
 * @property {string | null} authorName
 * @property {string | null} authorUrl
 * @property {string | null} content
 * @property {string} createdAt
 * @property {ThreadComment[]} [replies]
 */
/** @typedef {{ count: number, comments: ThreadComment[], nextCursor: string | null }} ThreadPage */
/**
 * A comment this reader sent from this tab, kept in sessionStorage until the thread shows it.
 * @typedef {object} OwnComment
 * @property {string} id
 * @property {string | null} parentId
 * @property {string} authorName
 * @property {string | null} authorUrl
 * @property {string} content
 * @property {string} createdAt
 * @property {'pending' | 'held' | 'approved'} status
 */
/** @typedef {'pending' | 'held' | 'approved' | 'rejected'} OwnStatus */
/** @typedef {import('./widget-strings.mjs').Strings} Strings */
/** @typedef {import('./widget-strings.mjs').Language} Language */
/**
 * What a container asks for, read from its attributes: a change to any of it renders the thread anew.
 * @typedef {object} Settings
 * @property {string} siteId
 * @property {string} articleId
 * @property {number} pageSize
 * @property {Language} language the widget's words
 * @property {string} locale its numbers and dates
 * @property {string} contentLang the language the comments are written in, as the page says it ('' unknown)
 * @property {number | null} maxReplyDepth the container's own, over config.json's
 */
/**
 * `window.Replyguard`: for a page that renders, moves or replaces containers itself.
 * @typedef {object} ReplyguardApi
 * @property {(element: Element) => void} mount renders the element's thread (again, if its attributes changed)
 * @property {(element: Element) => void} unmount stops it (no more requests) and empties it
 * @property {(root?: ParentNode) => void} mountAll renders every `[data-replyguard]` under root not rendered yet
 */

/** The documented rule: every element with this attribute, `data-site-id` and `data-article-id`. */
export const CONTAINER_SELECTOR = '[data-replyguard]';
const DEFAULT_PAGE_SIZE = 50;
/** Most comments are decided in well under a second; a held one waits for a moderator, not for us. */
const FOLLOW_FOR_MS = 5 * 60 * 1000;
const FIRST_CHECK_MS = 1000;
const LONGEST_CHECK_MS = 30000;
/** A comment still awaiting moderation is shown to its writer for a day at most. */
const KEEP_FOR_MS = 24 * 60 * 60 * 1000;
const AUTHOR_REL = 'nofollow ugc noopener';
/** The attributes that change what a container shows (`lang` on it or any ancestor: its language). */
const WATCHED_ATTRIBUTES = [
  'data-replyguard',
  'data-site-id',
  'data-article-id',
  'data-page-size',
  'data-lang',
  'data-max-reply-depth',
  'lang',
];

/** The ingest field a 400 names, and the form field it is. */
const FORM_FIELDS = /** @type {const} */ ({
  content: 'comment',
  authorName: 'author',
  authorEmail: 'email',
  authorUrl: 'url',
});

/**
 * Every rendered container, with what it was rendered from. Entries leave when their container
 * does, so a single-page app's old articles keep no widget, timer or request alive.
 * @type {Map<HTMLElement, { widget: CommentsWidget, key: string }>}
 */
const widgets = new Map();
/** @type {Map<string, Promise<EmbedConfig>>} */
const configs = new Map();
/** @type {CSSStyleSheet | undefined} */
let sheet;
/** The article service, from the first comments.js that ran. @type {string | undefined} */
let serviceUrl;
/** @type {MutationObserver | undefined} */
let observer;

/**
 * comments.js's entry point (its name kept, so a cached comments.js and a newer widget.mjs still
 * meet): publishes `window.Replyguard`, renders every container on the page, now and once the page
 * is parsed (an async script may run before the container is in the document), and from then on
 * those added later, changed or removed. A second comments.js on the page only renders the new ones.
 * @param {string} scriptUrl where comments.js was loaded from: the article service
 */
export function mountAll(scriptUrl) {
  serviceUrl ??= scriptUrl;
  /** @type {ReplyguardApi} */
  const api = { mount, unmount, mountAll: mountUnder };
  /** @type {Window & { Replyguard?: ReplyguardApi }} */ (window).Replyguard ??= api;
  mountUnder(document);
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => mountUnder(document), { once: true });
  observe();
}

/**
 * Renders every `[data-replyguard]` element under root (root itself too) not rendered yet.
 * @param {ParentNode} [root]
 */
function mountUnder(root = document) {
  if (root instanceof HTMLElement && root.matches(CONTAINER_SELECTOR) && !widgets.has(root)) mount(root);
  for (const container of root.querySelectorAll(CONTAINER_SELECTOR))
    if (container instanceof HTMLElement && !widgets.has(container)) mount(container);
}

/**
 * Renders the element's thread, as its attributes say; again, from scratch, if they changed since.
 * @param {Element} element
 */
function mount(element) {
  if (!(element instanceof HTMLElement) || !serviceUrl) return;
  const settings = readSettings(element);
  const key = JSON.stringify(settings);
  const current = widgets.get(element);
  if (current?.key === key) return;
  if (current) unmount(element);
  const widget = new CommentsWidget(element, serviceUrl, settings);
  widgets.set(element, { widget, key });
  widget.start();
}

/**
 * Stops the element's widget (its timers, its requests) and empties it.
 * @param {Element} element
 */
function unmount(element) {
  if (!(element instanceof HTMLElement)) return;
  const current = widgets.get(element);
  if (!current) return;
  widgets.delete(element);
  current.widget.stop();
}

/**
 * Follows the page: containers added later are rendered, a rendered one whose attributes (or
 * language) changed is rendered anew, and one that left the document is stopped. Only the document's
 * own tree is seen, not other shadow roots: a page that puts containers there calls mount/unmount.
 */
function observe() {
  if (observer) return;
  observer = new MutationObserver((records) => {
    let changed = false;
    let removed = false;
    /** @type {Element[]} */
    const added = [];
    for (const record of records) {
      if (record.type === 'attributes') {
        changed = true;
        if (record.target instanceof Element && record.target.matches(CONTAINER_SELECTOR))
          added.push(record.target);
      } else {
        if (record.removedNodes.length > 0) removed = true;
        for (const node of record.addedNodes) if (node instanceof Element) added.push(node);
      }
    }
    // Looked at as they are now: a container moved within the page is still connected, and stays.
    if (removed || changed)
      for (const [container, { key }] of [...widgets]) {
        if (!container.isConnected) unmount(container);
        else if (changed && JSON.stringify(readSettings(container)) !== key) mount(container);
      }
    for (const node of added) if (node.isConnected) mountUnder(node);
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
}

/**
 * @param {HTMLElement} container
 * @returns {Settings}
 */
function readSettings(container) {
  const size = Number(container.dataset.pageSize);
  const depth = Number(container.dataset.maxReplyDepth);
  const requested = container.dataset.lang?.trim() ?? '';
  // The container's language as HTML has it: its own lang, else its nearest ancestor's.
  const inherited = container.closest('[lang]')?.getAttribute('lang')?.trim() ?? '';
  const { language, locale } = chooseLanguage(requested, inherited);
  return {
    siteId: container.dataset.siteId ?? '',
    articleId: container.dataset.articleId ?? '',
    pageSize: Number.isInteger(size) && size >= 1 && size <= 100 ? size : DEFAULT_PAGE_SIZE,
    language,
    locale,
    contentLang: requested || inherited,
    // As a site's policy allows it (1–1000).
    maxReplyDepth: Number.isInteger(depth) && depth >= 1 && depth <= 1000 ? depth : null,
  };
}

/**
 * @param {string} scriptUrl
 * @returns {Promise<EmbedConfig>}
 */
function loadConfig(scriptUrl) {
  const url = new URL('config.json', scriptUrl).href;
  let config = configs.get(url);
  if (!config) {
    config = fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } }).then(async (r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      const body = /** @type {EmbedConfig} */ (await r.json());
      return { ...body, ingestUrl: trimSlash(body.ingestUrl), moderationUrl: trimSlash(body.moderationUrl) };
    });
    configs.set(url, config);
    // A failure is not remembered: the next widget, or the next try, asks again.
    config.catch(() => configs.delete(url));
  }
  return config;
}

/** @param {string} url */
const trimSlash = (url) => url.replace(/\/+$/, '');

/**
 * The container's shadow root: its own, made once, and used again when the container is rendered anew.
 * @param {HTMLElement} node
 */
function shadowOf(node) {
  const root = node.shadowRoot ?? node.attachShadow({ mode: 'open' });
  root.replaceChildren();
  if ('adoptedStyleSheets' in root) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(WIDGET_CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    /** @type {ShadowRoot} */ (root).append(el('style', {}, WIDGET_CSS));
  }
  return root;
}

/**
 * What to tell the reader for an answer of ingest other than 202.
 * @param {Strings} t
 * @param {string} locale
 * @param {number} status 0: no answer at all
 * @param {unknown} body
 * @param {number | null} [retryAfter] seconds, from a 429's Retry-After (ingest exposes it to pages)
 */
function describeFailure(t, locale, status, body, retryAfter = null) {
  const code = body && typeof body === 'object' && 'code' in body ? String(body.code) : '';
  switch (status) {
    case 0:
      return t.noAnswer;
    case 403:
      return code === 'ORIGIN_NOT_ALLOWED' ? t.originNotAllowed : t.refused;
    case 404:
      return t.closed;
    case 413:
      return t.tooLong;
    case 429:
      return retryAfter !== null && retryAfter > 0 && retryAfter < 3600
        ? fill(t.tooFastWait, { wait: waitText(t, locale, retryAfter) })
        : t.tooFast;
    case 503:
      return t.unavailable;
    default:
      return t.failed;
  }
}

/**
 * The message for a form field ingest refused, in WordPress's words where it has them.
 * @param {Strings} t
 * @param {keyof typeof FORM_FIELDS} field
 * @param {string[]} rules
 */
function fieldMessage(t, field, rules) {
  const missing = rules.includes('isDefined') || rules.includes('isNotEmpty') || rules.includes('minLength');
  const tooLong = rules.includes('maxLength');
  switch (field) {
    case 'content':
    case 'authorName': {
      const texts = t.fields[field];
      return missing ? texts.missing : tooLong ? texts.tooLong : texts.invalid;
    }
    case 'authorEmail':
      return missing ? t.fields.authorEmail.missing : t.fields.authorEmail.invalid;
    case 'authorUrl':
      return tooLong ? t.fields.authorUrl.tooLong : t.fields.authorUrl.invalid;
  }
}

/**
 * The widget's elements, empty: title, status, list, "Show more comments" and the form.
 * @param {Strings} t
 * @param {Language} language the root's `lang`, so that screen readers speak its words right
 */
function buildView(t, language) {
  /**
   * A labelled field with its error message, described by both.
   * @param {'comment' | 'author' | 'email' | 'url'} name
   * @param {string} label
   * @param {HTMLInputElement | HTMLTextAreaElement} input
   * @param {boolean} required
   * @param {string} [note] the id of a note that describes the field
   */
  const field = (name, label, input, required, note) => {
    const error = el('span', { class: 'field-error', id: `${name}-error`, hidden: '' });
    input.id = name;
    input.name = name;
    if (required) input.setAttribute('aria-required', 'true');
    input.setAttribute('aria-describedby', note ? `${note} ${name}-error` : `${name}-error`);
    const labelNode = el('label', { for: name }, label);
    if (required) labelNode.append(' ', el('span', { class: 'required', 'aria-hidden': 'true' }, '*'));
    return el('p', { class: `comment-form-${name}` }, labelNode, input, error);
  };
  const title = el('h2', { class: 'comments-title', id: 'comments-title' }, t.title);
  const loadStatus = el('p', { class: 'load-status', role: 'status' }, t.loading);
  const list = el('ol', { class: 'comment-list' });
  const more = el('button', { type: 'button', class: 'show-more', hidden: '' }, t.showMore);
  // Beside the button: a page that could not be read is said where the reader asked for it.
  const moreStatus = el('p', { class: 'more-status', role: 'status' });
  const replyTitle = el('span', { class: 'reply-title-text' }, t.leaveReply);
  const cancel = el(
    'button',
    { type: 'button', class: 'link-button cancel-reply', hidden: '' },
    t.cancelReply,
  );
  const status = el('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const submitButton = el('button', { type: 'submit', class: 'submit' }, t.postComment);
  const form = el(
    'form',
    // Ingest decides what is valid, and its answer names the field: one set of messages.
    { class: 'comment-form', novalidate: '' },
    el(
      'p',
      { class: 'comment-notes' },
      el('span', { id: 'email-notes' }, t.emailNotes),
      ' ',
      el(
        'span',
        { class: 'required-field-message' },
        t.requiredNote[0],
        el('span', { class: 'required' }, '*'),
        t.requiredNote[1],
      ),
    ),
    field('comment', t.labels.comment, el('textarea', { rows: '6', maxlength: '10000' }), true),
    field(
      'author',
      t.labels.author,
      el('input', { type: 'text', maxlength: '245', autocomplete: 'name' }),
      true,
    ),
    field(
      'email',
      t.labels.email,
      el('input', { type: 'email', maxlength: '254', autocomplete: 'email' }),
      true,
      'email-notes',
    ),
    field('url', t.labels.url, el('input', { type: 'url', maxlength: '200', autocomplete: 'url' }), false),
    el(
      'p',
      { class: 'comment-form-extra', 'aria-hidden': 'true' },
      el('label', { for: 'extra' }, t.honeypot),
      el('input', { id: 'extra', name: 'extra', type: 'text', tabindex: '-1', autocomplete: 'off' }),
    ),
    el('p', { class: 'form-submit' }, submitButton),
    status,
  );
  const respond = el(
    'div',
    { class: 'comment-respond' },
    el('h3', { class: 'comment-reply-title' }, replyTitle, ' ', el('small', {}, cancel)),
    form,
  );
  const area = el(
    'section',
    { class: 'comments-area', 'aria-labelledby': 'comments-title', lang: language },
    title,
    loadStatus,
    list,
    more,
    moreStatus,
    respond,
  );
  return {
    area,
    title,
    loadStatus,
    list,
    more,
    moreStatus,
    respond,
    replyTitle,
    cancel,
    form,
    submitButton,
    status,
  };
}

/** One article's comments in one container. */
class CommentsWidget {
  /**
   * @param {HTMLElement} container
   * @param {string} scriptUrl
   * @param {Settings} settings
   */
  constructor(container, scriptUrl, settings) {
    this.siteId = settings.siteId;
    this.articleId = settings.articleId;
    this.pageSize = settings.pageSize;
    this.t = STRINGS[settings.language];
    this.locale = settings.locale;
    this.maxReplyDepthOverride = settings.maxReplyDepth;
    // Comments are in the page's language, which the widget's words may not be (an English widget on
    // a Spanish page): marked so, '' when the page does not say (HTML's "unknown").
    const contentPrimary = settings.contentLang.split(/[-_]/)[0].toLowerCase();
    /** @type {string | null} */
    this.contentLang = contentPrimary === settings.language ? null : settings.contentLang;
    this.scriptUrl = scriptUrl;
    // The article service, as the script's address says (a path prefix behind a proxy included).
    this.threadUrl = new URL(
      `../../v3/sites/${encodeURIComponent(this.siteId)}/articles/${encodeURIComponent(this.articleId)}/comments`,
      scriptUrl,
    ).href;
    this.storageKey = `replyguard.embed.pending.${this.siteId}/${this.articleId}`;
    this.root = shadowOf(container);
    /** @type {EmbedConfig | null} */
    this.config = null;
    this.maxReplyDepth = Infinity;
    /** @type {string | null} */
    this.nextCursor = null;
    /** Every comment on the page by id: the thread's and the reader's own. @type {Map<string, HTMLLIElement>} */
    this.nodes = new Map();
    /** @type {OwnComment[]} */
    this.own = this.loadOwn();
    /** @type {string | null} */
    this.replyTo = null;
    /** Whether the first page has been shown. */
    this.loaded = false;
    /** Whether a post is on its way to ingest. */
    this.sending = false;
    /** Unmounted, or rendered anew for other attributes: nothing more to do or show. */
    this.stopped = false;
    /** The follow-up checks of the reader's own comments. @type {Set<ReturnType<typeof setTimeout>>} */
    this.timers = new Set();
    /** Cancels the thread's and moderation's reads in flight when the widget stops. */
    this.aborter = new AbortController();
    /** The published comments the title counts: the thread's, and the reader's own published since. */
    this.count = 0;
    const view = buildView(this.t, settings.language);
    this.area = view.area;
    this.title = view.title;
    this.loadStatus = view.loadStatus;
    this.list = view.list;
    this.more = view.more;
    this.moreStatus = view.moreStatus;
    this.respond = view.respond;
    this.replyTitle = view.replyTitle;
    this.cancel = view.cancel;
    this.form = view.form;
    this.submitButton = view.submitButton;
    this.status = view.status;
    this.more.addEventListener('click', () => void this.showMore());
    this.list.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('.comment-reply-link') : null;
      if (target instanceof HTMLElement && target.dataset.replyTo)
        this.startReply(target.dataset.replyTo, true);
    });
    this.cancel.addEventListener('click', () => this.cancelReply(true));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.root.append(this.area);
  }

  start() {
    if (!this.siteId || !this.articleId) {
      this.loadFailed(this.t.noIds, false);
      this.respond.hidden = true;
      return;
    }
    loadConfig(this.scriptUrl).then(
      (config) => {
        if (this.stopped) return;
        this.config = config;
        const depth = this.maxReplyDepthOverride ?? config.maxReplyDepth;
        this.maxReplyDepth = depth > 0 ? depth : Infinity;
        void this.showMore();
      },
      () => {
        if (!this.stopped) this.loadFailed(this.t.loadFailed, true);
      },
    );
  }

  /** For good: no more timers or requests, and the container emptied (its shadow root stays, empty). */
  stop() {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.aborter.abort();
    this.root.replaceChildren();
  }

  /**
   * @param {number} count published comments, replies included
   */
  threadTitle(count) {
    return count === 0 ? this.t.noComments : plural(this.locale, this.t.commentCount, count);
  }

  /**
   * @param {string} message
   * @param {boolean} retry offer to try again
   */
  loadFailed(message, retry) {
    this.loadStatus.hidden = false;
    this.loadStatus.classList.add('error');
    this.loadStatus.replaceChildren(message);
    if (retry) {
      const again = el('button', { type: 'button', class: 'link-button' }, this.t.tryAgain);
      again.addEventListener('click', () => {
        this.loadStatus.classList.remove('error');
        this.loadStatus.replaceChildren(this.t.loading);
        if (this.config) void this.showMore();
        else this.start();
      });
      this.loadStatus.append(' ', again);
    }
  }

  /** The first page, or the next one ("Show more comments"). */
  async showMore() {
    const first = !this.loaded;
    const url = new URL(this.threadUrl);
    url.searchParams.set('limit', String(this.pageSize));
    if (this.nextCursor) url.searchParams.set('cursor', this.nextCursor);
    this.more.disabled = true;
    this.more.setAttribute('aria-busy', 'true');
    /** @type {ThreadPage} */
    let page;
    try {
      const response = await fetch(url, {
        credentials: 'omit',
        headers: { accept: 'application/json' },
        signal: this.aborter.signal,
      });
      if (!response.ok) throw new Error(String(response.status));
      page = /** @type {ThreadPage} */ (await response.json());
    } catch {
      if (this.stopped) return;
      if (first) this.loadFailed(this.t.loadFailed, true);
      // Not at the top of the thread, out of sight: under the button, which tries again.
      else this.moreStatus.textContent = this.t.moreFailed;
      return;
    } finally {
      this.more.disabled = false;
      this.more.removeAttribute('aria-busy');
    }
    if (this.stopped) return;
    this.loadStatus.hidden = true;
    this.moreStatus.textContent = '';
    this.loaded = true;
    const added = this.renderPage(page);
    // A keyboard or screen reader user who asked for more goes on at the first comment it brought.
    const body = added?.querySelector(':scope > .comment-body');
    if (!first && body instanceof HTMLElement) body.focus();
    if (first) this.followOwn();
  }

  /**
   * @param {ThreadPage} page
   * @returns {HTMLLIElement | undefined} the first comment it added
   */
  renderPage(page) {
    const replyingTo = this.replyTo;
    if (replyingTo) this.cancelReply(false);
    const items = page.comments.map((c) => this.renderThreadComment(c, 1));
    this.list.append(...items);
    this.count = page.count;
    this.title.textContent = this.threadTitle(this.count);
    this.nextCursor = page.nextCursor;
    this.more.hidden = page.nextCursor === null;
    this.placeOwn();
    if (replyingTo) this.startReply(replyingTo, false);
    return items[0];
  }

  /**
   * A comment of the thread, and its replies.
   * @param {ThreadComment} c
   * @param {number} depth
   * @returns {HTMLLIElement}
   */
  renderThreadComment(c, depth) {
    // The reader's own comment, shown here before the thread had it: the thread's copy replaces it.
    this.nodes.get(c.id)?.remove();
    const removed = c.state === 'removed' || c.authorName === null || c.content === null;
    const li = removed
      ? this.renderRemoved(c, depth)
      : this.renderComment(
          {
            id: c.id,
            authorName: c.authorName ?? '',
            authorUrl: c.authorUrl,
            content: c.content ?? '',
            createdAt: c.createdAt,
          },
          depth,
          null,
        );
    const replies = c.replies ?? [];
    if (replies.length > 0)
      li.append(
        el('ol', { class: 'children' }, ...replies.map((r) => this.renderThreadComment(r, depth + 1))),
      );
    this.nodes.set(c.id, li);
    return li;
  }

  /**
   * A taken-down comment kept so its replies stay in place: no author, no text, no Reply.
   * @param {ThreadComment} c
   * @param {number} depth
   */
  renderRemoved(c, depth) {
    return el(
      'li',
      { class: `comment depth-${depth} removed`, 'data-comment-id': c.id, 'data-depth': String(depth) },
      el(
        'article',
        { class: 'comment-body', tabindex: '-1' },
        el('div', { class: 'comment-content' }, el('p', { class: 'comment-removed' }, this.t.removed)),
      ),
    );
  }

  /**
   * A published comment, or the reader's own one (`own`: what the reader is told about it).
   * @param {{ id: string, authorName: string, authorUrl: string | null, content: string, createdAt: string }} c
   * @param {number} depth
   * @param {OwnStatus | null} own
   * @returns {HTMLLIElement}
   */
  renderComment(c, depth, own) {
    const waiting = own === 'pending' || own === 'held';
    const meta = el(
      'footer',
      { class: 'comment-meta' },
      el(
        'div',
        { class: 'comment-author' },
        el('span', { class: 'avatar', 'aria-hidden': 'true' }, initial(c.authorName)),
        el('b', { class: 'fn' }, authorNode(c.authorName, c.authorUrl, AUTHOR_REL)),
        ' ',
        el('span', { class: 'says' }, this.t.says),
      ),
      el(
        'div',
        { class: 'comment-metadata' },
        el('time', { datetime: c.createdAt }, formatDate(c.createdAt, this.locale)),
      ),
    );
    if (waiting) meta.append(el('em', { class: 'comment-awaiting-moderation' }, this.t.awaiting));
    if (own === 'rejected') meta.append(el('em', { class: 'comment-not-published' }, this.t.notPublished));
    const content = el('div', { class: 'comment-content' }, ...commentText(c.content));
    if (this.contentLang !== null) content.lang = this.contentLang;
    const article = el('article', { class: 'comment-body', tabindex: '-1' }, meta, content);
    if (own === null || own === 'approved') {
      if (depth < this.maxReplyDepth) {
        const reply = el(
          'button',
          {
            type: 'button',
            class: 'link-button comment-reply-link',
            'data-reply-to': c.id,
            'data-author': c.authorName,
            'aria-label': fill(this.t.replyTo, { name: c.authorName }),
          },
          this.t.reply,
        );
        article.append(el('div', { class: 'reply' }, reply));
      }
    }
    const classes = ['comment', `depth-${depth}`];
    if (waiting) classes.push('pending');
    if (own === 'rejected') classes.push('not-published');
    if (own !== null) classes.push('own');
    return el(
      'li',
      { class: classes.join(' '), 'data-comment-id': c.id, 'data-depth': String(depth) },
      article,
    );
  }

  // -------------------------------------------------------------------------------------------------
  // The reader's own comments: shown where they will appear, followed until decided
  // -------------------------------------------------------------------------------------------------

  /** @returns {OwnComment[]} */
  loadOwn() {
    try {
      const stored = JSON.parse(sessionStorage.getItem(this.storageKey) ?? '[]');
      if (!Array.isArray(stored)) return [];
      return /** @type {OwnComment[]} */ (stored).filter(
        (c) => c && typeof c.id === 'string' && Date.now() - Date.parse(c.createdAt) < KEEP_FOR_MS,
      );
    } catch {
      return [];
    }
  }

  saveOwn() {
    try {
      if (this.own.length === 0) sessionStorage.removeItem(this.storageKey);
      else sessionStorage.setItem(this.storageKey, JSON.stringify(this.own));
    } catch {
      // Storage off or full: the comment is still shown until this page is left.
    }
  }

  /**
   * Puts the reader's own comments the thread does not show yet where they will appear: under their
   * parent, or at the end of what is loaded. Those the thread shows now are forgotten.
   */
  placeOwn() {
    const before = this.own.length;
    this.own = this.own.filter(
      (c) => !this.nodes.get(c.id) || this.nodes.get(c.id)?.classList.contains('own'),
    );
    if (this.own.length !== before) this.saveOwn();
    for (const c of this.own) this.placeOwnComment(c, c.status);
  }

  /**
   * @param {OwnComment} c
   * @param {OwnStatus} status
   */
  placeOwnComment(c, status) {
    const old = this.nodes.get(c.id);
    const parent = c.parentId ? this.nodes.get(c.parentId) : undefined;
    const depth = parent ? Number(parent.dataset.depth) + 1 : 1;
    const node = this.renderComment(c, depth, status);
    // Its replies (the reader answered their own approved comment) go with it.
    const children = old?.querySelector(':scope > ol.children');
    if (children) node.append(children);
    if (old?.isConnected && old.parentElement !== this.list) old.replaceWith(node);
    else {
      old?.remove();
      if (parent) {
        let list = parent.querySelector(':scope > ol.children');
        if (!list) parent.append((list = el('ol', { class: 'children' })));
        list.append(node);
      } else {
        this.list.append(node);
      }
    }
    this.nodes.set(c.id, node);
    return node;
  }

  /** After the first page: asks once about every comment still waiting, and follows the recent ones. */
  followOwn() {
    for (const c of this.own) if (c.status !== 'approved') void this.check(c, 0);
  }

  /**
   * @param {OwnComment} c
   * @param {number} attempt
   */
  schedule(c, attempt) {
    if (this.stopped || Date.now() - Date.parse(c.createdAt) >= FOLLOW_FOR_MS) return;
    const delay = Math.min(FIRST_CHECK_MS * 1.5 ** attempt, LONGEST_CHECK_MS);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.check(c, attempt + 1);
    }, delay);
    this.timers.add(timer);
  }

  /**
   * Asks moderation how the comment was decided: approved, it becomes a normal comment; held, it
   * stays awaiting moderation; rejected, the reader is told it was not published.
   * @param {OwnComment} c
   * @param {number} attempt
   */
  async check(c, attempt) {
    if (this.stopped || !this.config || !this.own.includes(c)) return;
    /** @type {unknown} */
    let status;
    try {
      const response = await fetch(`${this.config.moderationUrl}/v1/comments/${encodeURIComponent(c.id)}`, {
        credentials: 'omit',
        cache: 'no-store',
        headers: { accept: 'application/json' },
        signal: this.aborter.signal,
      });
      if (response.ok) status = /** @type {{ status?: unknown }} */ (await response.json()).status;
    } catch {
      // Offline for a moment: ask again on the next tick.
    }
    if (this.stopped || !this.own.includes(c)) return;
    if (status === 'approved') {
      c.status = 'approved';
      this.saveOwn();
      this.placeOwnComment(c, 'approved');
      // Published now: the title counts it, as the thread's next page will ("No comments yet" above
      // it would say otherwise).
      this.count += 1;
      this.title.textContent = this.threadTitle(this.count);
      this.announce(this.t.published);
      return;
    }
    if (status === 'rejected') {
      this.own = this.own.filter((o) => o !== c);
      this.saveOwn();
      this.placeOwnComment(c, 'rejected');
      this.announce(this.t.notPublished, true);
      return;
    }
    if (status === 'held' && c.status !== 'held') {
      c.status = 'held';
      this.saveOwn();
    }
    this.schedule(c, attempt);
  }

  // -------------------------------------------------------------------------------------------------
  // Replying
  // -------------------------------------------------------------------------------------------------

  /**
   * Moves the form under a comment to answer it.
   * @param {string} id
   * @param {boolean} focus
   */
  startReply(id, focus) {
    const target = this.nodes.get(id);
    const link = target?.querySelector(':scope > .comment-body .comment-reply-link');
    if (!target?.isConnected || !(link instanceof HTMLElement)) return this.cancelReply(false);
    this.replyTo = id;
    this.replyTitle.textContent = fill(this.t.replyTo, { name: link.dataset.author ?? '' });
    this.cancel.hidden = false;
    target.querySelector(':scope > .comment-body')?.after(this.respond);
    if (focus) this.field('comment').focus();
  }

  /**
   * Back to a top-level comment, the form at the end of the thread.
   * @param {boolean} focus back on the Reply button that moved the form
   */
  cancelReply(focus) {
    const from = this.replyTo ? this.nodes.get(this.replyTo) : undefined;
    this.replyTo = null;
    this.replyTitle.textContent = this.t.leaveReply;
    this.cancel.hidden = true;
    this.area.append(this.respond);
    if (focus) {
      const link = from?.querySelector(':scope > .comment-body .comment-reply-link');
      if (link instanceof HTMLElement) link.focus();
      else this.field('comment').focus();
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Posting
  // -------------------------------------------------------------------------------------------------

  /**
   * @param {'comment' | 'author' | 'email' | 'url' | 'extra'} name
   * @returns {HTMLInputElement | HTMLTextAreaElement}
   */
  field(name) {
    return /** @type {HTMLInputElement | HTMLTextAreaElement} */ (this.form.elements.namedItem(name));
  }

  /**
   * @param {string} message
   * @param {boolean} [error]
   */
  announce(message, error = false) {
    this.status.classList.toggle('error', error);
    this.status.textContent = message;
  }

  clearErrors() {
    for (const name of Object.values(FORM_FIELDS)) {
      const input = this.field(name);
      input.removeAttribute('aria-invalid');
      const error = this.root.getElementById(`${name}-error`);
      if (error) {
        error.hidden = true;
        error.textContent = '';
      }
    }
  }

  /**
   * Shows ingest's 400 at the fields it names; true when it named one of the form's.
   * @param {unknown} body
   */
  showFieldErrors(body) {
    const fields =
      body && typeof body === 'object' && 'fields' in body && Array.isArray(body.fields)
        ? /** @type {{ field?: unknown, rules?: unknown }[]} */ (body.fields)
        : [];
    /** @type {Set<keyof typeof FORM_FIELDS>} */
    const invalid = new Set();
    for (const violation of fields) {
      const field = String(violation.field);
      if (!(field in FORM_FIELDS)) continue;
      const key = /** @type {keyof typeof FORM_FIELDS} */ (field);
      const name = FORM_FIELDS[key];
      const input = this.field(name);
      const error = this.root.getElementById(`${name}-error`);
      input.setAttribute('aria-invalid', 'true');
      if (error) {
        error.textContent = fieldMessage(
          this.t,
          key,
          Array.isArray(violation.rules) ? violation.rules.map(String) : [],
        );
        error.hidden = false;
      }
      invalid.add(key);
    }
    // Focus goes to the first field at fault as the form orders them (FORM_FIELDS' order), not as
    // ingest happens to list them: a reader who tabs on meets the others next.
    const first = /** @type {(keyof typeof FORM_FIELDS)[]} */ (Object.keys(FORM_FIELDS)).find((k) =>
      invalid.has(k),
    );
    if (first) this.field(FORM_FIELDS[first]).focus();
    return first !== undefined;
  }

  async submit() {
    // One post at a time. The button is marked busy, not disabled: disabling the focused button would
    // drop a keyboard or screen reader user's focus to the top of the document.
    if (this.sending) return;
    const config = this.config;
    if (!config) {
      this.announce(this.t.cannotPostYet, true);
      return;
    }
    this.clearErrors();
    /** @param {'comment' | 'author' | 'email' | 'url' | 'extra'} name */
    const value = (name) => this.field(name).value.trim();
    const submission = {
      siteId: this.siteId,
      articleId: this.articleId,
      parentId: this.replyTo,
      authorName: value('author'),
      authorEmail: value('email'),
      authorUrl: value('url') || null,
      content: value('comment'),
      honeypot: value('extra'),
    };
    this.sending = true;
    this.submitButton.setAttribute('aria-disabled', 'true');
    this.announce(this.t.sending);
    /** @type {number} */
    let status = 0;
    /** @type {unknown} */
    let answer = null;
    /** @type {number | null} */
    let retryAfter = null;
    try {
      const response = await fetch(`${config.ingestUrl}/v1/comments`, {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(submission),
      });
      status = response.status;
      const wait = Number(response.headers.get('retry-after') ?? '');
      retryAfter = Number.isFinite(wait) && wait > 0 ? wait : null;
      answer = await response.json().catch(() => null);
    } catch {
      status = 0;
    } finally {
      this.sending = false;
      this.submitButton.removeAttribute('aria-disabled');
    }
    const id = answer && typeof answer === 'object' && 'id' in answer ? answer.id : undefined;
    if (status === 202 && typeof id === 'string') {
      /** @type {OwnComment} */
      const comment = {
        id,
        parentId: submission.parentId,
        authorName: submission.authorName,
        authorUrl: submission.authorUrl,
        content: submission.content,
        createdAt: new Date().toISOString(),
        status: 'pending',
      };
      this.own.push(comment);
      this.saveOwn();
      // Rendered anew meanwhile (another article, say): the comment is kept for its own article's
      // thread, where it shows when the reader comes back; this widget shows nothing more.
      if (this.stopped) return;
      this.field('comment').value = '';
      this.cancelReply(false);
      const node = this.placeOwnComment(comment, 'pending');
      node.scrollIntoView({ block: 'nearest' });
      // The reader goes on from their comment, where WordPress's reload would take them; a reply's
      // form has moved back to the end of the thread, taking the focus it held with it.
      const body = node.querySelector(':scope > .comment-body');
      if (body instanceof HTMLElement) body.focus({ preventScroll: true });
      this.announce(`${this.t.thanks} ${this.t.awaiting}`);
      this.schedule(comment, 0);
      return;
    }
    if (this.stopped) return;
    if (status === 400 && this.showFieldErrors(answer)) {
      this.announce(this.t.notPostedFields, true);
      return;
    }
    if (status === 400) {
      // Ingest's own words, in English: what it refused that the form has no field for.
      const messages =
        answer && typeof answer === 'object' && 'message' in answer && Array.isArray(answer.message)
          ? answer.message.map(String)
          : [];
      this.announce(`${this.t.notPosted} ${messages.join('. ')}`.trim(), true);
      return;
    }
    this.announce(describeFailure(this.t, this.locale, status, answer, retryAfter), true);
  }
}
