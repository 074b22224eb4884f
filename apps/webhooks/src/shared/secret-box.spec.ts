import { SecretBox } from './secret-box';

describe(SecretBox.name, () => {
  const box = new SecretBox('a-key-of-at-least-16-chars');

  it('opens what it sealed, and never stores the secret in the clear', () => {
    const sealed = box.seal('whsec-0123456789abcdef');
    expect(sealed).not.toContain('whsec');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(box.open(sealed)).toBe('whsec-0123456789abcdef');
  });

  it('seals the same secret differently each time (random IV)', () => {
    expect(box.seal('same-secret-0123456')).not.toBe(box.seal('same-secret-0123456'));
  });

  it('refuses another key and a tampered value', () => {
    const sealed = box.seal('whsec-0123456789abcdef');
    expect(() => new SecretBox('another-key-of-16-chars').open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered-value').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => box.open('plain')).toThrow('not a sealed webhook secret');
  });
});
