// Replyguard moderator console. Plain browser JavaScript, no build step.
// Every piece of comment data reaches the page through textContent or an attribute set by the DOM
// API, never through innerHTML: a comment is text, whatever it contains.

const TOKEN_KEY = 'replyguard.console.token';
const SITE_KEY = 'replyguard.console.site';
const PAGE_SIZE = 50;

const ACTION_LABELS = {
  approve: 'Approved',
  reject: 'Rejected',
  spam: 'Marked as spam',
  ham: 'Marked as not spam',
};
const STATUS_TABS = ['held', 'reported', 'rejected', 'approved'];
/** The queues whose counts the tabs show (GET /v1/moderation/queue/summary): those that wait for a moderator. */
const SUMMARY_TABS = ['held', 'reported'];
/**
 * How often the counts are read while the page is visible: every 30 s, or every `?poll=<seconds>`
 * (1-3600) of the console's address, for a wall screen that may ask less often or a test that cannot wait.
 */
const POLL_MS = (() => {
  const seconds = Number(new URLSearchParams(location.search).get('poll'));
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600 ? seconds * 1000 : 30_000;
})();
const BAN_KINDS = { email: 'E-mail', ipHash: 'IP address', domain: 'Domain' };
/** Readers' report reasons, in the order the report form offers them. */
const REPORT_REASONS = ['spam', 'abusive', 'off-topic', 'other'];

/** Reason codes whose evidence.terms are words from the site's lists, and how to mark them. */
const TERM_CLASSES = {
  BANNED_WORD: 'hit-banned',
  SUSPECT_WORD: 'hit-suspect',
  SPAM_MODEL: 'hit-model',
  TOXICITY_MODEL: 'hit-model',
  HATE_MODEL: 'hit-model',
  AIMED_PROFANITY: 'hit-model',
};

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  me: null,
  siteId: null,
  status: 'held',
  order: 'oldest',
  items: [],
  nextCursor: null,
  focus: 0,
  selected: new Set(),
  loadSeq: 0,
  /** 'queue' (a status tab) or 'bans'. */
  view: 'queue',
  bans: { items: [], nextCursor: null, all: false, loadSeq: 0 },
  /** The last queue summary read, for the tab counts. */
  summary: null,
  /** The listed queue as the list was read: what later summaries are compared with (see checkNewComments). */
  baseline: null,
  /** Bumped by whatever makes a summary on its way stale: a reload, a decision made here, a sign-out. */
  summarySeq: 0,
  /** The comment whose reports the Reader reports dialog lists, and where its list goes on. */
};

// ---------------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, body) {
    const message = body && (body.message || body.error);
    super((Array.isArray(message) ? message.join('; ') : message) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
    /** The API's stable error code (BAN_NOT_FOUND, VALIDATION_FAILED, …), when it gave one. */
    this.code = (body && (body.code || body.error)) || null;
  }
}

