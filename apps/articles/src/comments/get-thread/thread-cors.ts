/** The CORS answer for one request, in @fastify/cors's terms. */
export interface ThreadCorsOptions {
  origin: string | false;
  methods?: string[];
  allowedHeaders?: string[];
  exposedHeaders?: string[];
  maxAge?: number;
}

/** `/v1|v2|v3/sites/{siteId}/articles/{articleId}/comments`, by URL (a preflight never reaches the route). */
const THREAD_URL = /^\/v[1-3]\/sites\/[^/?]+\/articles\/[^/?]+\/comments\/?(?:\?|$)/;

/**
 * Threads are public, published text: a site's pages on any origin may read them from the browser
 * (a news site rendering its comments client-side, from its own domain). `*`, never with
 * credentials; `If-None-Match` may be sent (it makes the browser preflight) and `ETag` read, so a
 * page can revalidate. Every other route (the demo page, health, metrics, the docs) gets no CORS
 * headers.
 */
export function threadCors(req: { url: string }): ThreadCorsOptions {
  return THREAD_URL.test(req.url) ? PUBLIC_READ_CORS : { origin: false };
}

/** What any page may read: `GET` from any origin, no credentials, revalidating by its ETag. */
export const PUBLIC_READ_CORS: Readonly<ThreadCorsOptions> = {
  origin: '*',
  methods: ['GET', 'HEAD'],
  allowedHeaders: ['if-none-match'],
  exposedHeaders: ['etag'],
  maxAge: 600,
};
