import { randomUUID } from 'node:crypto';
import { createServer, type Server, connect } from 'node:net';
import { eventually, getJson, postJson, type RunningSystem, startSystem } from '../../../support/system';

export interface BrowserSystem extends RunningSystem {
  adminToken: string;
  /** Where the demo page's form posts: a fixed address that forwards to ingest. */
  ingestPublicUrl: string;
  /** Where the comments widget follows a reader's comment: a fixed address that forwards to moderation. */
  moderationPublicUrl: string;
  close(): Promise<void>;
}

/**
 * A TCP forwarder on a port known before the services start. The articles service reads
 * INGEST_PUBLIC_URL when it is created, and startSystem() gives ingest its port only later, so the
 * page posts here and the bytes go on to ingest unchanged (Origin header and CORS included).
 */
async function startForwarder(): Promise<{ port: number; target: { port: number }; server: Server }> {
  const target = { port: 0 };
  const server = createServer((client) => {
    const upstream = connect(target.port, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('forwarder has no port');
  return { port: address.port, target, server };
}

/**
 * The three services, an admin token, and the demo page's form (and the comments widget) wired to
 * ingest and moderation.
 */
export async function startBrowserSystem(): Promise<BrowserSystem> {
  const adminToken = `admin-${randomUUID()}`;
  process.env.ADMIN_TOKEN = adminToken;
  const forwarder = await startForwarder();
  const moderationForwarder = await startForwarder();
  const ingestPublicUrl = `http://127.0.0.1:${forwarder.port}`;
  const moderationPublicUrl = `http://127.0.0.1:${moderationForwarder.port}`;
  process.env.INGEST_PUBLIC_URL = ingestPublicUrl;
  process.env.MODERATION_PUBLIC_URL = moderationPublicUrl;
  const closeForwarders = async () => {
    for (const f of [forwarder, moderationForwarder])
      await new Promise<void>((resolve) => f.server.close(() => resolve()));
  };
  let system: RunningSystem;
  try {
    system = await startSystem();
  } catch (error) {
    await closeForwarders();
    throw error;
  }
  forwarder.target.port = Number(new URL(system.ingestUrl).port);
  moderationForwarder.target.port = Number(new URL(system.moderationUrl).port);
  return {
    ...system,
    adminToken,
    ingestPublicUrl,
    moderationPublicUrl,
    close: async () => {
      await system.close();
      await closeForwarders();
    },
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Creates a site whose pages on the articles service (or on `origin`, a site's own pages) may post
 * comments, and waits until ingest knows it (sites reach ingest as events).
 */
export async function createDemoSite(
  system: BrowserSystem,
  policy: Record<string, unknown> = {},
  origin: string = new URL(system.articlesUrl).origin,
): Promise<string> {
  const id = `site-${randomUUID().slice(0, 8)}`;
  const created = await postJson(
    `${system.moderationUrl}/v1/admin/sites`,
    { id, name: `Demo ${id}`, allowedOrigins: [origin], policy },
    bearer(system.adminToken),
  );
  if (created.status !== 201) throw new Error(`creating site ${id}: ${created.status} ${created.text}`);
  await eventually(
    async () => {
      const preflight = await fetch(`${system.ingestUrl}/v1/comments`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      return preflight.headers.get('access-control-allow-origin') === origin ? true : undefined;
    },
    { what: `ingest to allow ${origin} for ${id}` },
  );
  return id;
}

/** A moderator of the given sites; returns the token they sign in with. */
export async function createModerator(system: BrowserSystem, sites: string[]): Promise<string> {
  const res = await postJson(
    `${system.moderationUrl}/v1/admin/moderators`,
    {
      name: 'Maya Moderator',
      email: `maya-${randomUUID().slice(0, 8)}@example.org`,
      role: 'moderator',
      sites,
    },
    bearer(system.adminToken),
  );
  if (res.status !== 201) throw new Error(`creating a moderator: ${res.status} ${res.text}`);
  return res.json.token as string;
}

/** Posts a comment as a site's server would and waits for moderation's decision on it. */
export async function postAndAwaitDecision(
  system: BrowserSystem,
  siteId: string,
  articleId: string,
  fields: Record<string, unknown>,
): Promise<{ id: string; status: string }> {
  const res = await postJson(`${system.ingestUrl}/v1/comments`, {
    siteId,
    articleId,
    authorEmail: `${randomUUID().slice(0, 8)}@example.org`,
    ...fields,
  });
  if (res.status !== 202) throw new Error(`posting: ${res.status} ${res.text}`);
  const id = res.json.id as string;
  const status = await eventually(
    async () => {
      const s = (await getJson(`${system.moderationUrl}/v1/comments/${id}`)).json.status as string;
      return s === 'pending' ? undefined : s;
    },
    { what: `a decision on ${id}` },
  );
  return { id, status };
}
