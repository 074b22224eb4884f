import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';

/**
 * Where webhooks may be delivered. A receiver's URL is typed by an administrator, but it is fetched
 * by a server inside the operator's network: without this a URL could reach the cloud's metadata
 * service (169.254.169.254), the database or an admin port on the loopback interface (SSRF).
 * `refuse` (the default in production) delivers only to public addresses; `allow` to any.
 */
export type PrivateTargets = 'allow' | 'refuse';

/** Addresses that are not on the public internet (RFC 6890 and its successors). */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible (::127.0.0.1, deprecated by RFC 4291)
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215): the operator's own translator into IPv4
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** An IPv4 address carried inside an IPv6 one (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4). */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const groups =
    /^(?:::ffff:(?:0:)?|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower) ??
    /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower); // 6to4
  if (!groups) return undefined;
  const [hi, lo] = [parseInt(groups[1], 16), parseInt(groups[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Whether an IP address (v4 or v6, without brackets) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  if (v4 !== undefined) return isIP(v4) === 4 && !NOT_PUBLIC.check(v4, 'ipv4');
  return !NOT_PUBLIC.check(address, 'ipv6');
}

/** A URL's host as an address when it is one (`[::1]` → `::1`), else undefined. */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : undefined;
}

/** Names that are the local machine whatever DNS says (RFC 6761). */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** Why a delivery to this host is refused, or undefined when it is not (before any DNS lookup). */
export function refusedHost(hostname: string): string | undefined {
  const address = literalAddress(hostname);
  if (address !== undefined) {
    return isPublicAddress(address) ? undefined : `${address} is not a public address`;
  }
  return isLocalName(hostname) ? `${hostname} is this machine` : undefined;
}

/** The error a refused lookup fails the connection with; its code is what a delivery's attempt shows. */
export class PrivateTargetError extends Error {
  readonly code = 'PRIVATE_ADDRESS_REFUSED';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to ${address}, which is not a public address`);
    this.name = 'PrivateTargetError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** `dns.lookup` with `all: true`: every address a name resolves to. */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** Injection token of the resolver a sender's lookups use (tests give one of their own). */
export const RESOLVE_ALL = Symbol('RESOLVE_ALL');

/**
 * A `dns.lookup` for sockets that fails when the name resolves to an address that is not public.
 * The check happens on the address the socket then connects to, so a name that resolved to a public
 * address when the webhook was registered cannot be pointed inside afterwards (DNS rebinding).
 */
export function publicOnlyLookup(resolveAll: ResolveAll = dnsLookup) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    resolveAll(hostname, { family: options.family, all: true }, (error, addresses) => {
      if (error) {
        callback(error, options.all ? [] : '', undefined);
        return;
      }
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        callback(
          new PrivateTargetError(hostname, refused?.address ?? 'nothing'),
          options.all ? [] : '',
          undefined,
        );
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Why a receiver's host is refused, its name looked up as a delivery would: undefined when it is
 * public, or when its name does not resolve (yet), which each delivery checks again anyway.
 */
export function refusedTarget(
  hostname: string,
  resolveAll: ResolveAll = dnsLookup,
): Promise<string | undefined> {
  const refused = refusedHost(hostname);
  if (refused !== undefined || literalAddress(hostname) !== undefined) return Promise.resolve(refused);
  return new Promise((resolve) =>
    publicOnlyLookup(resolveAll)(hostname, { all: true }, (error) =>
      resolve(error instanceof PrivateTargetError ? error.message : undefined),
    ),
  );
}
