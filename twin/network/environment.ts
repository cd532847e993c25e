// The modeled network around the appliance: what is plugged into its ports and what answers on
// each segment. Plain data, changed by the lab (Given steps) and read by the appliance.
// Addresses come from 198.18.0.0/15 and 2001:db8::/32, the ranges kept for such test networks.

export interface DhcpService {
  /** The address leased to the appliance. */
  address: string;
  netmask: string;
  /** The lease's routers option; null when the lease has no gateway. */
  gateway: string | null;
  dns: string[];
  /** "option netbios-name-servers WINS1, WINS2;" */
  wins: string[];
}

export interface Segment {
  /** A cable between the port and a switch that is up: carrier. */
  cable: boolean;
  dhcp: DhcpService | null;
  /** Hosts on the segment: address -> what answers there. */
  hosts: Map<string, SegmentHost>;
  /** The IPv4 subnet the segment's router serves (for static settings), as address/prefix. */
  subnet: string;
  /** The router's address, through which the platform is reached. */
  router: string | null;
}

export type SegmentHost = { kind: 'dns'; reachable: boolean } | { kind: 'other' };

export interface PlatformEndpoint {
  /** The platform URL the appliance's POD answers on. */
  url: string;
  /** Whether the platform answers from this network at all. */
  reachable: boolean;
}

export interface Environment {
  lan: Segment;
  wan: Segment;
  /** Names the segment's DNS servers resolve, name -> address. */
  dnsRecords: Map<string, string>;
  platform: PlatformEndpoint;
}

export function segment(subnetBase: string, options: Partial<Segment> = {}): Segment {
  const router = `${subnetBase}.1`;
  const dnsServer = `${subnetBase}.53`;
  return {
    cable: true,
    dhcp: { address: `${subnetBase}.20`, netmask: '255.255.255.0', gateway: router, dns: [dnsServer], wins: [] },
    hosts: new Map<string, SegmentHost>([[dnsServer, { kind: 'dns', reachable: true }]]),
    subnet: `${subnetBase}.0/24`,
    router,
    ...options,
  };
}

/** A LAN with DHCP, a router and a DNS server that resolves the platform; no WAN cable. */
export function defaultEnvironment(platformUrl: string, platformAddress = '198.19.255.10'): Environment {
  return {
    lan: segment('198.18.10'),
    wan: { ...segment('198.18.20'), cable: false },
    dnsRecords: new Map([[new URL(platformUrl).hostname, platformAddress]]),
    platform: { url: platformUrl, reachable: true },
  };
}
