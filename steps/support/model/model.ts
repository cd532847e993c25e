// A model of the appliance's stored network configuration, written from the user guide (both
// editions) and not from the twin: the factory defaults, what each confirmed procedure stores,
// and the menu labels the guide derives from the stored configuration. The model-based
// property (steps/model.test.ts) drives a target through its keypad and screen and compares
// what it shows with what this model predicts.
//
// The readings of unclear passages are the errata register's (fixtures/errata.yaml):
// ERRATA-006 (VLAN and DHCP on the LAN exclude each other), ERRATA-007 (EXIT THIS MENU closes
// SETUP NETWORK and the WAN menu), ERRATA-009 (2022 WINS DOMAIN prompt), ERRATA-019 (a quit
// lands on SETUP NETWORK), ERRATA-041 (text entries are stored without padding), ERRATA-300
// (a confirmed change is stored whether or not the platform is then reached).
import { padIpv4 } from '../../../fixtures/addresses.ts';

export type ModelGeneration = '2017' | '2022';

/** "AUTO", "1GbaseT/Full", ... in the guide's table order (Ethernet Port Configuration). */
export const linkSettings = ['AUTO', '1GbaseT/Full', '100baseT/Full', '100baseT/Half', '10baseT/Full', '10baseT/Half'] as const;
export type LinkSetting = (typeof linkSettings)[number];

/** "Scrolling netmask values in the Netmask field" (orders 1 to 30; order 21 read as ERRATA-002). */
export const netmasks = [
  '255.255.255.000', '255.255.254.000', '255.255.252.000', '255.255.248.000', '255.255.240.000',
  '255.255.224.000', '255.255.192.000', '255.255.128.000', '255.255.000.000', '255.254.000.000',
  '255.252.000.000', '255.248.000.000', '255.240.000.000', '255.224.000.000', '255.192.000.000',
  '255.128.000.000', '255.000.000.000', '254.000.000.000', '252.000.000.000', '248.000.000.000',
  '240.000.000.000', '224.000.000.000', '192.000.000.000', '128.000.000.000', '255.255.255.252',
  '255.255.255.248', '255.255.255.240', '255.255.255.224', '255.255.255.192', '255.255.255.128',
] as const;

/** IPv4 settings as entered: dotted decimal without padding; "0.0.0.0" is an optional field left empty. */
export interface Ipv4Entry {
  ip: string;
  /** As the list field shows it ("255.255.255.000"). */
  netmask: string;
  gateway: string;
  dns1: string;
  dns2: string;
}

export interface LanEntry extends Ipv4Entry {
  wins1: string;
  wins2: string;
  /** Uppercase letters, digits, underscore and period (ERRATA-003); "" when skipped. */
  domain: string;
}

