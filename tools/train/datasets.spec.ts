import { isHeldOut, splitKey } from './datasets';

describe(isHeldOut.name, () => {
  it('puts reposts of the same text on the same side', () => {
    const a = 'Check out my channel!!  http://x.example';
    expect(splitKey(a)).toBe(splitKey('  CHECK OUT MY CHANNEL!! http://x.example '));
    expect(isHeldOut(a)).toBe(isHeldOut('check out my   channel!! http://x.example'));
  });

  it('holds out about a fifth of distinct texts', () => {
    let held = 0;
    for (let i = 0; i < 5000; i++) if (isHeldOut(`comment number ${i}`)) held++;
    expect(held / 5000).toBeGreaterThan(0.17);
    expect(held / 5000).toBeLessThan(0.23);
  });
});