async function api(path, { method = 'GET', body } = {}) {
  const headers = { authorization: `Bearer ${state.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.status === 401) {
    signOut('Your token was not accepted. Sign in again.');
    throw new ApiError(401, json);
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const errorText = (error) => {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'You do not moderate this site.';
    if (error.status === 429) return 'Too many requests just now; wait a moment and try again.';
    return error.message;
  }
  return 'The moderation service could not be reached.';
};

/** errorText with the API's code (and a 500's correlation id), for a moderator to quote when reporting it. */
const errorWithCode = (error) => {
  const text = errorText(error);
  if (!(error instanceof ApiError) || !error.code || text.includes(error.code)) return text;
  const correlation = error.body?.correlationId ? `, correlation id ${error.body.correlationId}` : '';
  return `${text} (${error.code}${correlation})`;
};

const isUnauthorized = (error) => error instanceof ApiError && error.status === 401;

/** A moderator id as shown: the signed-in moderator by name, anyone else by id. */
/** Who did something, as a person reads it: you, a colleague's name when the API gives it, or the id. */
const actorName = (id, name = null) => {
  if (id === state.me?.id) return `${state.me.name} (you)`;
  if (name) return name;
  return id === 'admin' ? 'the administrator' : id;
};

// ---------------------------------------------------------------------------------------------------
// Sign-in and site
// ---------------------------------------------------------------------------------------------------

async function signIn(token) {
  state.token = token;
  const me = await api('/v1/moderation/me');
  sessionStorage.setItem(TOKEN_KEY, token);
  state.me = me;
  $('who').textContent = `${me.name} (${me.role})`;
  const picker = /** @type {HTMLSelectElement} */ ($('site'));
  picker.replaceChildren(
    ...me.sites.map((id) => {
      const option = document.createElement('option');
      option.value = id;
      option.textContent = id;
      return option;
    }),
  );
  const remembered = sessionStorage.getItem(SITE_KEY);
  state.siteId = me.sites.includes(remembered) ? remembered : (me.sites[0] ?? null);
  if (state.siteId) picker.value = state.siteId;
  $('signin').hidden = true;
  $('session').hidden = false;
  $('workspace').hidden = false;
  schedulePoll();
  await reload();
}

function signOut(message = '') {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  state.me = null;
  // A page still on its way belongs to the session that ended: dropped when it arrives, as a newer load's.
  state.loadSeq += 1;
  state.bans.loadSeq += 1;
  stopPolling();
  state.summarySeq += 1;
  state.summary = null;
  state.baseline = null;
  renderCounts();
  showNew(0, true);
  $('loading').hidden = true;
  $('bans-loading').hidden = true;
  state.items = [];
  state.selected.clear();
  $('queue').replaceChildren();
  $('queue-error').textContent = '';
  state.bans.items = [];
  state.bans.nextCursor = null;
  $('bans-rows').replaceChildren();
  $('bans-error').textContent = '';
  showView('queue');
  $('workspace').hidden = true;
  $('session').hidden = true;
  $('signin').hidden = false;
  $('signin-error').textContent = message;
  const input = /** @type {HTMLInputElement} */ ($('token'));
  input.value = '';
  input.focus();
}

// ---------------------------------------------------------------------------------------------------
// The queue
// ---------------------------------------------------------------------------------------------------

async function reload() {
  state.items = [];
  state.nextCursor = null;
  state.focus = 0;
  state.selected.clear();
  state.baseline = null;
  showNew(0, true);
  $('queue-error').textContent = '';
  markTabs();
  render();
  if (!state.siteId) {
    $('empty').textContent = 'You moderate no site yet.';
    $('empty').hidden = false;
    return;
  }
  await loadPage();
}

async function loadPage() {
  const seq = ++state.loadSeq;
  const params = new URLSearchParams({
    siteId: state.siteId,
    status: state.status,
    order: state.order,
    limit: String(PAGE_SIZE),
  });
  if (state.nextCursor) params.set('cursor', state.nextCursor);
  $('loading').hidden = false;
  $('empty').hidden = true;
  try {
    // A first page: first the counts that later polls compare with (see takeBaseline).
    if (!state.nextCursor) await takeBaseline();
    if (seq !== state.loadSeq) return;
    const page = await api(`/v1/moderation/queue?${params}`);
    if (seq !== state.loadSeq) return; // a newer load (other site or tab) superseded this one
    const known = new Set(state.items.map((c) => c.id));
    state.items.push(...page.items.filter((c) => !known.has(c.id)));
    state.nextCursor = page.nextCursor;
    $('queue-error').textContent = '';
  } catch (error) {
    // Also said where the comments would be, and kept there: once the toast faded, an empty list would
    // read as "nothing waiting" when the queue could not be read at all. What was listed stays.
    if (seq === state.loadSeq && !isUnauthorized(error)) {
      const message = `Could not load the queue: ${errorWithCode(error)}`;
      $('queue-error').textContent = message;
      toast(message, true);
    }
  } finally {
    if (seq === state.loadSeq) $('loading').hidden = true;
  }
  if (seq === state.loadSeq) render();
}

function render() {
  const list = $('queue');
  const template = /** @type {HTMLTemplateElement} */ ($('card-template'));
  list.replaceChildren(...state.items.map((item, index) => renderCard(template, item, index)));
  state.focus = Math.min(state.focus, Math.max(0, state.items.length - 1));
  $('empty').textContent = 'Nothing waiting here.';
  $('empty').hidden = state.items.length > 0 || !$('loading').hidden || $('queue-error').textContent !== '';
  $('more').hidden = !state.nextCursor;
  updateSelection();
  highlightFocus(false);
}

function renderCard(template, item, index) {
  const card = /** @type {HTMLElement} */ (template.content.firstElementChild.cloneNode(true));
  const q = (selector) => /** @type {HTMLElement} */ (card.querySelector(selector));
  card.dataset.id = item.id;
  card.dataset.index = String(index);

  const pick = /** @type {HTMLInputElement} */ (q('.pick'));
  pick.checked = state.selected.has(item.id);
  pick.setAttribute('aria-label', `Select the comment by ${item.authorName}`);

  q('.author').textContent = item.authorName;
  if (item.authorUrl) q('.author-url').textContent = item.authorUrl;
  else q('.author-url').remove();
  q('.article').textContent = `on ${item.articleId}${item.parentId ? ' (a reply)' : ''}`;
  const when = q('.when');
  when.textContent = relativeTime(item.submittedAt);
  when.setAttribute('datetime', item.submittedAt);
  when.title = new Date(item.submittedAt).toLocaleString();
  const status = q('.status');
  status.textContent = item.status;
  status.classList.add(`status-${item.status}`);
  if (item.status === 'reported' && typeof item.published === 'boolean') {
    // Whether readers still see it: the site decides if reports take a comment out of the thread.
    const visibility = q('.visibility');
    visibility.textContent = item.published ? 'still in the thread' : 'taken out of the thread';
    visibility.classList.add(item.published ? 'visible' : 'hidden-from-readers');
    visibility.hidden = false;
  }
  if (item.reportCount > 0) {
    const reports = q('.reports');
    reports.textContent = `${item.reportCount} ${item.reportCount === 1 ? 'report' : 'reports'}`;
    reports.hidden = false;
  }

  const reasons = item.decision?.reasons ?? [];
  const links = linksOf(item.content, reasons);
  if (item.erasedAt && item.content === '') {
    // Erased with its text at the author's request: nothing to read, nothing to decide.
    const note = document.createElement('em');
    note.className = 'erased';
    note.textContent = "Erased at the author's request.";
    q('.content').replaceChildren(note);
  } else {
    renderContent(q('.content'), item.content, termsOf(reasons), links);
  }
  if (links.urls.length > 0 || links.domains.length > 0) {
    const shown = links.urls.length > 0 ? links.urls : links.domains;
    q('.links .label').textContent = `${shown.length} ${shown.length === 1 ? 'link' : 'links'}`;
    q('.link-list').replaceChildren(
      ...shown.map((url) => {
        const li = document.createElement('li');
        li.textContent = url; // listed, not clickable: a moderator should not have to visit spam
        return li;
      }),
    );
    q('.links').hidden = false;
  }
  renderReaderReports(q('.reader-reports'), item);
  renderAuthorRecord(q('.author-record'), item);

  q('.reasons').replaceChildren(
    ...reasons
      .filter((r) => r.code !== 'NO_FLAGS')
      .map((r) => {
        const li = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = r.code;
        code.className = `reason-${r.code.toLowerCase().replace(/_/g, '-')}`;
        const message = document.createElement('span');
        message.textContent = r.message;
        li.append(code, ' ', message);
        // What the toxicity model saw ("threat to reader", "contempt for group"): the kind, not just a score.
        const signals = Array.isArray(r.evidence?.signals)
          ? r.evidence.signals.filter((x) => typeof x === 'string')
          : [];
        for (const signal of signals) {
          const tag = document.createElement('span');
          tag.className = 'signal';
          tag.textContent = signal.replace(/-/g, ' ');
          li.append(' ', tag);
        }
        return li;
      }),
  );

  const scores = item.decision?.scores;
  if (scores) {
    q('.scores').replaceChildren(
      ...['spam', 'toxicity', 'hate'].flatMap((name) => scoreRow(name, scores[name])),
    );
  } else {
    q('.scores').remove();
  }

  for (const button of card.querySelectorAll('[data-action], [data-ban]')) {
    button.hidden = !canDecide(item, button.dataset.action ?? 'ban');
  }
  return card;
}

/**
 * Whether a card offers an action: "Not spam" belongs to comments taken down, "Approve" to those not yet
 * published, "Ban author" to comments whose author is known (an erased one cannot be banned: the API
 * answers AUTHOR_ERASED), and a comment erased with its text at its author's request offers none. The
 * keys follow the buttons.
 */
function canDecide(item, action) {
  if (!item) return false;
  if (item.erasedAt && item.content === '') return false;
  if (action === 'ban') return !item.erasedAt;
  if (action === 'ham') return item.status === 'rejected';
  if (action === 'approve') return item.status !== 'approved';
  return true;
}

/**
 * The author's record on the site, by the counts the queue sends (matched by e-mail, which the
 * moderator never sees): a regular, a newcomer, or someone whose comments were rejected before.
 */
function renderAuthorRecord(section, item) {
  const a = item.author;
  if (!a) return; // erased, or a server from before the record existed
  const counts = /** @type {HTMLElement} */ (section.querySelector('.author-counts'));
  if (a.comments === 0) {
    counts.textContent = 'No other comments on this site';
  } else {
    const parts = ['approved', 'held', 'reported', 'rejected']
      .filter((status) => a[status] > 0)
      .map((status) => `${a[status]} ${status}`);
    const n = a.capped ? `${a.comments}+` : String(a.comments);
    const since = new Date(a.firstCommentAt).toLocaleDateString();
    counts.textContent = `${n} other ${a.comments === 1 ? 'comment' : 'comments'} here since ${since}: ${parts.join(' · ')}`;
    /** @type {HTMLElement} */ (section.querySelector('[data-author]')).hidden = false;
  }
  section.hidden = false;
}

/**
 * What readers said: how many reports of each reason, and the newest notes with their reason and
 * time. A note is a reader's own text, so it goes in as text, like the comment.
 */
function renderReaderReports(section, item) {
  const summary = item.reports;
  if (!summary) return void section.remove();
  const counts = REPORT_REASONS.map((reason) => [reason, summary.byReason?.[reason] ?? 0]).filter(
    ([, n]) => n > 0,
  );
  const list = /** @type {HTMLElement} */ (section.querySelector('.report-counts'));
  list.replaceChildren(
    ...counts.map(([reason, n]) => {
      const li = document.createElement('li');
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(n);
      li.append(count, ` ${reason}`);
      return li;
    }),
  );
  const notes = /** @type {HTMLElement} */ (section.querySelector('.report-notes'));
  notes.replaceChildren(...(summary.latestNotes ?? []).map(reportNote));
  notes.setAttribute('aria-label', 'Newest notes from readers');
  const all = /** @type {HTMLElement} */ (section.querySelector('[data-reports]'));
  const more = summary.withNotes > (summary.latestNotes?.length ?? 0);
  all.textContent = more ? `All ${summary.withNotes} notes and reports` : 'All reports';
  all.setAttribute('aria-label', `All reader reports of the comment by ${item.authorName}`);
  section.hidden = false;
}

function reportNote(report) {
  const li = document.createElement('li');
  const reason = document.createElement('span');
  reason.className = 'badge report-reason';
  reason.textContent = report.reason;
  const time = document.createElement('time');
  time.dateTime = report.at;
  time.textContent = relativeTime(report.at);
  time.title = new Date(report.at).toLocaleString();
  const note = document.createElement('span');
  note.className = 'report-note';
  note.textContent = report.note;
  li.append(reason, ' ', time, ' ', note);
  return li;
}

function scoreRow(name, value) {
  const dt = document.createElement('dt');
  dt.textContent = name;
  const dd = document.createElement('dd');
  const meter = document.createElement('meter');
  meter.min = 0;
  meter.max = 1;
  meter.low = 0.3;
  meter.high = 0.7;
  meter.optimum = 0;
  meter.value = typeof value === 'number' ? value : 0;
  const number = document.createElement('span');
  number.textContent = typeof value === 'number' ? value.toFixed(2) : '–';
  dd.append(meter, number);
  return [dt, dd];
}

/** Words to mark in the content, each with the class of the reason that reported it. */
function termsOf(reasons) {
  const terms = new Map();
  for (const reason of reasons) {
    const cls = TERM_CLASSES[reason.code];
    if (!cls || !reason.evidence) continue;
    const found = [reason.evidence.terms, reason.evidence.lexicon]
      .flat()
      .filter((t) => typeof t === 'string');
    for (const term of found) {
      const key = term.trim().toLowerCase();
      // A term from a site's own list outranks a model's guess at the same word.
      if (key.length >= 2 && (!terms.has(key) || terms.get(key) === 'hit-model')) terms.set(key, cls);
    }
  }
  return terms;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+/gi;

function linksOf(content, reasons) {
  const urls = [...content.matchAll(URL_PATTERN)].map((m) => trimUrl(m[0]));
  const domains = [];
  for (const r of reasons) {
    if (r.code === 'LINKS_OVER_LIMIT' && Array.isArray(r.evidence?.domains)) {
      domains.push(...r.evidence.domains.filter((d) => typeof d === 'string'));
    }
  }
  return { urls: [...new Set(urls)], domains: [...new Set(domains)] };
}

/** "(https://x.org/)," ends at the slash: trailing punctuation belongs to the sentence. */
function trimUrl(url) {
  return url.replace(/[).,;:!?\]'"]+$/, '');
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Fills `element` with the content as text, wrapping matched terms and URLs in <mark>. */
function renderContent(element, content, terms, links) {
  const parts = [];
  const words = [...terms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const urls = [...links.urls].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const alternatives = [];
  if (urls.length) alternatives.push(`(?<url>${urls.join('|')})`);
  if (words.length) alternatives.push(`(?<![\\p{L}\\p{N}])(?<word>${words.join('|')})(?![\\p{L}\\p{N}])`);
  if (alternatives.length === 0) return void element.replaceChildren(content);
  const pattern = new RegExp(alternatives.join('|'), 'giu');
  let last = 0;
  for (const match of content.matchAll(pattern)) {
    if (match.index > last) parts.push(document.createTextNode(content.slice(last, match.index)));
    const mark = document.createElement('mark');
    mark.textContent = match[0];
    mark.className =
      match.groups.url !== undefined ? 'hit-link' : (terms.get(match[0].toLowerCase()) ?? 'hit-model');
    parts.push(mark);
    last = match.index + match[0].length;
  }
  if (last < content.length) parts.push(document.createTextNode(content.slice(last)));
  element.replaceChildren(...parts);
}

function relativeTime(iso) {
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  return new Date(iso).toLocaleDateString();
}

// ---------------------------------------------------------------------------------------------------
// Focus and selection
// ---------------------------------------------------------------------------------------------------

function cards() {
  return /** @type {HTMLElement[]} */ ([...$('queue').children]);
}

function highlightFocus(scroll = true) {
  cards().forEach((card, i) => {
    const focused = i === state.focus;
    card.classList.toggle('focused', focused);
    if (focused) card.setAttribute('aria-current', 'true');
    else card.removeAttribute('aria-current');
    if (focused && scroll) {
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: 'nearest' });
    }
  });
}

function moveFocus(delta) {
  if (state.items.length === 0) return;
  state.focus = Math.max(0, Math.min(state.items.length - 1, state.focus + delta));
  highlightFocus();
  if (delta > 0 && state.focus === state.items.length - 1 && state.nextCursor) void loadPage();
}

function toggleSelected(id, on = !state.selected.has(id)) {
  if (on) state.selected.add(id);
  else state.selected.delete(id);
  const card = cards().find((c) => c.dataset.id === id);
  if (card) /** @type {HTMLInputElement} */ (card.querySelector('.pick')).checked = on;
  updateSelection();
}

function updateSelection() {
  const n = state.selected.size;
  $('selected-count').textContent = n === 0 ? 'Select all' : `${n} selected`;
  const all = /** @type {HTMLInputElement} */ ($('select-all'));
  all.checked = n > 0 && n === state.items.length;
  all.indeterminate = n > 0 && n < state.items.length;
  $('bulk').hidden = n === 0;
  for (const card of cards()) card.classList.toggle('selected', state.selected.has(card.dataset.id));
}

// ---------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------

/** Removes decided comments that no longer belong to the open queue, keeping the focus in place. */
function applyResults(results) {
  const byId = new Map(results.map((r) => [r.id, r]));
  let left = 0;
  state.items = state.items.flatMap((item) => {
    const result = byId.get(item.id);
    if (!result) return [item];
    state.selected.delete(item.id);
    if (result.status && result.status !== state.status) {
      left += 1;
      return [];
    }
    return [{ ...item, status: result.status ?? item.status, version: result.version ?? item.version }];
  });
  if (left > 0) countDecided(state.status, left);
  render();
  highlightFocus();
  if (state.items.length < 10 && state.nextCursor) void loadPage();
}

/**
 * Comments whose decision is on its way. A second key press before the answer (a double tap) would send
 * the version the first one changed, and its VERSION_CONFLICT would read as someone else's decision.
 */
const deciding = new Set();

async function decide(item, action) {
  if (!item || deciding.has(item.id)) return;
  deciding.add(item.id);
  const card = cards().find((c) => c.dataset.id === item.id);
  card?.classList.add('busy');
  try {
    const result = await api(`/v1/moderation/comments/${encodeURIComponent(item.id)}/decision`, {
      method: 'POST',
      body: { action, expectedVersion: item.version },
    });
    applyResults([{ id: item.id, status: result.status, version: result.version }]);
    toast(`${ACTION_LABELS[action]}: the comment by ${item.authorName}`);
  } catch (error) {
    card?.classList.remove('busy');
    if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
      toast('Someone else decided this comment first; the queue is refreshed.', true);
      await reload();
    } else if (!(error instanceof ApiError && error.status === 401)) {
      // PARENT_NOT_PUBLISHED, COMMENT_ERASED, …: the API says what to do.
      toast(errorWithCode(error), true);
    }
  } finally {
    deciding.delete(item.id);
  }
}

let decidingSelection = false;

async function decideSelected(action) {
  const chosen = state.items.filter((c) => state.selected.has(c.id));
  if (chosen.length === 0 || decidingSelection) return;
  decidingSelection = true;
  const ids = chosen.map((c) => c.id);
  // The versions shown: a comment someone else decided since is left alone (VERSION_CONFLICT).
  const expectedVersions = Object.fromEntries(chosen.map((c) => [c.id, c.version]));
  try {
    const { results } = await api('/v1/moderation/decisions', {
      method: 'POST',
      body: { ids, action, expectedVersions },
    });
    const done = results.filter((r) => r.ok);
    const failed = results.filter((r) => !r.ok);
    applyResults(done);
    for (const r of failed) state.selected.add(r.id);
    updateSelection();
    toast(
      failed.length === 0
        ? `${ACTION_LABELS[action]}: ${done.length} ${done.length === 1 ? 'comment' : 'comments'}`
        : `${done.length} done, ${failed.length} not (${[...new Set(failed.map((r) => r.error))].join(', ')})${
            failed.some((r) => r.error === 'VERSION_CONFLICT')
              ? ': someone else decided some first; the queue is refreshed'
              : ''
          }`,
      failed.length > 0,
    );
    if (failed.some((r) => r.error === 'VERSION_CONFLICT')) await reload();
  } catch (error) {
    if (!isUnauthorized(error)) toast(errorWithCode(error), true);
  } finally {
    decidingSelection = false;
  }
}

/**
 * Bans whoever wrote the comment, by its e-mail address (never shown here: the server bans the comment's
 * keyed hash), and rejects their other held comments. Two clicks: the first arms the button for a few
 * seconds, so a stray click bans no one.
 */
async function banAuthor(item, button) {
  if (!button.dataset.armed) {
    button.dataset.armed = '1';
    button.textContent = 'Confirm ban';
    setTimeout(() => {
      delete button.dataset.armed;
      button.textContent = 'Ban author';
    }, 4000);
    return;
  }
  delete button.dataset.armed;
  button.textContent = 'Ban author';
  try {
    const ban = await api('/v1/moderation/bans', {
      method: 'POST',
      body: {
        siteId: item.siteId,
        authorOf: item.id,
        reason: 'banned from the console',
        rejectPending: true,
      },
    });
    const n = ban.rejectedPending;
    toast(
      `Banned the author of this comment; ${n} held ${n === 1 ? 'comment' : 'comments'} by them rejected`,
    );
    await reload();
  } catch (error) {
    // AUTHOR_ERASED (erased since the queue was loaded), …: the API's words and code.
    if (!isUnauthorized(error)) toast(errorWithCode(error), true);
  }
}

// ---------------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------------

async function showHistory(item) {
  if (!item) return;
  const dialog = /** @type {HTMLDialogElement} */ ($('history'));
  $('history-comment').textContent = `${item.authorName}: ${item.content}`;
  const rows = $('history-rows');
  rows.replaceChildren(row(['Loading…']));
  if (!dialog.open) dialog.showModal();
  try {
    const history = await api(`/v1/moderation/comments/${encodeURIComponent(item.id)}/history`);
    rows.replaceChildren(
      ...history.entries.map((e) => {
        // An erasure's row keeps the comment's decision as it stood, so its reasons are not the erasure's.
        const codes = e.action === 'erase' ? [] : (e.reasons ?? []).map((r) => r.code);
        const why = [e.reason, e.note, ...codes].filter(Boolean).join(' · ');
        const change = e.previousStatus ? `${e.previousStatus} → ${e.newStatus}` : e.newStatus;
        return row([new Date(e.at).toLocaleString(), actorName(e.actor, e.actorName), e.action, change, why]);
      }),
    );
    if (history.entries.length === 0) rows.replaceChildren(row(['No entries.']));
    labelCells(rows);
  } catch (error) {
    if (!isUnauthorized(error)) rows.replaceChildren(row([errorWithCode(error)]));
  }
}

// ---------------------------------------------------------------------------------------------------
// Paged dialogs: every reader report, and the author's other comments
// ---------------------------------------------------------------------------------------------------

/**
 * A dialog listing pages of something about one comment, newest first, with Load more: the reader
 * reports, and the author's other comments. Its elements are `#<name>`, `#<name>-comment`,
 * `#<name>-rows`, `#<name>-more` and `#<name>-close`. A page that arrives after another comment's
 * dialog was opened is dropped.
 */
function pagedDialog({ name, path, columns, toRow, empty, what }) {
  const dialog = /** @type {HTMLDialogElement} */ ($(name));
  const rows = $(`${name}-rows`);
  const more = $(`${name}-more`);
  const s = { item: null, nextCursor: null, loadSeq: 0 };

  async function load(first) {
    const seq = ++s.loadSeq;
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (s.nextCursor) params.set('cursor', s.nextCursor);
    try {
      const page = await api(`/v1/moderation/comments/${encodeURIComponent(s.item.id)}/${path}?${params}`);
      if (seq !== s.loadSeq) return; // another comment's superseded these
      const found = page.items.map(toRow);
      if (first) rows.replaceChildren(...found);
      else rows.append(...found);
      if (rows.children.length === 0) rows.replaceChildren(row([empty], columns));
      labelCells(rows);
      s.nextCursor = page.nextCursor;
      more.hidden = !page.nextCursor;
    } catch (error) {
      if (seq !== s.loadSeq || isUnauthorized(error)) return;
      const failed = row([`Could not load ${what}: ${errorWithCode(error)}`], columns);
      if (first) rows.replaceChildren(failed);
      else rows.append(failed);
    }
  }

  async function show(item) {
    if (!item) return;
    s.item = item;
    s.nextCursor = null;
    $(`${name}-comment`).textContent = `${item.authorName}: ${item.content}`;
    rows.replaceChildren(row(['Loading…'], columns));
    more.hidden = true;
    if (!dialog.open) dialog.showModal();
    await load(true);
  }

  more.addEventListener('click', () => void load(false));
  $(`${name}-close`).addEventListener('click', () => dialog.close());
  return show;
}

/** Every report of a comment: for when the card's newest notes are not all. */
const showReports = pagedDialog({
  name: 'reports',
  path: 'reports',
  columns: 3,
  empty: 'No reports.',
  what: 'the reports',
  toRow: (r) => {
    const tr = row([new Date(r.at).toLocaleString(), r.reason, r.note ?? '']);
    tr.lastElementChild.className = 'report-note';
    return tr;
  },
});

/** The author's other comments on the site. */
const showAuthor = pagedDialog({
  name: 'author',
  path: 'author-comments',
  columns: 5,
  empty: 'No other comments.',
  what: "the author's comments",
  // The name each was signed with: one address behind several names is worth seeing.
  toRow: (c) => {
    const text = c.erasedAt && c.content === '' ? '(erased)' : c.content;
    const tr = row([new Date(c.submittedAt).toLocaleString(), c.authorName, c.articleId, c.status, text], 5);
    tr.children[3]?.classList.add(`status-${c.status}`);
    tr.lastElementChild.className = 'author-comment';
    return tr;
  },
});

function row(cells, span = 5) {
  const tr = document.createElement('tr');
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text ?? '';
    if (cells.length === 1) td.colSpan = span;
    tr.append(td);
  }
  return tr;
}

/**
 * Gives each cell of the table's rows its column's heading as `data-label`. On a phone the tables are
 * stacked, a row a block and a cell a line under its label (console.css), as five columns squeezed
 * into 320 px broke every word letter by letter.
 */
function labelCells(tbody) {
  // A heading only screen readers get (the bans' "Action") labels nothing on screen either.
  const headings = [...(tbody.closest('table')?.querySelectorAll('thead th') ?? [])].map((th) =>
    th.querySelector('.visually-hidden') ? '' : (th.textContent ?? '').trim(),
  );
  for (const tr of tbody.children) {
    [...tr.children].forEach((td, i) => {
      if (/** @type {HTMLTableCellElement} */ (td).colSpan === 1)
        td.setAttribute('data-label', headings[i] ?? '');
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Queue counts and new comments
// ---------------------------------------------------------------------------------------------------

let pollTimer = 0;

/** The next poll, POLL_MS from now, unless one is due already; none while signed out or hidden. */
function schedulePoll() {
  if (pollTimer || !state.me || document.visibilityState !== 'visible') return;
  pollTimer = setTimeout(() => {
    pollTimer = 0;
    void poll();
  }, POLL_MS);
}

function stopPolling() {
  clearTimeout(pollTimer);
  pollTimer = 0;
}

const fetchSummary = () =>
  api(`/v1/moderation/queue/summary?${new URLSearchParams({ siteId: state.siteId })}`);

/**
 * Reads the counts. A poll nobody asked for fails silently, leaving the counts as they were: an outage
 * is said once by the action that meets it, not every 30 s by a toast (a 401 still signs out, as anywhere).
 */
async function poll() {
  stopPolling();
  if (!state.me || !state.siteId || document.visibilityState !== 'visible') return;
  const seq = ++state.summarySeq;
  try {
    const summary = await fetchSummary();
    if (seq === state.summarySeq) applySummary(summary);
  } catch {
    // Silent on purpose; the next poll tries again.
  } finally {
    schedulePoll();
  }
}

/**
 * The summary as the list is read, to compare later ones with. Read before the list, so that a comment
 * arriving in between is at worst announced though listed (and "Show" lists what is there), never
 * listed as known while missing from the list.
 */
async function takeBaseline() {
  if (!state.me) return;
  const seq = ++state.summarySeq;
  try {
    const summary = await fetchSummary();
    if (seq === state.summarySeq) applySummary(summary);
  } catch {
    // The list is read all the same; the next poll takes the counts, and the baseline with them.
  }
}

function applySummary(summary) {
  if (summary.siteId !== state.siteId) return;
  state.summary = summary;
  const q = summary[state.status];
  if (!state.baseline && q) {
    state.baseline = {
      siteId: state.siteId,
      status: state.status,
      expected: q.count,
      newest: q.newestSubmittedAt,
    };
  }
  renderCounts();
  checkNewComments();
}

/** Each counted tab's number, part of its text (so its accessible name: "Held 12"); focus stays where it is. */
function renderCounts() {
  for (const status of SUMMARY_TABS) {
    const q = state.summary?.[status];
    const count = /** @type {HTMLElement} */ (document.querySelector(`[data-count="${status}"]`));
    count.textContent = q ? `${q.count.toLocaleString()}${q.capped ? '+' : ''}` : '';
  }
}

/**
 * Comments decided here leave their queue: its count drops at once, and the list no longer accounts
 * for them. A summary already on its way read the count before the decision: it is dropped. A capped
 * count is left alone (still "10,000+").
 */
function countDecided(status, n) {
  state.summarySeq += 1;
  const q = state.summary?.[status];
  if (!q || q.capped) return;
  q.count = Math.max(0, q.count - n);
  if (state.baseline?.status === status) state.baseline.expected -= n;
  renderCounts();
}

/**
 * Whether the listed queue holds comments the list does not show. Two signs, each given only by
 * comments that arrived since the list was read:
 * - its count is above what the list accounts for (the count when it was read, less those decided
 *   here). Others' decisions lower the count, so whenever nothing is new the account follows it down,
 *   and a comment that arrives after that still shows;
 * - its newest comment was submitted after the newest when the list was read. This catches a comment
 *   held as another moderator decides one (the count unchanged), as comments are held when submitted.
 * The number shown is the growth of the count, at least 1. Missed: a reported comment (readers report
 * old ones) arriving as another leaves, and arrivals past the count's cap; Refresh shows those.
 * Only the banner changes: the list is never re-rendered by itself under the moderator's cursor.
 */
function checkNewComments() {
  const b = state.baseline;
  const q = state.summary?.[state.status];
  if (!b || !q || b.siteId !== state.siteId || b.status !== state.status) return showNew(0);
  const grown = q.count - b.expected;
  const newer = q.newestSubmittedAt !== null && (b.newest === null || q.newestSubmittedAt > b.newest);
  if (grown > 0 || newer) return showNew(Math.max(grown, 1));
  b.expected = q.count;
  showNew(0);
}

/** The polite banner: "3 new comments — Show". Kept while its button has focus, unless the list reloads. */
function showNew(n, force = false) {
  const region = $('new-comments');
  const button = $('show-new');
  if (n === 0 && !force && document.activeElement === button) return;
  const text = n > 0 ? `${n} new ${n === 1 ? 'comment' : 'comments'} —` : '';
  if ($('new-count').textContent !== text) $('new-count').textContent = text;
  button.hidden = n === 0;
  region.classList.toggle('has-new', n > 0);
}

// ---------------------------------------------------------------------------------------------------
// Views and bans
// ---------------------------------------------------------------------------------------------------

function showView(view) {
  state.view = view;
  $('queue-view').hidden = view !== 'queue';
  $('bans-view').hidden = view !== 'bans';
  markTabs();
}

function markTabs() {
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const selected =
      tab.dataset.view === 'bans'
        ? state.view === 'bans'
        : state.view === 'queue' && tab.dataset.status === state.status;
    tab.setAttribute('aria-selected', String(selected));
    // One tab stop for the tab list: the selected tab; the arrow keys move between them.
    tab.tabIndex = selected ? 0 : -1;
    if (selected && tab.dataset.status) $('queue-view').setAttribute('aria-labelledby', tab.id);
  }
}

async function reloadBans() {
  state.bans.items = [];
  state.bans.nextCursor = null;
  $('bans-error').textContent = '';
  renderBans();
  if (!state.siteId) {
    $('bans-empty').textContent = 'You moderate no site yet.';
    $('bans-empty').hidden = false;
    return;
  }
  await loadBansPage();
}

async function loadBansPage() {
  const bans = state.bans;
  const seq = ++bans.loadSeq;
  const params = new URLSearchParams({
    siteId: state.siteId,
    include: bans.all ? 'all' : 'active',
    limit: String(PAGE_SIZE),
  });
  if (bans.nextCursor) params.set('cursor', bans.nextCursor);
  $('bans-loading').hidden = false;
  $('bans-empty').hidden = true;
  try {
    const page = await api(`/v1/moderation/bans?${params}`);
    if (seq !== bans.loadSeq) return; // a newer load (other site, the toggle) superseded this one
    const known = new Set(bans.items.map((b) => b.id));
    bans.items.push(...page.items.filter((b) => !known.has(b.id)));
    bans.nextCursor = page.nextCursor;
    $('bans-error').textContent = '';
  } catch (error) {
    // What was listed stays, and "Load more" with it: a failed page can be asked for again.
    if (seq === bans.loadSeq && !isUnauthorized(error)) {
      $('bans-error').textContent = `Could not load the bans: ${errorWithCode(error)}`;
    }
  } finally {
    if (seq === bans.loadSeq) $('bans-loading').hidden = true;
  }
  if (seq === bans.loadSeq) renderBans();
}

function renderBans() {
  const bans = state.bans;
  $('bans-caption').textContent = `Bans on ${state.siteId ?? 'no site'}`;
  $('bans-rows').replaceChildren(...bans.items.map(banRow));
  labelCells($('bans-rows'));
  $('bans-table').hidden = bans.items.length === 0;
  $('bans-empty').textContent = bans.all ? 'No bans on this site.' : 'No active bans on this site.';
  $('bans-empty').hidden =
    bans.items.length > 0 || !$('bans-loading').hidden || $('bans-error').textContent !== '';
  $('bans-more').hidden = !bans.nextCursor;
}

/** "domain ban on spam.example"; an e-mail ban, whose address is never shown, by its reason. */
function banName(ban) {
  const kind = ban.kind === 'email' ? 'e-mail' : (BAN_KINDS[ban.kind] ?? ban.kind).toLowerCase();
  return ban.value ? `${kind} ban on ${ban.value}` : `${kind} ban "${ban.reason}"`;
}

function timeElement(iso) {
  const time = document.createElement('time');
  time.dateTime = iso;
  time.textContent = new Date(iso).toLocaleString();
  return time;
}

function banRow(ban) {
  const tr = document.createElement('tr');
  tr.dataset.id = ban.id;
  tr.classList.toggle('inactive', !ban.active);
  const cell = (...content) => {
    const td = document.createElement('td');
    td.append(...content);
    tr.append(td);
    return td;
  };
  const span = (className, text) => {
    const el = document.createElement('span');
    el.className = className;
    el.textContent = text;
    return el;
  };

  cell(BAN_KINDS[ban.kind] ?? ban.kind).className = 'ban-kind';
  if (ban.value === null) {
    cell(span('value-hidden', 'not shown')).className = 'ban-value';
  } else {
    const code = document.createElement('code');
    code.textContent = ban.value;
    cell(code).className = 'ban-value';
  }
  cell(ban.reason).className = 'ban-reason';
  cell(timeElement(ban.createdAt), ` by ${actorName(ban.createdBy, ban.createdByName)}`).className =
    'ban-created';
  cell(ban.expiresAt ? timeElement(ban.expiresAt) : 'never').className = 'ban-expires';

  const status = cell();
  status.className = 'ban-status';
  if (ban.liftedAt) {
    status.append(
      span('badge ban-lifted', 'lifted'),
      ' ',
      timeElement(ban.liftedAt),
      ` by ${actorName(ban.liftedBy, ban.liftedByName)}`,
    );
  } else if (!ban.active) {
    status.append(span('badge ban-expired', 'expired'));
  } else {
    status.append(span('badge ban-active', 'active'));
  }

  const actions = cell();
  if (ban.active) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'lift-button';
    button.dataset.lift = '';
    labelLift(button, ban, false);
    actions.append(button);
  }
  return tr;
}

function labelLift(button, ban, armed) {
  button.textContent = armed ? 'Confirm lift' : 'Lift';
  button.setAttribute('aria-label', `${armed ? 'Confirm: lift' : 'Lift'} the ${banName(ban)}`);
}

const disarmTimers = new WeakMap();

/**
 * Lifts a ban. Two clicks, as "Ban author": the first arms the button for a few seconds. The row then
 * shows the API's answer (lifted, by whom), or leaves a list of active bans.
 */
async function liftBan(ban, button) {
  clearTimeout(disarmTimers.get(button));
  if (!button.dataset.armed) {
    button.dataset.armed = '1';
    labelLift(button, ban, true);
    disarmTimers.set(
      button,
      setTimeout(() => {
        delete button.dataset.armed;
        labelLift(button, ban, false);
      }, 4000),
    );
    return;
  }
  delete button.dataset.armed;
  labelLift(button, ban, false);
  const row = button.closest('tr');
  row?.classList.add('busy');
  try {
    const lifted = await api(`/v1/moderation/bans/${encodeURIComponent(ban.id)}`, { method: 'DELETE' });
    const index = state.bans.items.findIndex((b) => b.id === ban.id);
    state.bans.items = state.bans.items.flatMap((b) =>
      b.id !== ban.id ? [b] : state.bans.all ? [lifted] : [],
    );
    $('bans-error').textContent = '';
    renderBans();
    focusLiftNear(index);
    toast(`Lifted the ${banName(lifted)}`);
  } catch (error) {
    row?.classList.remove('busy');
    if (!isUnauthorized(error)) {
      const message = `Could not lift the ${banName(ban)}: ${errorWithCode(error)}`;
      $('bans-error').textContent = message;
      toast(message, true);
    }
  }
}

/** Keeps the keyboard where it was: on the next Lift button, or the previous one, or Refresh. */
function focusLiftNear(index) {
  const buttons = [...$('bans-rows').children].map((tr) => tr.querySelector('[data-lift]'));
  const next =
    buttons.slice(Math.max(0, index)).find(Boolean) ?? buttons.slice(0, index).reverse().find(Boolean);
  /** @type {HTMLElement} */ (next ?? $('bans-refresh')).focus();
}

// ---------------------------------------------------------------------------------------------------
// Toast
// ---------------------------------------------------------------------------------------------------

let toastTimer = 0;
function toast(message, isError = false) {
  const el = $('toast');
  el.textContent = message;
  el.classList.toggle('error', isError);
  // An error interrupts; a confirmation waits its turn.
  el.setAttribute('role', isError ? 'alert' : 'status');
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), isError ? 6000 : 3000);
}

// ---------------------------------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------------------------------

const itemOf = (element) => {
  const card = element.closest('.card');
  return card ? state.items.find((c) => c.id === card.dataset.id) : undefined;
};

$('signin-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = /** @type {HTMLInputElement} */ ($('token')).value.trim();
  $('signin-error').textContent = '';
  signIn(token).catch((error) => {
    if (!(error instanceof ApiError && error.status === 401)) signOut(errorWithCode(error));
  });
});

