/* eslint-disable @typescript-eslint/no-require-imports -- start.cjs's helper is plain CommonJS on purpose */
const { servicePorts, defaultSiteOrigins } = require('./local-defaults.cjs') as {
  servicePorts(
    env: Record<string, string | undefined>,
  ): Record<'ingest' | 'moderation' | 'articles' | 'webhooks', number>;
  defaultSiteOrigins(current: unknown, articlesPort: number): string[] | null;
};

describe('local-defaults.cjs', () => {
  it('reads the ports as the services do, 3000–3003 by default', () => {
    expect(servicePorts({})).toEqual({ ingest: 3000, moderation: 3001, articles: 3002, webhooks: 3003 });
    expect(servicePorts({ INGEST_PORT: '4000', ARTICLES_PORT: '4002' })).toMatchObject({
      ingest: 4000,
      articles: 4002,
    });
  });

  it("moves the default site's seeded demo origins to ARTICLES_PORT", () => {
    const seeded = ['http://127.0.0.1:3002', 'http://localhost:3002'];
    expect(defaultSiteOrigins(seeded, 4002)).toEqual(['http://127.0.0.1:4002', 'http://localhost:4002']);
    // Back again, after a run on another port.
    expect(defaultSiteOrigins(['http://127.0.0.1:4002', 'http://localhost:4002'], 3002)).toEqual(seeded);
  });

  it('leaves origins alone that already fit, or that someone chose', () => {
    expect(defaultSiteOrigins(['http://127.0.0.1:3002', 'http://localhost:3002'], 3002)).toBeNull();
    expect(defaultSiteOrigins(['http://localhost:3002', 'http://127.0.0.1:3002'], 3002)).toBeNull();
    expect(defaultSiteOrigins(['https://news.example'], 4002)).toBeNull();
    expect(defaultSiteOrigins(['http://127.0.0.1:3002', 'https://news.example'], 4002)).toBeNull();
    expect(defaultSiteOrigins(['http://127.0.0.1:3002'], 4002)).toBeNull();
    expect(defaultSiteOrigins([], 4002)).toBeNull();
    expect(defaultSiteOrigins(undefined, 4002)).toBeNull();
  });
});
