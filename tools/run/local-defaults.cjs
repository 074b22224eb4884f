// What `npm start` derives from the ports it runs the services on (tools/run/start.cjs). Plain
// CommonJS like start.cjs, so that it runs without a build; tools/run/local-defaults.spec.ts tests it.
'use strict';

/** The four services' ports, as each service reads them (INGEST_PORT, …; 3000–3003 by default). */
function servicePorts(env) {
  return {
    ingest: Number(env.INGEST_PORT ?? 3000),
    moderation: Number(env.MODERATION_PORT ?? 3001),
    articles: Number(env.ARTICLES_PORT ?? 3002),
    webhooks: Number(env.WEBHOOKS_PORT ?? 3003),
  };
}

/** The origins of the articles service's demo page on this machine. */
function demoOrigins(articlesPort) {
  return [`http://127.0.0.1:${articlesPort}`, `http://localhost:${articlesPort}`];
}

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The `default` site's allowed origins for a demo page on `articlesPort`, or null when they are to
 * stay as they are. The migrations seed the demo page's origins on 3002; only such a pair, for
 * whatever port, follows ARTICLES_PORT, so origins an operator set are never replaced.
 */
function defaultSiteOrigins(current, articlesPort) {
  if (!Array.isArray(current)) return null;
  const wanted = demoOrigins(articlesPort);
  if (sameSet(current, wanted)) return null;
  const port = /^http:\/\/127\.0\.0\.1:(\d+)$/.exec(current[0] ?? '')?.[1];
  if (!port || !sameSet(current, demoOrigins(Number(port)))) return null;
  return wanted;
}

module.exports = { servicePorts, demoOrigins, defaultSiteOrigins };
