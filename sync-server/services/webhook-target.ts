import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { fail, succeed, type Outcome } from './outcome';

/** Resolves a host name to its addresses (`dns.lookup` with `all: true`; tests give their own). */
export type HostResolver = (host: string) => Promise<readonly { address: string; family: number }[]>;

/** The system's resolver. */
export const systemResolver: HostResolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Addresses a webhook never goes to (unless private targets are allowed): loopback, private,
 * shared (CGNAT), link-local (cloud metadata), unique-local, multicast, reserved, documentation and
 * unspecified ranges, IPv4 and IPv6 alike.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2001::', 23],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address an IPv6 one carries (mapped `::ffff:a.b.c.d`, or NAT64 `64:ff9b::a.b.c.d`), if any. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match?.[1]) return match[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex?.[1] || !hex[2]) return null;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Whether an IP address is on a loopback, private, link-local or other non-public network. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return NON_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return true;
  const embedded = embeddedIpv4(address);
  if (embedded) return NON_PUBLIC.check(embedded, 'ipv4');
  return NON_PUBLIC.check(address, 'ipv6');
}

/** A webhook URL as it is accepted: http(s), a host, no credentials, no fragment. */
export function checkWebhookUrl(text: string): Outcome<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('invalid', 'invalid_url', 'url must be an absolute http or https URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('invalid', 'invalid_url', 'url must be an http or https URL.');
  }
  if (url.username || url.password) {
    return fail('invalid', 'invalid_url', 'url must not carry a user name or password.');
  }
  if (url.hash) return fail('invalid', 'invalid_url', 'url must not have a fragment.');
  if (!url.hostname) return fail('invalid', 'invalid_url', 'url must name a host.');
  return succeed(url);
}

/** The host of a URL as a resolver takes it (IPv6 literals without their brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Where a webhook to `url` may connect: the host's addresses, resolved now, all of them public
 * (unless `allowPrivate`). A host with any non-public address is refused as a whole, so a name that
 * also points inside cannot be used to reach it. Called when a subscription is made and again for
 * every delivery, whose connection then goes to the address checked here (no second lookup a
 * rebinding name could answer differently).
 */
export async function resolveWebhookTarget(
  url: URL,
  options: { readonly allowPrivate: boolean; readonly resolve: HostResolver },
): Promise<Outcome<{ readonly address: string; readonly family: 4 | 6 }>> {
  const host = hostOf(url);
  const literal = isIP(host);
  let addresses: readonly { address: string; family: number }[];
  if (literal !== 0) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await options.resolve(host);
    } catch {
      return fail('refused', 'unresolvable_target', `The host ${host} could not be resolved.`);
    }
  }
  const first = addresses[0];
  if (!first) return fail('refused', 'unresolvable_target', `The host ${host} has no address.`);
  if (!options.allowPrivate && addresses.some((entry) => isNonPublicAddress(entry.address))) {
    return fail(
      'refused',
      'private_target',
      `The host ${host} is on a loopback, private or link-local network; webhooks go to public addresses only.`,
    );
  }
  return succeed({ address: first.address, family: first.family === 6 ? 6 : 4 });
}
