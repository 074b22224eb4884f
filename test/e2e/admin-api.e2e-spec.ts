import { randomUUID } from 'node:crypto';
import { getJson, postJson, type RunningSystem, startSystem, TEST_ADMIN_TOKEN } from '../support/system';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The fields a 400 names: a validation failure's `fields`, or a domain error's `details.field`. */
function namedFields(body: Record<string, unknown>): string[] {
  const fields = (body.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];
  const detail = (body.details as { field?: string } | undefined)?.field;
  return detail ? [...fields, detail] : fields;
}

describe('administrators list sites', () => {
  let system: RunningSystem;
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  const api = (path: string) => `${system.moderationUrl}${path}`;
  const get = (path: string, headers: Record<string, string> = admin) => getJson(api(path), headers);

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
  });

  it('refuses moderators (403) and missing tokens (401) on the site listing', async () => {
    const moderator = await createModerator('Plain', [await createSite()]);
    const refused = await get('/v1/admin/sites', moderator.auth);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await get('/v1/admin/sites', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('answers bad queries with a 400 that names the field', async () => {
    const bogusCursor = Buffer.from('{"nope":1}').toString('base64url');
    const cases: [string, string][] = [
      ['/v1/admin/sites?limit=0', 'limit'],
      ['/v1/admin/sites?limit=abc', 'limit'],
      ['/v1/admin/sites?active=yes', 'active'],
      ['/v1/admin/sites?cursor=not*a*cursor', 'cursor'],
      [`/v1/admin/sites?cursor=${bogusCursor}`, 'cursor'],
      ['/v1/admin/sites?sort=name', 'sort'],
    ];
    const got: string[] = [];
    const want: string[] = [];
    for (const [path, field] of cases) {
      const res = await get(path);
      got.push(`${path}: ${res.status} ${String(res.json.code)} ${namedFields(res.json).join(',')}`);
      want.push(`${path}: 400 VALIDATION_FAILED ${field}`);
    }
    expect(got).toEqual(want);
  });
});
