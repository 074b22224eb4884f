import { AuthFailures } from './auth-failures';

describe(AuthFailures.name, () => {
  let failures: AuthFailures;

  beforeEach(() => {
    failures = new AuthFailures(3);
  });

  afterEach(() => failures.close());

  it('blocks a client past the limit for a minute, and no one else', () => {
    const now = Date.now();
    expect([1, 2, 3].map(() => failures.record('198.51.100.7', now))).toEqual([0, 0, 0]);
    expect(failures.record('198.51.100.7', now)).toBe(60);
    expect(failures.retryAfter('198.51.100.7', now)).toBe(60);
    expect(failures.retryAfter('198.51.100.8', now)).toBe(0);
  });

  it('counts an IPv6 client by its /64, whichever of its addresses it guesses from', () => {
    const now = Date.now();
    for (const host of ['1', '2', '3']) expect(failures.record(`2001:db8:7:8::${host}`, now)).toBe(0);
    expect(failures.record('2001:db8:7:8:ffff::4', now)).toBe(60);
    expect(failures.retryAfter('2001:db8:7:8::99', now)).toBe(60);
    expect(failures.retryAfter('2001:db8:7:9::1', now)).toBe(0);
  });
});