$('sign-out').addEventListener('click', () => signOut());

$('site').addEventListener('change', (event) => {
  state.siteId = /** @type {HTMLSelectElement} */ (event.target).value;
  sessionStorage.setItem(SITE_KEY, state.siteId);
  state.summary = null;
  renderCounts();
  // The queue's reload reads the new site's counts; the bans view asks for them itself.
  void (state.view === 'bans' ? Promise.all([reloadBans(), poll()]) : reload());
});

$('order').addEventListener('change', (event) => {
  state.order = /** @type {HTMLSelectElement} */ (event.target).value;
  void reload();
});

$('refresh').addEventListener('click', () => void reload());
// The moderator asked for the new comments: the list reloads as Refresh does (selection cleared), and
// focus goes to its first comment, as the button it was on is gone.
$('show-new').addEventListener('click', () => {
  void reload().then(() => {
    if (state.items.length > 0) highlightFocus();
  });
});
// Hidden, the page asks nothing; shown again, it reads the counts at once.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void poll();
  else stopPolling();
});
$('more').addEventListener('click', () => void loadPage());

// The tab list as WAI-ARIA's tabs pattern: Left/Right (and Home/End) select the neighbouring tab.
$('tablist').addEventListener('keydown', (event) => {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const at = tabs.indexOf(/** @type {HTMLElement} */ (event.target));
  if (at < 0) return;
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  event.stopPropagation();
  const next = /** @type {HTMLElement} */ (tabs[(to + tabs.length) % tabs.length]);
  next.focus();
  next.click();
});

