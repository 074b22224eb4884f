import type { LookupAddress } from 'node:dns';
import { connect, type LookupFunction } from 'node:net';
import { isPublicAddress, publicOnlyLookup, refusedHost, type ResolveAll } from './delivery-targets';

describe('delivery targets', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1234',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::a9fe:a9fe',
    '::7f00:1',
    '::a9fe:a9fe',
    '2002:0a00:0001::1',
    'not-an-address',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses hosts that are this machine or inside the network before any lookup, and says why', () => {
    expect(refusedHost('127.0.0.1')).toBe('127.0.0.1 is not a public address');
    expect(refusedHost('[::1]')).toBe('::1 is not a public address');
    expect(refusedHost('169.254.169.254')).toMatch(/not a public address/);
    expect(refusedHost('localhost')).toBe('localhost is this machine');
    expect(refusedHost('admin.localhost.')).toMatch(/this machine/);
    expect(refusedHost('hooks.news.example')).toBeUndefined();
    expect(refusedHost('93.184.216.34')).toBeUndefined();
  });

  describe('the lookup a delivery connects through', () => {
    const resolver =
      (table: Record<string, string[]>): ResolveAll =>
      (hostname, _options, callback) => {
        const addresses = table[hostname];
        if (!addresses) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
          return;
        }
        // Later, as DNS answers: a socket listens for its `lookup` event once connect() returns.
        setImmediate(() =>
          callback(
            null,
            addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
          ),
        );
      };
    const lookup = publicOnlyLookup(
      resolver({
        'hooks.news.example': ['93.184.216.34', '2606:2800:220:1::1'],
        'rebound.example': ['93.184.216.34', '10.0.0.7'],
        'metadata.example': ['169.254.169.254'],
      }),
    );
    const run = (hostname: string, all: boolean) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
        lookup(hostname, { all }, (error, address, family) => resolve({ error, address, family })),
      );

    it('passes a public name through, one address or all of them', async () => {
      expect(await run('hooks.news.example', false)).toEqual({
        error: null,
        address: '93.184.216.34',
        family: 4,
      });
      const all = await run('hooks.news.example', true);
      expect(all.error).toBeNull();
      expect(all.address).toHaveLength(2);
    });

    it('fails a name with any address that is not public, naming it', async () => {
      for (const [name, inside] of [
        ['rebound.example', '10.0.0.7'],
        ['metadata.example', '169.254.169.254'],
      ]) {
        const { error } = await run(name, false);
        expect(error).toMatchObject({ code: 'PRIVATE_ADDRESS_REFUSED' });
        expect(error?.message).toBe(`${name} resolves to ${inside}, which is not a public address`);
      }
    });

    it("answers a socket's lookup as Node's sockets expect: they go to the public addresses", async () => {
      // The socket's `lookup` events name the addresses it will try, before any packet is sent: with
      // one address asked for, and with every address (Node's default, which tries them in turn).
      const lookedUp = (autoSelectFamily: boolean) =>
        new Promise<string[]>((resolve) => {
          const addresses: string[] = [];
          const socket = connect({
            host: 'hooks.news.example',
            port: 9,
            autoSelectFamily,
            lookup: lookup as LookupFunction,
          });
          socket.on('lookup', (error: Error | null, address: string) =>
            addresses.push(error ? error.message : address),
          );
          socket.on('error', () => undefined); // whatever the network does after the lookup
          setTimeout(() => {
            socket.destroy();
            resolve(addresses);
          }, 50);
        });
      expect(await lookedUp(false)).toEqual(['93.184.216.34']);
      expect(await lookedUp(true)).toEqual(['93.184.216.34', '2606:2800:220:1::1']);
    });

    it("passes DNS's own failure on", async () => {
      expect((await run('nowhere.example', false)).error).toMatchObject({ code: 'ENOTFOUND' });
    });
  });
});
