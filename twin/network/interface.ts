// What the appliance asks of the network its cables lead to, as one interface: a lease by DHCP
// or router advertisement, a name resolved, a connection to the platform (directly or through a
// proxy), a datagram sent, a scan packet sent or routed. The appliance holds only this; the lab
// decides what answers (the modeled network, model.ts, or one day real services). The types are
// the network's: the appliance translates its configuration into them, so the network never reads
// the appliance's configuration module.
import type { NetworkMode } from '../../fixtures/profiles.ts';

export type Port = 'LAN' | 'WAN';

/** What DHCP leases on a port (not stored by the appliance: gone at power off). */
export interface Lease {
  ip: string;
  netmask: string;
  gateway: string | null;
  dns: string[];
  wins: string[];
}

/** What router advertisements and DHCPv6 give the LAN. */
export interface Ipv6Lease {
  address: string;
  prefix: number;
  gateway: string | null;
  dns: string[];
}

/** A port's IPv4 addressing in effect: entered, or leased (`leased`). */
export interface Ipv4Addressing {
  ip: string;
  netmask: string;
  /** As entered or leased ('' or "0.0.0.0": none). */
  gateway: string;
  /** The DNS servers to ask, in order (skipped fields left out). */
  dns: string[];
  leased: boolean;
}

export interface Ipv6Addressing {
  address: string;
  gateway: string | null;
  dns: string[];
}

/**
 * The appliance as the network meets it: each port's link setting and addressing, the LAN's VLAN
 * tag, the network mode and the proxy it is told to use.
 */
export interface Attachment {
  mode: NetworkMode;
  lan: { link: string; vlan: number; ipv4: Ipv4Addressing | null; ipv6: Ipv6Addressing | null };
  /** The WAN with split network configuration; null when the WAN interface is off. */
  wan: { link: string; ipv4: Ipv4Addressing | null } | null;
  proxy: { host: string; port: number; user: string; password: string } | null;
}

/** The routes the platform configured for scanning: VLANs on the LAN's trunk, static routes, IPv6. */
export interface ScanRoutes {
  vlans: ReadonlyArray<{ id: number; address: string; netmask: string }>;
  staticRoutes: ReadonlyArray<{ destination: string; netmask: string; gateway: string }>;
  ipv6: { enabled: false } | { enabled: true; mode: 'auto' } | { enabled: true; mode: 'static'; address: string; gateway: string };
}

/** Where a packet leaves the appliance: the port, the 802.1Q tag (0: untagged) and its source address. */
export interface Egress { port: Port; vlan: number; source: string }

/** Every condition that can stop a contact with the platform; each profile must report each one. */
export const conditions = [
  'lan-iface-down', 'wan-iface-down', 'lan-no-carrier', 'wan-no-carrier', 'lan-no-ipv4', 'wan-no-ipv4',
  'lan-invalid-ip', 'wan-invalid-ip', 'lan-loopback-ip', 'wan-loopback-ip', 'lan-lease-no-gateway', 'wan-lease-no-gateway', 'lan-no-dns', 'wan-no-dns',
  'lan-dns-unreachable', 'wan-dns-unreachable', 'lan-dns-failed', 'wan-dns-failed', 'lan-dns-no-proxy', 'wan-dns-no-proxy',
  'duplicate-ip', 'lan-wan-same-subnet', 'lan-wan-same-gateway',
  'proxy-invalid-ip', 'proxy-invalid-auth', 'proxy-no-auth-method', 'proxy-refused', 'proxy-timeout', 'proxy-closed',
  'proxy-no-http1', 'proxy-http', 'proxy-ntlm-no-domain', 'proxy-ntlm-refused',
  'platform-refused', 'platform-timeout', 'platform-send-failed', 'platform-receive-failed', 'platform-ssl-handshake',
  'platform-ssl-cert', 'platform-http', 'unknown-scanner', 'scanner-disabled', 'account-expired',
] as const;
export type Condition = (typeof conditions)[number];

/** The TLS stack's codes for a certificate the appliance does not trust (Node's and OpenSSL's). */
export const certificateErrorCodes: ReadonlySet<string> = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED',
]);

/** Seconds a connection waits for a silent peer ("within 30 seconds"). */
export const CONNECT_TIMEOUT_S = 30;

/** A connection to the platform: the way it took and how long it took, or where it stopped. */
export type Connection =
  | { ok: true; via: Port; address: string; seconds: number }
  | { ok: false; condition: Condition; code?: number; seconds: number };

/**
 * An answer now (the modeled network) or once real I/O ends (the twin on a real network stack):
 * the appliance waits for either the same way, and a modeled answer stays synchronous.
 */
export type Eventually<T> = T | Promise<T>;

/** Goes on with a value when it is there: at once for a plain one, after the promise for the other. */
export function whenSettled<T, R>(value: Eventually<T>, then: (settled: T) => Eventually<R>): Eventually<R> {
  return value instanceof Promise ? value.then(then) : then(value);
}

export interface Network {
  /** DHCP on a port (the LAN with its VLAN tag), with the port's link setting: the lease, or null. */
  requestLease(port: Port, vlan: number, link: string): Eventually<Lease | null>;
  /** Router advertisements and DHCPv6 on the LAN: the address they give, or null. */
  requestIpv6(vlan: number, link: string): Eventually<Ipv6Lease | null>;
  /** What the appliance's DNS servers answer for a name, of an address family it can use. */
  resolve(host: Attachment, name: string): Eventually<string | null>;
  /** An HTTPS connection to the platform's host name, directly or through the configured proxy. */
  connect(host: Attachment, platformHost: string): Eventually<Connection>;
  /** The way a packet to `address` would leave (null: no route). */
  route(host: Attachment, routes: ScanRoutes | null, address: string): Egress | null;
  /** A scan packet of a job to `target`, sent: the way it left, or null when it could not be sent. */
  probe(host: Attachment, routes: ScanRoutes | null, packet: { jobId: string; target: string }): Egress | null;
  /** A message to a service (a syslog server) sent, when a route reaches a host listening there. */
  send(host: Attachment, routes: ScanRoutes | null, to: { address: string; protocol: 'udp' | 'tcp'; port: number }, message: string): Eventually<boolean>;
}
