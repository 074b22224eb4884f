import { PUBLIC_READ_CORS, threadCors, type ThreadCorsOptions } from '../comments/get-thread/thread-cors';

const EMBED_URL = /^\/embed\/v1\/[^/?]+(?:\?|$)/;

/**
 * The widget's files and its config are read from pages of any origin: `comments.js` as a classic
 * script (no CORS needed), the modules it imports and `config.json` in CORS mode. `*`, never with
 * credentials. Undefined for every other URL.
 */
export function embedCors(req: { url: string }): ThreadCorsOptions | undefined {
  return EMBED_URL.test(req.url) ? PUBLIC_READ_CORS : undefined;
}

/** The article service's CORS: the widget's files and the threads for any origin, nothing else. */
export function articlesCors(req: { url: string }): ThreadCorsOptions {
  return embedCors(req) ?? threadCors(req);
}