for (const tab of document.querySelectorAll('[role=tab]')) {
  tab.addEventListener('click', () => {
    if (tab.dataset.view === 'bans') {
      showView('bans');
      void reloadBans();
      return;
    }
    state.status = tab.dataset.status;
    showView('queue');
    void reload();
  });
}

$('select-all').addEventListener('change', (event) => {
  const on = /** @type {HTMLInputElement} */ (event.target).checked;
  for (const item of state.items) toggleSelected(item.id, on);
});

for (const button of document.querySelectorAll('[data-bulk]')) {
  button.addEventListener('click', () => void decideSelected(button.dataset.bulk));
}

$('queue').addEventListener('click', (event) => {
  const target = /** @type {HTMLElement} */ (event.target);
  const item = itemOf(target);
  if (!item) return;
  state.focus = state.items.indexOf(item);
  highlightFocus(false);
  const actionButton = target.closest('[data-action]');
  if (actionButton) void decide(item, actionButton.dataset.action);
  else if (target.closest('[data-history]')) void showHistory(item);
  else if (target.closest('[data-reports]')) void showReports(item);
  else if (target.closest('[data-author]')) void showAuthor(item);
  else if (target.closest('[data-ban]'))
    void banAuthor(item, /** @type {HTMLElement} */ (target.closest('[data-ban]')));
  else if (target.classList.contains('pick'))
    toggleSelected(item.id, /** @type {HTMLInputElement} */ (target).checked);
});

