// SSRF guard: a source URL (or a redirect it sends us to) must not reach the machine itself, the
// local network or cloud metadata. Checked on every hop, and on the address actually connected to,
// so a DNS name that resolves to 10.0.0.1 is refused as surely as the literal.
import dns from 'node:dns';
import net from 'node:net';
import type { Dispatcher } from 'undici';

export interface GuardOptions {
  /**
   * Hosts exempt from the address and port checks, as "host" or "host:port" (tighter): tests and
   * `--fixtures` open their own loopback server this way.
   */
  allowHosts?: readonly string[];
  /** Ports allowed besides the scheme defaults (80, 443). */
  allowPorts?: readonly number[];
}

export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'ERR_BLOCKED_ADDRESS';
}

const BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const BLOCKED_V6: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
];
const blockList = new net.BlockList();
for (const [a, p] of BLOCKED_V4) blockList.addSubnet(a, p, 'ipv4');
for (const [a, p] of BLOCKED_V6) blockList.addSubnet(a, p, 'ipv6');

/** true when `ip` is private, loopback, link-local, unique-local, multicast or reserved. */
export function isBlockedAddress(ip: string): boolean {
  const family = net.isIP(ip);
  if (family === 4) return blockList.check(ip, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped (::ffff:127.0.0.1) and IPv4-compatible forms hide a v4 address inside v6.
  const mapped = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return blockList.check(mapped, 'ipv4');
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (hexMapped) {
    const n = (Number.parseInt(hexMapped[1]!, 16) << 16) | Number.parseInt(hexMapped[2]!, 16);
    return blockList.check([n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255].join('.'), 'ipv4');
  }
  return blockList.check(ip, 'ipv6');
}

function bare(host: string): string {
  return host.replace(/^\[|\]$/g, '').toLowerCase();
}

/** Checks scheme, port and literal-IP host of one URL; throws BlockedAddressError. */
export function checkUrl(url: URL, opts: GuardOptions = {}): void {
  const host = bare(url.hostname);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BlockedAddressError(`only http and https are fetched, not ${url.protocol}`);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (opts.allowHosts?.some((a) => a === host || a === `${host}:${port}`)) return;
  if (port !== 80 && port !== 443 && !opts.allowPorts?.includes(port))
    throw new BlockedAddressError(`port ${port} is not allowed (only 80 and 443)`);
  if (host === 'localhost' || host.endsWith('.localhost'))
    throw new BlockedAddressError(`${host} is this machine: refused`);
  if (net.isIP(host) && isBlockedAddress(host))
    throw new BlockedAddressError(`${host} is a private or reserved address: refused`);
}

/**
 * A `lookup` for undici's connector: resolves as usual, then refuses private answers. This is the
 * check that counts, because it sees the address the socket will really use.
 */
export function guardedLookup(opts: GuardOptions = {}): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const name = bare(hostname);
      const allowed = opts.allowHosts?.some((a) => a === name || a.startsWith(`${name}:`));
      const bad = list.find((a) => isBlockedAddress(a.address));
      if (!allowed && bad)
        return callback(
          new BlockedAddressError(
            `${hostname} resolves to ${bad.address}, a private or reserved address: refused`,
          ),
          '',
          0,
        );
      if ((options as dns.LookupOptions).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Interceptor that checks every request, redirects included (it sits below the redirect interceptor). */
export function guardInterceptor(opts: GuardOptions = {}): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const url = new URL(options.path, options.origin as string);
    checkUrl(url, opts);
    return dispatch(options, handler);
  };
}
