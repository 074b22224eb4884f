import { createServer, type Server } from 'node:http';
import type { BrowserSystem } from './browser-system';

export interface HostSite {
  origin: string;
  close(): Promise<void>;
}

/**
 * A site's own page on another origin than the services': the two lines of the widget, a strict CSP
 * of its own (what README asks a site to allow), and styles that must not reach into the widget.
 * `/news?site=&article=` is an article page; `dir` (`rtl`), `lang` (its `<html lang>`, `en` unless
 * given, `none` for no attribute) and `data-lang` (the container's) set what they name, and
 * `container=none` leaves the container out, as a single-page app's first paint.
 */
export async function startHostSite(system: BrowserSystem): Promise<HostSite> {
  const articles = new URL(system.articlesUrl).origin;
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${articles}`,
    `connect-src 'self' ${articles} ${system.ingestPublicUrl} ${system.moderationPublicUrl}`,
    "style-src 'self'",
    "img-src 'self' data:",
  ].join('; ');
  /** Only letters, digits and hyphens reach the markup. */
  const token = (value: string | null) => (value ?? '').replace(/[^\w-]/g, '');
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/site.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(`body { font-family: "Courier New", monospace; color: rgb(20, 20, 20); }
p { color: rgb(200, 0, 0); }
button { background: rgb(255, 0, 255); }
.comment-notes { font-style: normal; }
[data-replyguard] { --replyguard-accent: rgb(0, 110, 0); }`);
      return;
    }
    if (url.pathname !== '/news') {
      res.writeHead(404).end();
      return;
    }
    const site = token(url.searchParams.get('site'));
    const article = token(url.searchParams.get('article'));
    const dir = url.searchParams.get('dir') === 'rtl' ? 'rtl' : 'ltr';
    const lang = token(url.searchParams.get('lang') ?? 'en');
    const dataLang = url.searchParams.has('data-lang')
      ? ` data-lang="${token(url.searchParams.get('data-lang'))}"`
      : '';
    const container =
      url.searchParams.get('container') === 'none'
        ? ''
        : `<div data-replyguard data-site-id="${site}" data-article-id="${article}" data-page-size="2"${dataLang}></div>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
    res.end(`<!doctype html>
<html${lang === 'none' ? '' : ` lang="${lang}"`} dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>News Example</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/site.css"></head>
<body><h1>An article on the site's own domain</h1><p class="comment-notes">The site's own paragraph.</p>
<main id="app">${container}</main>
<script src="${articles}/embed/v1/comments.js" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the host site has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
