import { isIPv4, isIPv6 } from 'node:net';

/**
 * What a client is counted by in rate limits: an IPv4 address as it is, an IPv6 address by its /64. A
 * /64 is one subnet (a household, a phone, a server), and its host picks any of its 2^64 addresses at
 * will: counted by address, each of its requests could come from a fresh one. An IPv4 address written
 * as IPv6 (`::ffff:198.51.100.7`, as a dual-stack socket reports it) counts as the IPv4 address.
 */
export function clientNetwork(ip: string): string {
  const mapped = /^::ffff:/i.test(ip) ? ip.slice(7) : '';
  if (isIPv4(mapped)) return mapped;
  if (!isIPv6(ip)) return ip;
  const [head, tail] = ip.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An IPv4 tail ("::ffff:1.2.3.4", "64:ff9b::1.2.3.4") is two groups.
  const rightGroups = right.length + (right.at(-1)?.includes('.') ? 1 : 0);
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - rightGroups).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