export interface ProxyEntry {
  /** 2017: an IPv4 address ("IP ADDRESS"); 2022: an FQDN or IPv4 address ("PROXY HOST"). */
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface NetworkModel {
  readonly generation: ModelGeneration;
  lan: {
    /** DHCP, a static IP, or neither (a VLAN enabled while DHCP was in use: ERRATA-006). */
    ipv4: 'dhcp' | 'static' | 'none';
    static: LanEntry | null;
    /** 0 is "no VLAN" ("enter the VLAN ID "0000"" disables it). */
    vlan: number;
    link: LinkSetting;
  };
  wan: {
    /** "off" is the Standard (not split) configuration. */
    ipv4: 'off' | 'dhcp' | 'static';
    static: Ipv4Entry | null;
    link: LinkSetting;
  };
  proxy: ProxyEntry | null;
  /**
   * Whether proxy credentials were ever stored since the factory default: a reset removes "Proxy
   * support ... and user/password store", so until a proxy is enabled again ENABLE PROXY offers
   * a blank PROXY USER: and PROXY PASSW (what a disabled proxy leaves, the guide does not say).
   */
  proxyStored: boolean;
}

/**
 * The factory default: "the default network configuration (DHCP enabled, no VLAN configuration,
 * no Proxy configuration, no split network configuration, and Ethernet auto negotiation
 * enabled)" (2017 Reset the Network Configuration; 2022 "Default network configuration for
 * IPv4+v6 mode"). "When you deploy a scanner appliance, it works in IPv4+v6 mode by default."
 */
export function defaultModel(generation: ModelGeneration): NetworkModel {
  return {
    generation,
    lan: { ipv4: 'dhcp', static: null, vlan: 0, link: 'AUTO' },
    wan: { ipv4: 'off', static: null, link: 'AUTO' },
    proxy: null,
    proxyStored: false,
  };
}

/** The screen texts the model's commands look for, per edition, copied from the guide. */
export interface GuideTexts {
  setupNetwork: string;
  resetItem: string;
  resetConfirm: string;
  /** The proxy host prompt: 2017 "IP ADDRESS", 2022 "PROXY HOST". */
  proxyHost: string;
  /** The static IP domain prompt: 2017 "DOMAIN NAME", 2022 "WINS DOMAIN" (ERRATA-009). */
  domain: string;
}

export const guideTexts: Record<ModelGeneration, GuideTexts> = {
  // "When the REALLY RESET NETWORK CONFIG? prompt appears"; "When the IP ADDRESS prompt appears";
  // "When the DOMAIN NAME prompt appears".
  '2017': {
    setupNetwork: 'SETUP NETWORK',
    resetItem: 'RESET NETWORK CONFIG',
    resetConfirm: 'REALLY RESET NETWORK CONFIG?',
    proxyHost: 'IP ADDRESS',
    domain: 'DOMAIN NAME',
  },
  // "When the RESET NETWORK SETTINGS menu option appears"; "When the REALLY RESET ALL SETTINGS?
  // prompt appears"; "When the PROXY HOST prompt appears"; WINS DOMAIN (ERRATA-009).
  '2022': {
    setupNetwork: 'SETUP NETWORK',
    resetItem: 'RESET NETWORK SETTINGS',
    resetConfirm: 'REALLY RESET ALL SETTINGS?',
    proxyHost: 'PROXY HOST',
    domain: 'WINS DOMAIN',
  },
};

/** The static IP procedures' prompts, in the guide's order ("Entering parameters"). */
export const lanPrompts = (g: ModelGeneration) => [
  ['ip', 'LAN IP ADDR'], ['netmask', 'LAN NETMASK'], ['gateway', 'LAN GATEWAY'], ['dns1', 'LAN DNS1'],
  ['dns2', 'LAN DNS2'], ['wins1', 'LAN WINS1'], ['wins2', 'LAN WINS2'], ['domain', guideTexts[g].domain],
] as const satisfies ReadonlyArray<readonly [keyof LanEntry, string]>;

export const wanPrompts = [
  ['ip', 'WAN IP ADDR'], ['netmask', 'WAN NETMASK'], ['gateway', 'WAN GATEWAY'], ['dns1', 'WAN DNS1'], ['dns2', 'WAN DNS2'],
] as const satisfies ReadonlyArray<readonly [keyof Ipv4Entry, string]>;

export const proxyPrompts = (g: ModelGeneration) => [
  ['host', guideTexts[g].proxyHost], ['port', 'PROXY PORT:'], ['user', 'PROXY USER:'], ['password', 'PROXY PASSW'],
] as const satisfies ReadonlyArray<readonly [keyof ProxyEntry, string]>;

/**
 * The SETUP NETWORK menu's items, top to bottom, for a stored configuration:
 * - "SETUP NETWORK ... Press the Down arrow one time. When the ENABLE VLAN ON LAN menu option
 *   appears": the LAN DHCP item comes first, the VLAN item one below it (ERRATA-006).
 * - "(*) One option may be enabled: ENABLE VLAN ON LAN or ENABLE DHCP ON LAN. After one option
 *   is enabled, the other option disappears"; "After the configuration is disabled the ENABLE
 *   DHCP ON LAN menu option appears" (ERRATA-006).
 * - "Once you configure ENABLE STATIC IP ON LAN the option will change to CHANGE STATIC IP ON
 *   LAN. Once you configure ENABLE DHCP ON LAN the option will appear as RENEW DHCP ON LAN."
 * - "select the CHANGE VLAN ON LAN menu option" once a VLAN is added.
 * - ENABLE PROXY; once enabled, "CHANGE PROXY PARAMS" and "DISABLE PROXY".
 * - ENABLE WAN INTERFACE, ETHERNET PORT SETTINGS, the reset item, in the guide's section order,
 *   and EXIT THIS MENU (ERRATA-007).
 */
export function setupNetworkLabels(m: NetworkModel): string[] {
  const labels: string[] = [];
  if (m.lan.ipv4 === 'dhcp') labels.push('RENEW DHCP ON LAN');
  else if (m.lan.vlan === 0) labels.push('ENABLE DHCP ON LAN');
  labels.push(m.lan.vlan === 0 ? 'ENABLE VLAN ON LAN' : 'CHANGE VLAN ON LAN');
  labels.push(m.lan.ipv4 === 'static' ? 'CHANGE STATIC IP ON LAN' : 'ENABLE STATIC IP ON LAN');
  if (m.proxy) labels.push('CHANGE PROXY PARAMS', 'DISABLE PROXY');
  else labels.push('ENABLE PROXY');
  labels.push('ENABLE WAN INTERFACE', 'ETHERNET PORT SETTINGS', guideTexts[m.generation].resetItem, 'EXIT THIS MENU');
  return labels;
}

/**
 * The WAN interface menu: "Once you configure ENABLE STATIC IP ON WAN the option will change to
 * CHANGE STATIC IP ON WAN. Once you configure ENABLE DHCP ON WAN the option will appear as RENEW
 * DHCP ON WAN." ("Go to the ENABLE DHCP ON WAN menu option", then ENABLE STATIC IP ON WAN.)
 */
export function wanLabels(m: NetworkModel): string[] {
  return [
    m.wan.ipv4 === 'dhcp' ? 'RENEW DHCP ON WAN' : 'ENABLE DHCP ON WAN',
    m.wan.ipv4 === 'static' ? 'CHANGE STATIC IP ON WAN' : 'ENABLE STATIC IP ON WAN',
    'EXIT THIS MENU',
  ];
}

/** Split network configuration: the WAN interface is configured (DHCP or static). */
export const isSplit = (m: NetworkModel): boolean => m.wan.ipv4 !== 'off';

// ---------------------------------------------------------------------------------------------
// What each confirmed procedure stores.

/** "Specify the VLAN ID, and then press ENTER": a VLAN on the LAN takes it off DHCP (ERRATA-006). */
export function setVlan(m: NetworkModel, vlan: number): void {
  m.lan.vlan = vlan;
  if (vlan !== 0 && m.lan.ipv4 === 'dhcp') m.lan.ipv4 = 'none';
}

export function setLanStatic(m: NetworkModel, entry: LanEntry): void {
  m.lan.ipv4 = 'static';
  m.lan.static = { ...entry };
}

export function enableLanDhcp(m: NetworkModel): void {
  m.lan.ipv4 = 'dhcp';
  m.lan.static = null;
}

export function setProxy(m: NetworkModel, entry: ProxyEntry): void {
  m.proxy = { ...entry };
  m.proxyStored = true;
}

export function disableProxy(m: NetworkModel): void {
  m.proxy = null;
}

export function enableWanDhcp(m: NetworkModel): void {
  m.wan.ipv4 = 'dhcp';
  m.wan.static = null;
}

export function setWanStatic(m: NetworkModel, entry: Ipv4Entry): void {
  m.wan.ipv4 = 'static';
  m.wan.static = { ...entry };
}

export function setLink(m: NetworkModel, port: 'LAN' | 'WAN', value: LinkSetting): void {
  if (port === 'LAN') m.lan.link = value;
  else m.wan.link = value;
}

/** "the service resets the network settings to the factory default". */
export function resetNetwork(m: NetworkModel): void {
  const d = defaultModel(m.generation);
  m.lan = d.lan;
  m.wan = d.wan;
  m.proxy = d.proxy;
  m.proxyStored = d.proxyStored;
}

// ---------------------------------------------------------------------------------------------
// How stored values read on the LCD.

/** Port "0443" and VLAN "0000": four digits. */
export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/**
 * The value a field shows for a stored entry (and what the tasks' fillField takes): IPv4 fields
 * pre-filled with three digits per octet, four-digit numbers, text as entered. The 2022 PROXY
 * HOST is a text field ("enter an FQDN/IP address"), so an IPv4 address there reads as typed.
 */
export function shown(g: ModelGeneration, field: string, value: string | number): string {
  if (field === 'port') return pad4(Number(value));
  if (field === 'netmask') return String(value);
  const ipv4Fields = ['ip', 'gateway', 'dns1', 'dns2', 'wins1', 'wins2', ...(g === '2017' ? ['host'] : [])];
  return ipv4Fields.includes(field) ? padIpv4(String(value)) : String(value);
}
