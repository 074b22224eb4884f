import { webhooksConfig } from './webhooks.config';

describe('webhooks config: WEBHOOK_PRIVATE_TARGETS', () => {
  const saved = { ...process.env };
  const load = (env: Record<string, string | undefined>) => {
    process.env = {
      ...saved,
      ADMIN_TOKEN: 'a-token-of-16-chars-or-more',
      WEBHOOK_SECRETS_KEY: 'a-key-of-16-chars-or-more',
    };
    delete process.env.WEBHOOK_PRIVATE_TARGETS;
    for (const [name, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    return webhooksConfig();
  };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('refuses private receivers in production and allows them elsewhere unless told', () => {
    expect(load({ NODE_ENV: 'production' }).privateTargets).toBe('refuse');
    expect(load({ NODE_ENV: 'development' }).privateTargets).toBe('allow');
    expect(load({ NODE_ENV: 'test' }).privateTargets).toBe('allow');
    expect(load({ NODE_ENV: 'production', WEBHOOK_PRIVATE_TARGETS: 'allow' }).privateTargets).toBe('allow');
    expect(load({ NODE_ENV: 'development', WEBHOOK_PRIVATE_TARGETS: 'refuse' }).privateTargets).toBe(
      'refuse',
    );
  });

  it('names the variable and its values when it is anything else', () => {
    expect(() => load({ WEBHOOK_PRIVATE_TARGETS: 'yes' })).toThrow(
      /WEBHOOK_PRIVATE_TARGETS must be allow or refuse/,
    );
  });
});
