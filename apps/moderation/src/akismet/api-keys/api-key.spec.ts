import { hashApiKey, looksLikeApiKey, newApiKey, presentedKey } from './api-key';

describe(presentedKey.name, () => {
  const key = newApiKey().key;

  it('reads api_key, then key, from the form', () => {
    expect(presentedKey({ api_key: ` ${key} `, key: 'other' }, 'rest.example')).toBe(key);
    expect(presentedKey({ key }, 'rest.example')).toBe(key);
  });

  it("reads the host name's first label, as old clients send it", () => {
    expect(presentedKey({}, `${key}.rest.example:8080`)).toBe(key);
    expect(presentedKey({}, `${key.toUpperCase()}.rest.example`)).toBe(key);
  });

  it('finds no key in an ordinary host name', () => {
    expect(presentedKey({}, '127.0.0.1:3001')).toBeNull();
    expect(presentedKey({}, 'moderation.example')).toBeNull();
    expect(presentedKey({}, key)).toBeNull();
    expect(presentedKey({ api_key: ['a', 'b'] }, undefined)).toBeNull();
  });
});

describe(newApiKey.name, () => {
  it('makes distinct keys that survive DNS lower-casing, and stores only a hash', () => {
    const a = newApiKey();
    const b = newApiKey();
    expect(a.key).not.toBe(b.key);
    expect(looksLikeApiKey(a.key)).toBe(true);
    expect(a.key).toBe(a.key.toLowerCase());
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.hash).not.toContain(a.key);
    expect(a.prefix).toBe(a.key.slice(0, 10));
  });
});
