import { randomUUID } from 'node:crypto';
import { getJson, postJson, type RunningSystem, startSystem, TEST_ADMIN_TOKEN } from '../support/system';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Moderator {
  id: string;
  name: string;
  email: string;
  role: string;
  sites: string[];
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  active: boolean;
}

/** The fields a 400 names: every validation failure, a body's or a domain rule's, names them in `fields`. */
function namedFields(body: Record<string, unknown>): string[] {
  return (body.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];
}

describe('administrators list sites and moderators, and revoke moderators', () => {
  let system: RunningSystem;
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  const api = (path: string) => `${system.moderationUrl}${path}`;
  const get = (path: string, headers: Record<string, string> = admin) => getJson(api(path), headers);
  const revoke = async (id: string, headers: Record<string, string> = admin) => {
    // No body, no content type: Fastify refuses an empty body declared as JSON.
    const res = await fetch(api(`/v1/admin/moderators/${id}`), { method: 'DELETE', headers });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  async function createSite(prefix = 'site'): Promise<string> {
    const id = `${prefix}-${randomUUID().slice(0, 8)}`;
    const res = await postJson(api('/v1/admin/sites'), { id, name: `Site ${id}` }, admin);
    expect(res.status).toBe(201);
    return id;
  }

  async function createModerator(
    name: string,
    sites: string[],
    role: 'moderator' | 'admin' = 'moderator',
  ): Promise<{ id: string; auth: Record<string, string> }> {
    const email = `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@news.example`;
    const res = await postJson(api('/v1/admin/moderators'), { name, email, role, sites }, admin);
    expect(res.status).toBe(201);
    return { id: res.json.id as string, auth: { authorization: `Bearer ${res.json.token as string}` } };
  }

  /** Every page of a listing, following nextCursor (and failing on a page longer than the limit). */
  async function allPages<T extends { id: string }>(path: string, limit: number): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = res.json as unknown as Page<T>;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      if (!page.nextCursor) return items;
      cursor = page.nextCursor;
    }
    throw new Error('the listing never ended');
  }

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.close();
  });

  it('lists every site once, by id, a page at a time, each as GET /v1/admin/sites/{id} shows it', async () => {
    const prefix = `list-${randomUUID().slice(0, 6)}`;
    const mine = [await createSite(prefix), await createSite(prefix), await createSite(prefix)];
    const inactive = mine[1];
    expect(
      (await postJson(api(`/v1/admin/sites/${inactive}`), { active: false }, admin, 'PATCH')).status,
    ).toBe(200);

    const all = await allPages<{ id: string; active: boolean }>('/v1/admin/sites', 2);
    const ids = all.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(mine));
    // Pages of two walk the same order as one page of everything: by id, as Postgres sorts them.
    expect(ids).toEqual((await allPages<{ id: string }>('/v1/admin/sites', 200)).map((s) => s.id));
    for (const id of mine) {
      expect(all.find((s) => s.id === id)).toEqual((await get(`/v1/admin/sites/${id}`)).json);
    }
    const firstPage = (await get('/v1/admin/sites?limit=2')).json as unknown as Page<{ id: string }>;
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.nextCursor).toEqual(expect.any(String));

    const activeOnly = await allPages<{ id: string; active: boolean }>('/v1/admin/sites?active=true', 50);
    expect(activeOnly.every((s) => s.active)).toBe(true);
    expect(activeOnly.map((s) => s.id)).toEqual(expect.arrayContaining([mine[0], mine[2]]));
    expect(activeOnly.map((s) => s.id)).not.toContain(inactive);
    const inactiveOnly = await allPages<{ id: string; active: boolean }>('/v1/admin/sites?active=false', 50);
    expect(inactiveOnly.map((s) => s.id)).toContain(inactive);
    expect(inactiveOnly.every((s) => !s.active)).toBe(true);
    // The active sites' cursor with the inactive ones: refused, not the inactive sites after its id.
    const activePage = (await get('/v1/admin/sites?active=true&limit=1')).json as unknown as Page<{
      id: string;
    }>;
    for (const filter of ['active=false&', '']) {
      expect(await get(`/v1/admin/sites?${filter}cursor=${activePage.nextCursor}`)).toMatchObject({
        status: 400,
        json: { code: 'VALIDATION_FAILED', fields: [{ field: 'cursor', rules: ['sameList'] }] },
      });
    }
  });

  it("merges a PATCH's partial policy into the stored one, and resets a setting to its default with null", async () => {
    const id = `policy-${randomUUID().slice(0, 8)}`;
    const created = await postJson(
      api('/v1/admin/sites'),
      { id, name: 'Pre-moderated', policy: { mode: 'pre', flood: { maxPerWindow: 100 } } },
      admin,
    );
    expect(created.status).toBe(201);
    const patch = (policy: unknown) => postJson(api(`/v1/admin/sites/${id}`), { policy }, admin, 'PATCH');
    type Site = { policy: Record<string, unknown>; effectivePolicy: Record<string, unknown> };

    // The README's way to tune one threshold: pre-moderation and the flood limit stay as they were.
    const tuned = (await patch({ thresholds: { toxicity: { hold: 0.4 } } })).json as unknown as Site;
    expect(tuned.policy).toEqual({
      mode: 'pre',
      flood: { maxPerWindow: 100 },
      thresholds: { toxicity: { hold: 0.4 } },
    });
    expect(tuned.effectivePolicy).toMatchObject({
      mode: 'pre',
      flood: { maxPerWindow: 100, windowSeconds: 60 },
      thresholds: { toxicity: { hold: 0.4, reject: 0.97 } },
    });
    const words = (await patch({ bannedWords: ['casino'], flood: { windowSeconds: 30 } }))
      .json as unknown as Site;
    expect(words.effectivePolicy).toMatchObject({
      mode: 'pre',
      bannedWords: ['casino'],
      flood: { maxPerWindow: 100, windowSeconds: 30 },
      thresholds: { toxicity: { hold: 0.4 } },
    });

    // Refused changes store nothing: an unknown setting, a hold above the reject threshold.
    const typo = await patch({ thresholds: { toxicty: { hold: 0.5 } } });
    expect(typo).toMatchObject({ status: 400, json: { code: 'POLICY_INVALID' } });
    const inverted = await patch({ thresholds: { toxicity: { hold: 0.99 } } });
    expect(inverted).toMatchObject({ status: 400, json: { code: 'POLICY_INVALID' } });
    expect(((await get(`/v1/admin/sites/${id}`)).json as unknown as Site).policy).toEqual(words.policy);

    const reset = (await patch({ mode: null, thresholds: { toxicity: { hold: null } } }))
      .json as unknown as Site;
    expect(reset.policy).toEqual({
      bannedWords: ['casino'],
      flood: { maxPerWindow: 100, windowSeconds: 30 },
    });
    expect(reset.effectivePolicy).toMatchObject({ mode: 'post', thresholds: { toxicity: { hold: 0.6 } } });
  });

  it('lists moderators newest first, filtered by site, with no token or hash in the answer', async () => {
    const siteA = await createSite();
    const siteB = await createSite();
    const ann = await createModerator('Ann', [siteA]);
    const bob = await createModerator('Bob', [siteB]);
    const both = await createModerator('Cleo', [siteA, siteB]);
    const boss = await createModerator('Boss', [], 'admin');

    const res = await get(`/v1/admin/moderators?siteId=${siteA}`);
    expect(res.status).toBe(200);
    const listed = (res.json as unknown as Page<Moderator>).items;
    const ids = listed.map((m) => m.id);
    // Those who may act on site A: its moderators, and admins (who act on every site).
    expect(ids).toEqual(expect.arrayContaining([ann.id, both.id, boss.id]));
    expect(ids).not.toContain(bob.id);
    expect(ids.indexOf(boss.id)).toBeLessThan(ids.indexOf(ann.id));
    expect(listed.find((m) => m.id === ann.id)).toEqual({
      id: ann.id,
      name: 'Ann',
      email: expect.stringMatching(/^ann-.*@news\.example$/),
      role: 'moderator',
      sites: [siteA],
      createdAt: expect.any(String),
      revokedAt: null,
      revokedBy: null,
      active: true,
    });
    const text = JSON.stringify(res.json);
    expect(text).not.toMatch(/token|hash/i);
    expect(text).not.toContain(ann.auth.authorization.slice('Bearer '.length));

    const everyone = await allPages<Moderator>('/v1/admin/moderators', 2);
    expect(everyone.map((m) => m.id)).toEqual(expect.arrayContaining([ann.id, bob.id, both.id, boss.id]));
    expect(new Set(everyone.map((m) => m.id)).size).toBe(everyone.length);

    expect((await get(`/v1/admin/moderators?siteId=no-such-${randomUUID().slice(0, 6)}`)).json).toMatchObject(
      {
        code: 'SITE_NOT_FOUND',
      },
    );
  });

  it('revokes a moderator: their token is refused at once, and they stay listed with who revoked them', async () => {
    const site = await createSite();
    const gone = await createModerator('Gone', [site]);
    const stays = await createModerator('Stays', [site]);
    expect((await get('/v1/moderation/me', gone.auth)).status).toBe(200);

    const revoked = await revoke(gone.id);
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({
      id: gone.id,
      name: 'Gone',
      revokedAt: expect.any(String),
      revokedBy: 'admin',
      active: false,
    });
    // The very next request: no cache lets the token through.
    const refused = await get('/v1/moderation/me', gone.auth);
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await get(`/v1/moderation/queue?siteId=${site}&status=held`, gone.auth)).status).toBe(401);
    expect((await get('/v1/moderation/me', stays.auth)).status).toBe(200);

    const active = (await get(`/v1/admin/moderators?siteId=${site}`)).json as unknown as Page<Moderator>;
    expect(active.items.map((m) => m.id)).toEqual(expect.arrayContaining([stays.id]));
    expect(active.items.map((m) => m.id)).not.toContain(gone.id);
    const all = (await get(`/v1/admin/moderators?siteId=${site}&include=all`))
      .json as unknown as Page<Moderator>;
    expect(all.items.find((m) => m.id === gone.id)).toEqual(revoked.json);
  });

  it('answers a second revocation as the first, and an unknown moderator with 404', async () => {
    const twice = await createModerator('Twice', []);
    const first = await revoke(twice.id);
    expect(first.status).toBe(200);
    const second = await revoke(twice.id);
    expect(second).toEqual(first);

    const unknown = await revoke(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 'MODERATOR_NOT_FOUND' });
  });

  it('refuses moderators (403) and missing tokens (401) on every new admin route, revoking nothing', async () => {
    const site = await createSite();
    const moderator = await createModerator('Plain', [site]);
    const target = await createModerator('Target', [site]);
    for (const res of [
      await get('/v1/admin/sites', moderator.auth),
      await get('/v1/admin/moderators', moderator.auth),
      await get(`/v1/admin/moderators?siteId=${site}`, moderator.auth),
      await revoke(target.id, moderator.auth),
    ]) {
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ code: 'FORBIDDEN' });
      expect(JSON.stringify(res.json)).not.toContain(target.id);
    }
    for (const res of [await get('/v1/admin/sites', {}), await revoke(target.id, {})]) {
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    expect((await get('/v1/moderation/me', target.auth)).status).toBe(200);
  });

  it('answers bad queries and ids with a 400 that names the field', async () => {
    const bogusCursor = Buffer.from('{"nope":1}').toString('base64url');
    const forgedTime = Buffer.from(
      JSON.stringify({ t: 'not-a-time', id: '019a0000-0000-7000-8000-000000000000' }),
    ).toString('base64url');
    const cases: [string, string][] = [
      ['/v1/admin/sites?limit=0', 'limit'],
      ['/v1/admin/sites?limit=abc', 'limit'],
      ['/v1/admin/sites?active=yes', 'active'],
      ['/v1/admin/sites?cursor=not*a*cursor', 'cursor'],
      [`/v1/admin/sites?cursor=${bogusCursor}`, 'cursor'],
      ['/v1/admin/sites?sort=name', 'sort'],
      ['/v1/admin/moderators?limit=201', 'limit'],
      ['/v1/admin/moderators?include=revoked', 'include'],
      ['/v1/admin/moderators?siteId=no%20spaces', 'siteId'],
      [`/v1/admin/moderators?cursor=${bogusCursor}`, 'cursor'],
      // A cursor of the right shape with a time that is none: the database refused it, a 500.
      [`/v1/admin/moderators?cursor=${forgedTime}`, 'cursor'],
      [`/v1/moderation/queue?siteId=default&status=held&cursor=${forgedTime}`, 'cursor'],
      [`/v1/moderation/bans?siteId=default&cursor=${forgedTime}`, 'cursor'],
    ];
    const got: string[] = [];
    const want: string[] = [];
    for (const [path, field] of cases) {
      const res = await get(path);
      got.push(`${path}: ${res.status} ${String(res.json.code)} ${namedFields(res.json).join(',')}`);
      want.push(`${path}: 400 VALIDATION_FAILED ${field}`);
    }
    const badId = await revoke('not-a-uuid');
    got.push(
      `DELETE not-a-uuid: ${badId.status} ${String(badId.json.code)} ${namedFields(badId.json).join(',')}`,
    );
    want.push('DELETE not-a-uuid: 400 VALIDATION_FAILED id');
    expect(got).toEqual(want);
    // A moderator's address is checked like every other, in the same words.
    const badEmail = await postJson(
      api('/v1/admin/moderators'),
      { name: 'Bea', email: 'not-an-address', role: 'moderator', sites: [] },
      admin,
    );
    expect(badEmail.status).toBe(400);
    expect(badEmail.json.message).toEqual(['email must be a valid email address']);
  });
});
