import { randomUUID } from 'node:crypto';
import { sendFrom } from '../support/readers';
import { type RunningSystem, startSystem, TEST_ADMIN_TOKEN } from '../support/system';

const RATE_LIMIT = 20;
const AUTH_FAILURES = 5;

/**
 * The moderation service's rate limits count what they can trust: a verified moderator or admin, else
 * the client's address. An Authorization header nobody verified buys no fresh count, and tokens that
 * fail are counted per address until the address is refused (429), guessing included.
 */
describe('moderation rate limits', () => {
  let system: RunningSystem;
  const saved = {
    rate: process.env.MODERATION_RATE_LIMIT_PER_MIN,
    failures: process.env.MODERATION_AUTH_FAILURES_PER_MIN,
  };
  const api = (path: string) => `${system.moderationUrl}${path}`;
  const restore = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };

  beforeAll(async () => {
    process.env.MODERATION_RATE_LIMIT_PER_MIN = String(RATE_LIMIT);
    process.env.MODERATION_AUTH_FAILURES_PER_MIN = String(AUTH_FAILURES);
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.close();
    restore('MODERATION_RATE_LIMIT_PER_MIN', saved.rate);
    restore('MODERATION_AUTH_FAILURES_PER_MIN', saved.failures);
  });

  it('counts reader reports per client address, whatever Authorization header comes with them', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await sendFrom('127.0.4.1', api(`/v1/comments/${randomUUID()}/reports`), {
        headers: { 'content-type': 'application/json', authorization: `Bearer junk${i}` },
        body: JSON.stringify({ reason: 'spam' }),
      });
      statuses.push(res.status);
    }
    // Ten a minute per client: the comments do not exist, but each try counts.
    expect(statuses).toEqual([...Array<number>(10).fill(404), 429]);
  });

  it('counts the Akismet API per client address, whatever Authorization header comes with it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) {
      const res = await sendFrom('127.0.4.2', api('/1.1/verify-key'), {
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer junk${i}` },
        body: new URLSearchParams({ key: `rgk${i}`, blog: 'https://news.example' }).toString(),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(RATE_LIMIT).fill(200), 429]);
  });

  it('refuses an address that keeps presenting bad tokens with 429, its next token unchecked', async () => {
    const me = (ip: string, authorization?: string) =>
      sendFrom(ip, api('/v1/moderation/me'), {
        method: 'GET',
        headers: authorization ? { authorization } : {},
      });
    const guesses: number[] = [];
    for (let i = 0; i <= AUTH_FAILURES; i++) {
      guesses.push((await me('127.0.4.3', `Bearer guess-${i}-${randomUUID()}`)).status);
    }
    expect(guesses).toEqual([...Array<number>(AUTH_FAILURES).fill(401), 429]);
    const refused = await me('127.0.4.3', `Bearer ${TEST_ADMIN_TOKEN}`);
    expect(refused).toMatchObject({ status: 429, json: { code: 'RATE_LIMITED' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // A request with no token is no guess: still 401.
    expect((await me('127.0.4.3')).status).toBe(401);
    // Other addresses are not affected.
    expect((await me('127.0.4.4', `Bearer ${TEST_ADMIN_TOKEN}`)).status).toBe(200);
    expect((await me('127.0.4.4', 'Bearer wrong')).status).toBe(401);
  });

  it('counts a verified moderator wherever they connect from', async () => {
    const created = await sendFrom('127.0.4.9', api('/v1/admin/moderators'), {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify({
        name: 'Rosa',
        email: `rosa-${randomUUID().slice(0, 8)}@news.example`,
        role: 'moderator',
        sites: [],
      }),
    });
    expect(created.status).toBe(201);
    const moderator = { authorization: `Bearer ${created.json.token as string}` };
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) {
      const res = await sendFrom(`127.0.5.${i + 1}`, api('/v1/moderation/me'), {
        method: 'GET',
        headers: moderator,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(RATE_LIMIT).fill(200), 429]);
  });
});
