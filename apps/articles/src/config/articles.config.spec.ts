import { articlesConfig } from './articles.config';

describe('articlesConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  const withEnv = (env: Record<string, string | undefined>) => {
    process.env = { ...saved };
    delete process.env.INGEST_PUBLIC_URL;
    delete process.env.INGEST_PORT;
    delete process.env.ARTICLES_PORT;
    delete process.env.MODERATION_PUBLIC_URL;
    delete process.env.MODERATION_PORT;
    for (const [key, value] of Object.entries(env)) if (value !== undefined) process.env[key] = value;
    return articlesConfig();
  };

  it("posts the demo page's form to ingest's port on this machine by default", () => {
    expect(withEnv({}).ingestPublicUrl).toBe('http://127.0.0.1:3000');
    expect(withEnv({ INGEST_PORT: '4000' }).ingestPublicUrl).toBe('http://127.0.0.1:4000');
  });

  it('takes INGEST_PUBLIC_URL as given, without a trailing slash', () => {
    const config = withEnv({ INGEST_PORT: '4000', INGEST_PUBLIC_URL: 'https://ingest.example/' });
    expect(config.ingestPublicUrl).toBe('https://ingest.example');
  });

  it('refuses a bad INGEST_PORT or INGEST_PUBLIC_URL', () => {
    expect(() => withEnv({ INGEST_PORT: '70000' })).toThrow(/INGEST_PORT/);
    expect(() => withEnv({ INGEST_PUBLIC_URL: 'ftp://x' })).toThrow(/INGEST_PUBLIC_URL/);
  });

  it("points the comments widget at moderation's port on this machine by default, or MODERATION_PUBLIC_URL", () => {
    expect(withEnv({}).moderationPublicUrl).toBe('http://127.0.0.1:3001');
    expect(withEnv({ MODERATION_PORT: '4001' }).moderationPublicUrl).toBe('http://127.0.0.1:4001');
    const config = withEnv({ MODERATION_PUBLIC_URL: 'https://moderation.example/' });
    expect(config.moderationPublicUrl).toBe('https://moderation.example');
  });

  it('refuses a bad MODERATION_PORT or MODERATION_PUBLIC_URL', () => {
    expect(() => withEnv({ MODERATION_PORT: '0' })).toThrow(/MODERATION_PORT/);
    expect(() => withEnv({ MODERATION_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/MODERATION_PUBLIC_URL/);
  });
});
