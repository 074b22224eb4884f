import { threadCors, type ThreadCorsOptions } from '../comments/get-thread/thread-cors';

const EMBED_URL = /^\/embed\/v1\/[^/?]+(?:\?|$)/;

/**
 * The widget's files and its config are read from pages of any origin: `comments.js` as a classic
 * script (no CORS needed), the modules it imports and `config.json` in CORS mode. `*`, never with
 * credentials. Undefined for every other URL.
 */
export function embedCors(req: { url: string }): ThreadCorsOptions | undefined {
  if (!EMBED_URL.test(req.url)) return undefined;
  return {
    origin: '*',
    methods: ['GET', 'HEAD'],
    allowedHeaders: ['if-none-match'],
    exposedHeaders: ['etag'],
    maxAge: 600,
  };
}

/** The article service's CORS: the widget's files and the threads for any origin, nothing else. */
export function articlesCors(req: { url: string }): ThreadCorsOptions {
  return embedCors(req) ?? threadCors(req);
}
