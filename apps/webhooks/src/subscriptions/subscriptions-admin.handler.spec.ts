import { Topics } from '@replyguard/contracts';
import { DomainError } from '@replyguard/platform';
import { systemClock } from '../shared/clock';
import { SecretBox } from '../shared/secret-box';
import type { KnownSite, SitesRepository } from '../sites/sites.repository';
import { SubscriptionsAdminHandler } from './subscriptions-admin.handler';
import type { SubscriptionRow, SubscriptionsRepository } from './subscriptions.repository';

class FakeSites {
  readonly known = new Map<string, KnownSite>();
  lookups = 0;

  async find(id: string): Promise<KnownSite | null> {
    this.lookups += 1;
    return this.known.get(id) ?? null;
  }
}

class FakeSubscriptions {
  readonly rows: SubscriptionRow[] = [];

  async create(s: { id: string; siteId: string; url: string; events: string[] }): Promise<SubscriptionRow> {
    const row = {
      id: s.id,
      siteId: s.siteId,
      url: s.url,
      events: s.events,
      createdAt: new Date(),
      secretRotatedAt: null,
      previousSecretExpiresAt: null,
    };
    this.rows.push(row);
    return row;
  }
}

const request = (siteId: string) => ({
  siteId,
  url: 'https://hooks.example/x',
  events: [Topics.CommentApprovedV1],
  secret: 'whsec-unit-0123456789',
});

describe(SubscriptionsAdminHandler.name, () => {
  const setup = (siteWaitMs: number, privateTargets: 'allow' | 'refuse' = 'allow') => {
    const sites = new FakeSites();
    const subscriptions = new FakeSubscriptions();
    const handler = new SubscriptionsAdminHandler(
      subscriptions as unknown as SubscriptionsRepository,
      sites as unknown as SitesRepository,
      new SecretBox('unit-test-key-0123456789'),
      systemClock,
      { siteWaitMs, privateTargets },
    );
    return { sites, subscriptions, handler };
  };

  it('subscribes to a known site, an inactive one too', async () => {
    const { sites, subscriptions, handler } = setup(0);
    sites.known.set('news', { id: 'news', active: true });
    sites.known.set('closed', { id: 'closed', active: false });
    await expect(handler.create(request('news'))).resolves.toMatchObject({ siteId: 'news' });
    await expect(handler.create(request('closed'))).resolves.toMatchObject({ siteId: 'closed' });
    expect(subscriptions.rows.map((r) => r.siteId)).toEqual(['news', 'closed']);
  });

  it('refuses a receiver inside the network with VALIDATION_FAILED naming url and publicAddress, when told to', async () => {
    const { sites, subscriptions, handler } = setup(0, 'refuse');
    sites.known.set('news', { id: 'news', active: true });
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5/hook',
      'http://2130706433/hook', // 127.0.0.1 written as one number
      'http://0x7f.1/hook',
      'http://[::ffff:127.0.0.1]/hook',
    ]) {
      const error = await handler.create({ ...request('news'), url }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'url', rule: 'publicAddress' },
      });
      expect((error as DomainError).message).toMatch(
        /^url must reach a public address: .*WEBHOOK_PRIVATE_TARGETS=refuse\)$/,
      );
    }
    expect(subscriptions.rows).toEqual([]);
    // A public address, and a name that does not resolve here: accepted (each delivery checks again).
    await expect(
      handler.create({ ...request('news'), url: 'https://93.184.216.34/hook' }),
    ).resolves.toMatchObject({
      siteId: 'news',
    });
    await expect(handler.create(request('news'))).resolves.toMatchObject({ url: 'https://hooks.example/x' });
  });

  it('accepts a receiver on this machine when private targets are allowed (development)', async () => {
    const { sites, handler } = setup(0, 'allow');
    sites.known.set('news', { id: 'news', active: true });
    await expect(
      handler.create({ ...request('news'), url: 'http://127.0.0.1:8080/hook' }),
    ).resolves.toMatchObject({
      url: 'http://127.0.0.1:8080/hook',
    });
  });

  it('refuses an unknown site after the wait, with SITE_NOT_FOUND naming siteId, and stores nothing', async () => {
    const { sites, subscriptions, handler } = setup(300);
    const started = Date.now();
    const error = await handler.create(request('nope')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'SITE_NOT_FOUND', details: { field: 'siteId' } });
    expect((error as DomainError).message).toMatch(/not known .* yet/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(sites.lookups).toBeGreaterThan(1);
    expect(subscriptions.rows).toEqual([]);
  });

  it('takes a site that arrives while it waits', async () => {
    const { sites, handler } = setup(5000);
    setTimeout(() => sites.known.set('fresh', { id: 'fresh', active: true }), 250);
    await expect(handler.create(request('fresh'))).resolves.toMatchObject({ siteId: 'fresh' });
  });
});
