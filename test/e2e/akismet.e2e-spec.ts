import { AKISMET_FEEDBACK_THANKS } from '@replyguard/contracts';
import { client as akismetClient } from 'akismet';
import { AkismetClient } from 'akismet-api';
import dns from 'node:dns';
import { randomUUID } from 'node:crypto';
import { NO_FLOOD, withDb } from '../support/fixtures';
import { getJson, postJson, type RunningSystem, startSystem, TEST_ADMIN_TOKEN } from '../support/system';

type Lookup = typeof dns.lookup;

/**
 * Old Akismet clients put the key in the host name (`<key>.rest.akismet.com`). Pointed at
 * `localhost`, they ask for `<key>.localhost`, which RFC 6761 reserves for loopback and browsers
 * resolve so, but Node's resolver does not. While these tests run, it does; `restore` undoes it.
 */
function resolveLocalhostSubdomains(): { restore(): void } {
  const original = dns.lookup;
  const lookup = (hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const opts = (typeof options === 'object' && options !== null ? options : {}) as dns.LookupOptions;
    if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
      if (opts.all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
      else cb(null, '127.0.0.1', 4);
      return;
    }
    (original as (...args: unknown[]) => void)(hostname, options, callback);
  };
  dns.lookup = lookup as Lookup;
  return { restore: () => void (dns.lookup = original) };
}

const SPAM = {
  name: 'Cheap Viagra',
  url: 'http://cheap-pills.xyz',
  content:
    'Buy cheap viagra and cialis online, best prices, free shipping! Click here http://cheap-pills.xyz now',
};
const HAM = {
  name: 'Ann Reader',
  url: 'https://ann.example.org',
  content: 'Thanks for the clear explanation of the trade figures, I had not seen the customs data before.',
};
const THREE_LINKS =
  "I think the article gets the 2019 figures wrong. The ministry's own tables " +
  '(https://www.stats.gov.cn/english/, https://www.customs.gov.cn/ and https://comtrade.un.org/) show a ' +
  'smaller rise, and the author should say which series was used.';

