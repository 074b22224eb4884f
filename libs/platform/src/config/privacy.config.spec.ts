import { createHmac } from 'node:crypto';
import { hashEmail, hashPii, normaliseEmail } from './privacy.config';

const SECRET = 'unit-test-secret-0123456789';

describe(normaliseEmail.name, () => {
  it('composes, lower-cases and writes an internationalised domain in ASCII', () => {
    expect(normaliseEmail('jose\u0301@example.org')).toBe('jos\u00e9@example.org');
    expect(normaliseEmail(' JOSE\u0301@Example.org ')).toBe('jos\u00e9@example.org');
    expect(normaliseEmail('Jürgen@Bücher.example')).toBe('jürgen@xn--bcher-kva.example');
    expect(normaliseEmail('ju\u0308rgen@xn--bcher-kva.example')).toBe('jürgen@xn--bcher-kva.example');
    expect(normaliseEmail('李@例え.jp')).toBe('李@xn--r8jz45g.jp');
  });

  it('leaves what is no address, or has no valid domain, as written (lower-cased)', () => {
    expect(normaliseEmail('No-At-Sign')).toBe('no-at-sign');
    expect(normaliseEmail('a@b\u00e9\u0000.example')).toBe('a@b\u00e9\u0000.example');
  });
});

describe(hashEmail.name, () => {
  it('hashes the forms of one address alike', () => {
    expect(hashEmail(SECRET, 'jose\u0301@example.org')).toBe(hashEmail(SECRET, 'josé@example.org'));
    expect(hashEmail(SECRET, 'jürgen@xn--bcher-kva.example')).toBe(
      hashEmail(SECRET, 'Jürgen@Bücher.example'),
    );
    expect(hashEmail(SECRET, 'ann@example.org')).not.toBe(hashEmail(SECRET, 'anne@example.org'));
  });

  it('hashes a plain ASCII address as before, so stored hashes still match', () => {
    const before = (address: string) =>
      createHmac('sha256', SECRET).update(address.trim().toLowerCase()).digest('hex');
    for (const address of ['ann@example.org', ' Ann.Reader+news@Example.ORG ', 'x@xn--bcher-kva.example']) {
      expect(hashEmail(SECRET, address)).toBe(before(address));
      expect(hashEmail(SECRET, address)).toBe(hashPii(SECRET, address));
    }
  });
});