$('bans-all').addEventListener('change', (event) => {
  state.bans.all = /** @type {HTMLInputElement} */ (event.target).checked;
  void reloadBans();
});
$('bans-refresh').addEventListener('click', () => void reloadBans());
$('bans-more').addEventListener('click', () => void loadBansPage());
$('bans-rows').addEventListener('click', (event) => {
  const button = /** @type {HTMLElement} */ (event.target).closest('[data-lift]');
  const id = button?.closest('tr')?.dataset.id;
  const ban = state.bans.items.find((b) => b.id === id);
  if (button && ban) void liftBan(ban, /** @type {HTMLElement} */ (button));
});

$('history-close').addEventListener('click', () => /** @type {HTMLDialogElement} */ ($('history')).close());

document.addEventListener('keydown', (event) => {
  if (!state.me || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = /** @type {HTMLElement} */ (event.target);
  if (target.closest('input[type=text], input[type=password], textarea, select')) return;
  if (document.querySelector('dialog[open]')) return; // Escape closes it natively
  if (state.view !== 'queue') return; // the queue's keys must not act on comments out of sight
  const item = state.items[state.focus];
  const keys = {
    j: () => moveFocus(1),
    ArrowDown: () => moveFocus(1),
    k: () => moveFocus(-1),
    ArrowUp: () => moveFocus(-1),
    a: () => canDecide(item, 'approve') && decide(item, 'approve'),
    r: () => canDecide(item, 'reject') && decide(item, 'reject'),
    s: () => canDecide(item, 'spam') && decide(item, 'spam'),
    A: () => decideSelected('approve'),
    R: () => decideSelected('reject'),
    S: () => decideSelected('spam'),
    x: () => item && toggleSelected(item.id),
    h: () => showHistory(item),
    Escape: () => {
      state.selected.clear();
      render();
    },
  };
  const run = keys[event.key];
  if (!run) return;
  event.preventDefault();
  // A decision key held down repeats: each repeat would decide the next comment, unseen.
  if (event.repeat && 'arsARS'.includes(event.key)) return;
  void run();
});

if (!STATUS_TABS.includes(state.status)) state.status = 'held';
if (state.token) {
  signIn(state.token).catch((error) => {
    if (!(error instanceof ApiError && error.status === 401)) signOut(errorWithCode(error));
  });
} else {
  signOut();
}
