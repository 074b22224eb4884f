import { clientNetwork } from './client-network';

describe(clientNetwork.name, () => {
  it('counts an IPv4 address as it is, also when a dual-stack socket writes it as IPv6', () => {
    expect(clientNetwork('198.51.100.7')).toBe('198.51.100.7');
    expect(clientNetwork('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientNetwork('::FFFF:198.51.100.7')).toBe('198.51.100.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const network = '2001:db8:1:2::/64';
    for (const ip of [
      '2001:db8:1:2::1',
      '2001:db8:1:2:a:b:c:d',
      '2001:0DB8:0001:0002:ffff::',
      '2001:db8:1:2::7%eth0',
    ]) {
      expect([ip, clientNetwork(ip)]).toEqual([ip, network]);
    }
    expect(clientNetwork('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64');
    expect(clientNetwork('1:2:3:4:5:6:7:8')).toBe('1:2:3:4::/64');
  });

  it('leaves anything else as it is', () => {
    expect(clientNetwork('unknown')).toBe('unknown');
    expect(clientNetwork('')).toBe('');
  });
});