describe('the Akismet-compatible API', () => {
  let system: RunningSystem;
  let siteId: string;
  let key: string;
  let port: number;
  let localhostNames: { restore(): void };
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  const blog = 'https://news.example';

  const form = (path: string, fields: Record<string, string>) =>
    fetch(`${system.moderationUrl}/1.1/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });
  const examples = () =>
    withDb(async (db) => {
      const { rows } = await db.query<{ label: number; text: string; source: string; created_by: string }>(
        `SELECT label, text, source, created_by FROM moderation.labeled_examples WHERE site_id = $1 ORDER BY id`,
        [siteId],
      );
      return rows;
    });

  beforeAll(async () => {
    system = await startSystem();
    port = Number(new URL(system.moderationUrl).port);
    localhostNames = resolveLocalhostSubdomains();
    siteId = `site-${randomUUID().slice(0, 8)}`;
    const created = await postJson(
      `${system.moderationUrl}/v1/admin/sites`,
      { id: siteId, name: 'News', allowedOrigins: [blog], policy: NO_FLOOD },
      admin,
    );
    expect(created.status).toBe(201);
    const issued = await postJson(`${system.moderationUrl}/v1/admin/sites/${siteId}/api-keys`, {}, admin);
    expect(issued.status).toBe(201);
    key = issued.json.key as string;
  });

  afterAll(async () => {
    localhostNames?.restore();
    await system?.close();
  });

  it('issues keys through the admin API, shows them once and lists only their prefix', async () => {
    expect(key).toMatch(/^rgk[0-9a-f]{40}$/);
    const listed = await getJson(`${system.moderationUrl}/v1/admin/sites/${siteId}/api-keys`, admin);
    expect(listed.status).toBe(200);
    const keys = listed.json.keys as { prefix: string; revokedAt: string | null }[];
    expect(keys).toEqual([expect.objectContaining({ prefix: key.slice(0, 10), revokedAt: null })]);
    expect(JSON.stringify(listed.json)).not.toContain(key);
    const stored = await withDb((db) =>
      db.query<{ key_hash: string }>('SELECT key_hash FROM moderation.site_api_keys WHERE site_id = $1', [
        siteId,
      ]),
    );
    expect(stored.rows[0].key_hash).not.toBe(key);
    expect((await postJson(`${system.moderationUrl}/v1/admin/sites/${siteId}/api-keys`, {})).status).toBe(
      401,
    );
    expect(
      (await postJson(`${system.moderationUrl}/v1/admin/sites/nope-${siteId}/api-keys`, {}, admin)).status,
    ).toBe(404);
  });

  describe('driven by akismet-api (the client Coral uses)', () => {
    const client = (k = key) =>
      new AkismetClient({ key: k, blog, host: `localhost:${port}`, protocol: 'http' });
    const comment = (c: typeof SPAM) => ({
      ip: '203.0.113.7',
      useragent: 'Mozilla/5.0 (X11; Linux x86_64)',
      name: c.name,
      email: 'someone@example.org',
      url: c.url,
      content: c.content,
      type: 'comment',
      permalink: `${blog}/articles/trade`,
    });

    it('verifies the key, and refuses another', async () => {
      await expect(client().verifyKey()).resolves.toBe(true);
      await expect(client(`rgk${'0'.repeat(40)}`).verifyKey()).resolves.toBe(false);
    });

    it('answers true for spam and false for ham', async () => {
      await expect(client().checkSpam(comment(SPAM))).resolves.toBe(true);
      await expect(client().checkSpam(comment(HAM))).resolves.toBe(false);
    });

    it('surfaces a bad key as the error the client knows', async () => {
      await expect(client(`rgk${'1'.repeat(40)}`).checkSpam(comment(HAM))).rejects.toThrow('Invalid API key');
    });

    it('accepts spam and ham feedback into the labeled examples', async () => {
      await client().submitSpam(comment({ ...SPAM, content: `${SPAM.content} (missed one)` }));
      await client().submitHam(
        comment({ ...HAM, content: 'A false positive, about links (https://a.example).' }),
      );
      const rows = await examples();
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            label: 1,
            text: `${SPAM.content} (missed one)`,
            source: 'replyguard-akismet',
          }),
          expect.objectContaining({ label: 0, text: 'A false positive, about links (https://a.example).' }),
        ]),
      );
      expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113\.7|someone@example\.org/);
    });
  });

  describe('driven by akismet (the key in the host name, port set)', () => {
    const client = () => akismetClient({ blog, apiKey: key, host: 'localhost', port });
    const call = <T>(fn: (done: (err: Error | string | null, result?: T) => void) => void) =>
      new Promise<T | undefined>((resolve, reject) =>
        fn((err, result) => (err ? reject(err instanceof Error ? err : new Error(err)) : resolve(result))),
      );
    const fields = (c: typeof SPAM) => ({
      user_ip: '198.51.100.23',
      user_agent: 'Mozilla/5.0',
      comment_type: 'comment',
      comment_author: c.name,
      comment_author_email: 'reader@example.org',
      comment_author_url: c.url,
      comment_content: c.content,
    });

    it('verifies the key', async () => {
      await expect(call<boolean>((done) => client().verifyKey(done))).resolves.toBe(true);
    });

    it('answers true for spam and false for ham', async () => {
      await expect(call<boolean>((done) => client().checkComment(fields(SPAM), done))).resolves.toBe(true);
      await expect(call<boolean>((done) => client().checkComment(fields(HAM), done))).resolves.toBe(false);
    });

    it('accepts feedback', async () => {
      const text = 'Earn money from home, 5000 dollars a week, message me now';
      await call((done) => client().submitSpam({ ...fields(SPAM), comment_content: text }, done));
      await call((done) => client().submitHam({ ...fields(SPAM), comment_content: text }, done));
      // A correction replaces the earlier label of the same text.
      const rows = (await examples()).filter((r) => r.text === text);
      expect(rows).toEqual([expect.objectContaining({ label: 0 })]);
    });
  });

  describe('the wire format, as WordPress sends it (api_key in the form)', () => {
    const fields = (extra: Record<string, string> = {}) => ({
      api_key: key,
      blog,
      user_ip: '192.0.2.1',
      user_agent: 'Mozilla/5.0',
      comment_type: 'comment',
      comment_author: 'Reader',
      comment_author_email: 'reader@example.org',
      ...extra,
    });

    it('says discard for blatant spam, and only spam for a comment a moderator should see', async () => {
      const blatant = await form(
        'comment-check',
        fields({ comment_author: SPAM.name, comment_content: SPAM.content }),
      );
      expect(await blatant.text()).toBe('true');
      expect(blatant.headers.get('x-akismet-pro-tip')).toBe('discard');
      expect(blatant.headers.get('content-type')).toContain('text/plain');

      const held = await form('comment-check', fields({ comment_content: THREE_LINKS }));
      expect(await held.text()).toBe('true');
      expect(held.headers.get('x-akismet-pro-tip')).toBeNull();
      expect(held.headers.get('x-replyguard-reasons')).toBe('LINKS_OVER_LIMIT');

      const ham = await form('comment-check', fields({ comment_content: HAM.content }));
      expect(await ham.text()).toBe('false');
    });

    it('treats a filled honeypot as blatant spam', async () => {
      const res = await form(
        'comment-check',
        fields({
          comment_content: HAM.content,
          honeypot_field_name: 'hidden_url',
          hidden_url: 'http://x.example',
        }),
      );
      expect(await res.text()).toBe('true');
      expect(res.headers.get('x-akismet-pro-tip')).toBe('discard');
    });

    it("never calls the site's administrators spam", async () => {
      const res = await form(
        'comment-check',
        fields({ comment_content: SPAM.content, user_role: 'administrator' }),
      );
      expect(await res.text()).toBe('false');
    });

    it("follows the site's bans", async () => {
      const banned = await postJson(
        `${system.moderationUrl}/v1/moderation/bans`,
        { siteId, email: 'banned@example.org', reason: 'spammer' },
        admin,
      );
      expect(banned.status).toBe(201);
      const res = await form(
        'comment-check',
        fields({ comment_author_email: 'Banned@Example.org', comment_content: HAM.content }),
      );
      expect(await res.text()).toBe('true');
      expect(res.headers.get('x-akismet-pro-tip')).toBe('discard');
    });

    it('answers invalid with X-akismet-debug-help for a bad or missing key, as Akismet does', async () => {
      for (const bad of [{ api_key: 'not-a-key' }, { api_key: '' }]) {
        const res = await form('comment-check', fields({ comment_content: HAM.content, ...bad }));
        expect(res.status).toBe(200);
        expect(await res.text()).toBe('invalid');
        expect(res.headers.get('x-akismet-debug-help')).toMatch(/api_key|API key/);
      }
      const verify = await form('verify-key', { key: 'rgk-nope', blog });
      expect(await verify.text()).toBe('invalid');
      expect(verify.headers.get('x-akismet-debug-help')).toContain('Invalid API key');
    });

    it('names a missing required field in X-akismet-debug-help', async () => {
      const { user_ip: _ip, ...noIp } = fields({ comment_content: HAM.content });
      const res = await form('comment-check', noIp);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-akismet-debug-help')).toBe('Missing required field: user_ip.');
    });

    it('thanks for test feedback but trains nothing on it', async () => {
      const text = `A test comment ${randomUUID()}`;
      const res = await form('submit-spam', fields({ comment_content: text, is_test: '1' }));
      expect(await res.text()).toBe(AKISMET_FEEDBACK_THANKS);
      expect((await examples()).some((r) => r.text === text)).toBe(false);
    });

    it('exports Akismet feedback with the moderators’ examples, in the datasets’ CSV format', async () => {
      const csv = await fetch(`${system.moderationUrl}/v1/admin/feedback?task=spam&siteId=${siteId}`, {
        headers: admin,
      }).then((r) => r.text());
      expect(csv.split('\n')[0]).toBe('id,source,text,label');
      expect(csv).toMatch(/^replyguard-akismet-[0-9a-f]{64},replyguard-akismet,".*\(missed one\)",1$/m);
    });

    it('stops answering for a revoked key', async () => {
      const issued = await postJson(`${system.moderationUrl}/v1/admin/sites/${siteId}/api-keys`, {}, admin);
      const second = issued.json.key as string;
      expect(await (await form('verify-key', { key: second, blog })).text()).toBe('valid');
      const revoked = await fetch(
        `${system.moderationUrl}/v1/admin/sites/${siteId}/api-keys/${String(issued.json.id)}`,
        {
          method: 'DELETE',
          headers: admin,
        },
      );
      expect(revoked.status).toBe(204);
      expect(await (await form('verify-key', { key: second, blog })).text()).toBe('invalid');
      // A key the site never had is a 404, not a silent 204.
      const unknown = await fetch(
        `${system.moderationUrl}/v1/admin/sites/${siteId}/api-keys/${randomUUID()}`,
        { method: 'DELETE', headers: admin },
      );
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'API_KEY_NOT_FOUND' });
      expect(await (await form('verify-key', { key, blog })).text()).toBe('valid');
    });
  });
});
