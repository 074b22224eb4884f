// Comments as DOM nodes, shared by the embeddable widget (widget.mjs) and the demo page (demo.mjs),
// and written to match the server's rendering (render-page.ts). Comment data reaches the page only
// through text nodes and DOM attributes, never as markup.

/**
 * An element with attributes and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attrs]
 * @param {...(Node | string)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** @type {Map<string, Intl.DateTimeFormat>} */
const dateFormats = new Map();

/**
 * The date shown under a comment, in UTC as render-page.ts formats it, in the locale's words:
 * "November 29, 2026 at 4:51 AM UTC", "29. November 2026 um 04:51 UTC".
 * @param {string} iso
 * @param {string} [locale] the demo page's and the server's: en-US
 */
export function formatDate(iso, locale = 'en-US') {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return `${format.format(new Date(iso))} UTC`;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/**
 * A URL found in text, without the punctuation that ends the sentence around it: trailing `.,;:!?'"]`,
 * and a `)` unless the URL itself opened the parenthesis, as in Wikipedia's "Foo_(bar)".
 * @param {string} url
 */
export function trimUrl(url) {
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

/**
 * A line of text as nodes: text nodes, and http(s) URLs as nofollow links.
 * @param {string} line
 * @returns {Node[]}
 */
export function linkify(line) {
  /** @type {Node[]} */
  const nodes = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const start = match.index ?? 0;
    nodes.push(document.createTextNode(line.slice(last, start)));
    const a = el('a', { href: url, rel: 'nofollow ugc' });
    a.textContent = url;
    nodes.push(a);
    last = start + url.length;
  }
  nodes.push(document.createTextNode(line.slice(last)));
  return nodes;
}

/**
 * Comment text as paragraphs, as WordPress shows it: blank lines split paragraphs, newlines break lines.
 * @param {string} content
 * @returns {HTMLParagraphElement[]}
 */
export function commentText(content) {
  return content
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const paragraph = el('p');
      p.split('\n').forEach((line, i) => {
        if (i > 0) paragraph.append(el('br'), '\n');
        paragraph.append(...linkify(line));
      });
      return paragraph;
    });
}

/**
 * The author's name, a link to their website only when it is an http(s) URL (never `javascript:`).
 * @param {string} name
 * @param {string | null | undefined} url
 * @param {string} rel
 * @returns {Node}
 */
export function authorNode(name, url, rel) {
  if (url && /^https?:\/\//i.test(url)) {
    const a = el('a', { href: url, rel, class: 'url' });
    a.textContent = name;
    return a;
  }
  return document.createTextNode(name);
}

/**
 * The letter in a comment's avatar circle: the name's first code point (charAt(0) would be half of an
 * emoji's surrogate pair, shown as "�").
 * @param {string} name
 */
export const initial = (name) => (Array.from(name.trim())[0] ?? '?').toUpperCase();
