// Model-based commands (fast-check fc.commands): one class per user action in the SETUP NETWORK
// menu. `check` is the action's precondition on the model (the menu item it needs is offered);
// `run` carries the action out on the target ONLY through its protocols and the suite's tasks
// (navigation, entry), checks each screen the guide describes on the way, updates the model,
// and then compares the SETUP NETWORK and WAN menus' labels with the model's. What a command does
// is performed as tasks, which write their descriptions into the run's transcript. Values the
// procedures show as defaults are compared with the model too ("Existing parameters are
// displayed in each screen"), so every change reads back what was stored before it.
import { normalize } from '../screens.ts';
import { GoToStatus } from '../tasks/navigation.ts';
import { EnterAt } from '../tasks/procedure.ts';
import type { Ipv4Entry, LanEntry, LinkSetting, NetworkModel, ProxyEntry } from './model.ts';
import {
  disableProxy, enableLanDhcp, enableWanDhcp, guideTexts, isSplit, lanPrompts, pad4, proxyPrompts, resetNetwork, setLanStatic,
  setLink, setProxy, setVlan, setWanStatic, shown, wanPrompts,
} from './model.ts';
import { Press, readScreen, screenMark } from '../tasks/panel.ts';
import type { NetworkCommand, Real } from './checks.ts';
import { checkMenus, confirmItem, expectPrompt, expectShows, fail, json, openItem, quitWithUp, readField, settle, walkFields } from './checks.ts';

export type { NetworkCommand, Real };

abstract class ModelCommand implements NetworkCommand {
  abstract check(m: Readonly<NetworkModel>): boolean;
  /** Carries the action out on the target and updates the model. */
  protected abstract perform(m: NetworkModel, r: Real): Promise<void>;
  abstract toString(): string;

  async run(m: NetworkModel, r: Real): Promise<void> {
    r.executed++;
    r.actor.note(`command ${this.toString()}`);
    await this.perform(m, r);
    await checkMenus(m, r);
  }
}

export class EnableVlan extends ModelCommand {
  readonly vlan: number;
  constructor(vlan: number) { super(); this.vlan = vlan; }
  check(m: Readonly<NetworkModel>) { return m.lan.vlan === 0; }
  protected async perform(m: NetworkModel, r: Real) {
    // "Press the Down arrow one time. When the ENABLE VLAN ON LAN menu option appears, press ENTER"
    await openItem(r, 'ENABLE VLAN ON LAN');
    const screen = await expectPrompt(r, 'VLAN 0-4094');
    if (screen.lines[1].trim() !== '0000') fail(r, screen, 'The value "0000" appears in the screen by default.');
    await r.actor.attemptsTo(EnterAt('VLAN 0-4094', String(this.vlan)));
    const mark = screenMark(r.actor);
    await r.actor.attemptsTo(Press('ENTER'));
    await settle(r, mark);
    setVlan(m, this.vlan);
  }
  toString() { return `EnableVlan(${this.vlan})`; }
}

/** CHANGE VLAN ON LAN with another VLAN ID, or "0000" to disable it. */
export class ChangeVlan extends ModelCommand {
  readonly vlan: number;
  constructor(vlan: number) { super(); this.vlan = vlan; }
  check(m: Readonly<NetworkModel>) { return m.lan.vlan !== 0; }
  protected async perform(m: NetworkModel, r: Real) {
    await openItem(r, 'CHANGE VLAN ON LAN');
    const screen = await expectPrompt(r, 'VLAN 0-4094');
    if (screen.lines[1].trim() !== pad4(m.lan.vlan)) fail(r, screen, `the stored VLAN ${pad4(m.lan.vlan)} is not shown as the default`);
    await r.actor.attemptsTo(EnterAt('VLAN 0-4094', String(this.vlan)));
    const mark = screenMark(r.actor);
    await r.actor.attemptsTo(Press('ENTER'));
    await settle(r, mark);
    setVlan(m, this.vlan);
  }
  toString() { return this.vlan === 0 ? 'DisableVlan' : `ChangeVlan(${this.vlan})`; }
}

export class SetLanStatic extends ModelCommand {
  readonly entry: LanEntry;
  constructor(entry: LanEntry) { super(); this.entry = entry; }
  check() { return true; }
  protected async perform(m: NetworkModel, r: Real) {
    await openItem(r, m.lan.ipv4 === 'static' ? 'CHANGE STATIC IP ON LAN' : 'ENABLE STATIC IP ON LAN');
    await expectShows(r, 'CFG LAN STATIC NETWORK PARAMS?', 'the static IP procedure opens on its confirmation');
    await r.actor.attemptsTo(Press('ENTER'));
    await walkFields(r, lanPrompts(r.generation), m.lan.ipv4 === 'static' ? m.lan.static : null, this.entry);
    await expectShows(r, 'REALLY SET LAN STATIC NETWORK?', 'after DOMAIN NAME');
    const mark = screenMark(r.actor);
    await r.actor.attemptsTo(Press('ENTER'));
    await settle(r, mark);
    setLanStatic(m, this.entry);
  }
  toString() { return `SetLanStatic(${json(this.entry)})`; }
}

/** A procedure between two confirmations, and the UPs that quit it ("Up arrow two times" for the proxy). */
interface Procedure { item: string; opening: string; walk: () => Promise<void>; closing: string; lastPrompt: string; ups: 1 | 2 }

/** Quits a procedure at its first or its last confirmation: nothing is stored. */
abstract class CancelProcedure<E> extends ModelCommand {
  readonly at: 'start' | 'end';
  readonly entry: E;
  constructor(at: 'start' | 'end', entry: E) { super(); this.at = at; this.entry = entry; }
  check() { return true; }
  protected abstract procedure(m: NetworkModel, r: Real): Procedure;
  protected async perform(m: NetworkModel, r: Real) {
    const p = this.procedure(m, r);
    await openItem(r, p.item);
    await expectShows(r, p.opening, 'the procedure opens on its confirmation');
    if (this.at === 'start') return quitWithUp(r, p.ups, p.opening);
    await r.actor.attemptsTo(Press('ENTER'));
    await p.walk();
    await expectShows(r, p.closing, `after ${p.lastPrompt}`);
    await quitWithUp(r, p.ups, p.closing);
  }
  toString() { return `${this.constructor.name}(${this.at}, ${json(this.entry)})`; }
}

export class CancelLanStatic extends CancelProcedure<LanEntry> {
  protected procedure(m: NetworkModel, r: Real): Procedure {
    return {
      item: m.lan.ipv4 === 'static' ? 'CHANGE STATIC IP ON LAN' : 'ENABLE STATIC IP ON LAN',
      opening: 'CFG LAN STATIC NETWORK PARAMS?',
      walk: () => walkFields(r, lanPrompts(r.generation), m.lan.ipv4 === 'static' ? m.lan.static : null, this.entry),
      closing: 'REALLY SET LAN STATIC NETWORK?', lastPrompt: 'DOMAIN NAME', ups: 1,
    };
  }
}

export class EnableLanDhcp extends ModelCommand {
  check(m: Readonly<NetworkModel>) { return m.lan.ipv4 !== 'dhcp' && m.lan.vlan === 0; }
  protected async perform(m: NetworkModel, r: Real) {
    const mark = screenMark(r.actor);
    await openItem(r, 'ENABLE DHCP ON LAN');
    await settle(r, mark);
    enableLanDhcp(m);
  }
  toString() { return 'EnableLanDhcp'; }
}

/** RENEW DHCP ON LAN or ON WAN: offered while the port takes its address from DHCP. */
export class RenewDhcp extends ModelCommand {
  readonly port: 'LAN' | 'WAN';
  constructor(port: 'LAN' | 'WAN') { super(); this.port = port; }
  check(m: Readonly<NetworkModel>) { return (this.port === 'LAN' ? m.lan : m.wan).ipv4 === 'dhcp'; }
  protected async perform(_m: NetworkModel, r: Real) {
    const mark = screenMark(r.actor);
    await openItem(r, `RENEW DHCP ON ${this.port}`);
    await settle(r, mark);
  }
  toString() { return `Renew${this.port === 'LAN' ? 'Lan' : 'Wan'}Dhcp`; }
}

/** ENABLE PROXY (no proxy stored) or CHANGE PROXY PARAMS (one stored): the same procedure. */
export class SetProxy extends ModelCommand {
  readonly entry: ProxyEntry;
  readonly change: boolean;
  constructor(change: boolean, entry: ProxyEntry) { super(); this.change = change; this.entry = entry; }
  check(m: Readonly<NetworkModel>) { return (m.proxy !== null) === this.change; }
  protected async perform(m: NetworkModel, r: Real) {
    await openItem(r, this.change ? 'CHANGE PROXY PARAMS' : 'ENABLE PROXY');
    await expectShows(r, 'CONFIG PROXY PARAMETERS', 'the proxy procedure opens on its confirmation');
    await r.actor.attemptsTo(Press('ENTER'));
    await walkProxyFields(m, r, this.entry);
    await expectShows(r, 'REALLY ENABLE PROXY?', 'after PROXY PASSW');
    const mark = screenMark(r.actor);
    await r.actor.attemptsTo(Press('ENTER'));
    // "The ENABLING PROXY SUPPORT message appears followed by other messages"
    await settle(r, mark, 'ENABLING PROXY SUPPORT');
    setProxy(m, this.entry);
  }
  toString() { return `${this.change ? 'ChangeProxy' : 'EnableProxy'}(${json(this.entry)})`; }
}

/**
 * The proxy fields. With a proxy stored, each shows its stored value ("Existing parameters are
 * displayed in each screen"); without one, "Port "0443" appears in the screen by default", and
 * the proxy host field shows the gateway ("The gateway IP address appears in the screen by
 * default"), checked where the gateway is the one the model knows: a static LAN, no split network.
 */
async function walkProxyFields(m: NetworkModel, r: Real, entry: ProxyEntry | null): Promise<void> {
  const prompts = proxyPrompts(r.generation);
  if (m.proxy) return walkFields(r, prompts, m.proxy, entry);
  const [host, port, ...rest] = prompts;
  await expectPrompt(r, host[1]);
  if (m.lan.ipv4 === 'static' && m.lan.static && !isSplit(m) && m.lan.static.gateway !== '0.0.0.0') {
    const want = shown(r.generation, 'host', m.lan.static.gateway);
    const have = await readField(r, host[1]);
    if (have !== want) fail(r, await readScreen(r.actor), `"${host[1]}" shows "${have}", not the gateway IP address ${want} ("The gateway IP address appears in the screen by default")`);
  }
  await walkFields(r, [host], null, entry);
  await expectPrompt(r, port[1]);
  const portShown = (await readScreen(r.actor)).lines[1].trim();
  if (portShown !== '0443') fail(r, await readScreen(r.actor), 'Port "0443" appears in the screen by default.');
  await walkFields(r, [port], null, entry);
  // Nothing stored since the factory default (or a reset, which removes the "user/password
  // store"): the user and password fields are blank ("leave the entry field blank").
  for (const field of rest) {
    await expectPrompt(r, field[1]);
    if (!m.proxyStored && (await readField(r, field[1])) !== '') fail(r, await readScreen(r.actor), `"${field[1]}" is not blank although no proxy credentials were stored since the factory default`);
    await walkFields(r, [field], null, entry);
  }
}

export class CancelProxy extends CancelProcedure<ProxyEntry> {
  protected procedure(m: NetworkModel, r: Real): Procedure {
    return {
      item: m.proxy ? 'CHANGE PROXY PARAMS' : 'ENABLE PROXY',
      opening: 'CONFIG PROXY PARAMETERS',
      walk: () => walkProxyFields(m, r, this.entry),
      closing: 'REALLY ENABLE PROXY?', lastPrompt: 'PROXY PASSW', ups: 2,
    };
  }
}

export class DisableProxy extends ModelCommand {
  readonly cancel: boolean;
  constructor(cancel: boolean) { super(); this.cancel = cancel; }
  check(m: Readonly<NetworkModel>) { return m.proxy !== null; }
  protected async perform(m: NetworkModel, r: Real) {
    if (await confirmItem(r, 'DISABLE PROXY', 'REALLY DISABLE PROXY?', 2, this.cancel)) disableProxy(m);
  }
  toString() { return this.cancel ? 'CancelDisableProxy' : 'DisableProxy'; }
}

export class EnableWanDhcp extends ModelCommand {
  readonly cancel: boolean;
  constructor(cancel: boolean) { super(); this.cancel = cancel; }
  check(m: Readonly<NetworkModel>) { return m.wan.ipv4 !== 'dhcp'; }
  protected async perform(m: NetworkModel, r: Real) {
    // "press the Down arrow until the ENABLE WAN INTERFACE menu option appears. Then press ENTER"
    // "Go to the ENABLE DHCP ON WAN menu option and press ENTER to continue."
    if (await confirmItem(r, 'ENABLE DHCP ON WAN', 'REALLY ENABLE DHCP ON WAN?', 2, this.cancel)) enableWanDhcp(m);
  }
  toString() { return this.cancel ? 'CancelWanDhcp' : 'EnableWanDhcp'; }
}

export class SetWanStatic extends ModelCommand {
  readonly entry: Ipv4Entry;
  readonly cancelAt: 'start' | 'end' | null;
  constructor(entry: Ipv4Entry, cancelAt: 'start' | 'end' | null) { super(); this.entry = entry; this.cancelAt = cancelAt; }
  check() { return true; }
  protected async perform(m: NetworkModel, r: Real) {
    await openItem(r, m.wan.ipv4 === 'static' ? 'CHANGE STATIC IP ON WAN' : 'ENABLE STATIC IP ON WAN');
    await expectShows(r, 'CFG WAN STATIC NETWORK PARAMS?', 'the WAN static IP procedure opens on its confirmation');
    if (this.cancelAt === 'start') return quitWithUp(r, 1, 'CFG WAN STATIC NETWORK PARAMS?');
    await r.actor.attemptsTo(Press('ENTER'));
    await walkFields(r, wanPrompts, m.wan.ipv4 === 'static' ? m.wan.static : null, this.entry);
    await expectShows(r, 'REALLY SET WAN STATIC NETWORK?', 'after WAN DNS2');
    if (this.cancelAt === 'end') return quitWithUp(r, 1, 'REALLY SET WAN STATIC NETWORK?');
    const mark = screenMark(r.actor);
    await r.actor.attemptsTo(Press('ENTER'));
    await settle(r, mark);
    setWanStatic(m, this.entry);
  }
  toString() { return `${this.cancelAt ? `CancelWanStatic(${this.cancelAt}, ` : 'SetWanStatic('}${json(this.entry)})`; }
}

/**
 * ETHERNET PORT SETTINGS: "The LAN PORT LINK option is displayed along with the LAN port link
 * setting in effect"; with a split network "Press the Down arrow one time. The WAN PORT LINK
 * option is displayed"; RIGHT/LEFT to the setting, ENTER, "When the REALLY SET LAN TO <value>
 * prompt appears, press ENTER to store the configuration setting"; "To quit this procedure and
 * return to SETUP NETWORK, press the Up arrow two times." Cancelled either by quitting at the
 * PORT LINK option, or with the Up arrow at REALLY SET ... TO, which stores nothing and shows the
 * PORT LINK option again (ERRATA-241).
 */
export class SetPortLink extends ModelCommand {
  readonly port: 'LAN' | 'WAN';
  readonly value: LinkSetting;
  readonly cancel: 'quit' | 'confirmation' | null;
  constructor(port: 'LAN' | 'WAN', value: LinkSetting, cancel: 'quit' | 'confirmation' | null) {
    super();
    this.port = port;
    this.value = value;
    this.cancel = cancel;
  }
  check(m: Readonly<NetworkModel>) { return this.port === 'LAN' || isSplit(m); }
  protected async perform(m: NetworkModel, r: Real) {
    await openLinks(m, r, this.port);
    const prompt = `${this.port} PORT LINK`;
    await r.actor.attemptsTo(EnterAt(prompt, this.value));
    if (this.cancel === 'quit') return quitWithUp(r, 2, prompt);
    await r.actor.attemptsTo(Press('ENTER'));
    await expectShows(r, `REALLY SET ${this.port} TO ${this.value}`, 'the port link confirmation');
    await r.actor.attemptsTo(Press(this.cancel === 'confirmation' ? 'UP' : 'ENTER'));
    if (!this.cancel) setLink(m, this.port, this.value);
    // Stored ("A change to an Ethernet port setting takes effect right away") or not: the PORT
    // LINK option again, then back to SETUP NETWORK.
    const screen = await readScreen(r.actor);
    if (normalize(screen.lines[0]) !== prompt) fail(r, screen, `the ${prompt} option again after REALLY SET ${this.port} TO ${this.value}`);
    if (!this.cancel && screen.lines[1].trim() !== this.value) fail(r, screen, `${prompt} shows the setting just stored, ${this.value}`);
    await quitWithUp(r, 2, prompt);
  }
  toString() { return `${this.cancel ? `CancelPortLink[${this.cancel}]` : 'SetPortLink'}(${this.port}, ${this.value})`; }
}

/** To the LAN (or WAN) PORT LINK option, checking the settings in effect on the way. */
async function openLinks(m: NetworkModel, r: Real, port: 'LAN' | 'WAN'): Promise<void> {
  await openItem(r, 'ETHERNET PORT SETTINGS');
  let screen = await expectPrompt(r, 'LAN PORT LINK');
  if (screen.lines[1].trim() !== m.lan.link) fail(r, screen, `the LAN port link setting in effect is ${m.lan.link}`);
  if (port === 'LAN') return;
  await r.actor.attemptsTo(Press('DOWN'));
  screen = await expectPrompt(r, 'WAN PORT LINK');
  if (screen.lines[1].trim() !== m.wan.link) fail(r, screen, `the WAN port link setting in effect is ${m.wan.link}`);
}

export class ResetNetwork extends ModelCommand {
  readonly cancel: boolean;
  constructor(cancel: boolean) { super(); this.cancel = cancel; }
  check() { return true; }
  protected async perform(m: NetworkModel, r: Real) {
    const texts = guideTexts[r.generation];
    // "Or press the Up arrow to quit this procedure and return to the SETUP NETWORK menu."
    if (!await confirmItem(r, texts.resetItem, texts.resetConfirm, 1, this.cancel)) return;
    resetNetwork(m);
    // "a reset always restores the documented defaults": read everything back at once.
    await readBack(m, r);
  }
  toString() { return this.cancel ? 'CancelReset' : 'ResetNetwork'; }
}

/** SYSTEM REBOOT: the stored configuration survives a restart. */
export class Reboot extends ModelCommand {
  check() { return true; }
  protected async perform(m: NetworkModel, r: Real) {
    await openItem(r, 'SYSTEM REBOOT');
    await expectShows(r, 'REALLY REBOOT SYSTEM?', 'the reboot confirmation');
    const mark = screenMark(r.actor);
    await r.actor.attemptsTo(Press('ENTER'));
    await settle(r, mark);
    await readBack(m, r);
  }
  toString() { return 'Reboot'; }
}

/** A checkpoint: every stored value the UI shows, read back and compared with the model. */
export class ReadBack extends ModelCommand {
  check() { return true; }
  protected async perform(m: NetworkModel, r: Real) {
    await readBack(m, r);
  }
  toString() { return 'ReadBack'; }
}

/**
 * Reads back what the appliance stored through the procedures that show it as defaults, and
 * quits each at its last confirmation: CHANGE STATIC IP ON LAN / ON WAN (one UP), CHANGE PROXY
 * PARAMS (two UPs), ETHERNET PORT SETTINGS (two UPs), the VLAN as the menu labels show it.
 */
export async function readBack(m: NetworkModel, r: Real): Promise<void> {
  r.actor.note(`read back: model ${json(m)}`);
  if (m.lan.ipv4 === 'static') {
    await openItem(r, 'CHANGE STATIC IP ON LAN');
    await expectShows(r, 'CFG LAN STATIC NETWORK PARAMS?', 'the static IP procedure opens on its confirmation');
    await r.actor.attemptsTo(Press('ENTER'));
    await walkFields(r, lanPrompts(r.generation), m.lan.static, null);
    await expectShows(r, 'REALLY SET LAN STATIC NETWORK?', 'after DOMAIN NAME');
    await quitWithUp(r, 1, 'REALLY SET LAN STATIC NETWORK?');
  }
  if (m.proxy) {
    await openItem(r, 'CHANGE PROXY PARAMS');
    await expectShows(r, 'CONFIG PROXY PARAMETERS', 'the proxy procedure opens on its confirmation');
    await r.actor.attemptsTo(Press('ENTER'));
    await walkFields(r, proxyPrompts(r.generation), m.proxy, null);
    await expectShows(r, 'REALLY ENABLE PROXY?', 'after PROXY PASSW');
    await quitWithUp(r, 2, 'REALLY ENABLE PROXY?');
  }
  if (m.wan.ipv4 === 'static') {
    await openItem(r, 'CHANGE STATIC IP ON WAN');
    await expectShows(r, 'CFG WAN STATIC NETWORK PARAMS?', 'the WAN static IP procedure opens on its confirmation');
    await r.actor.attemptsTo(Press('ENTER'));
    await walkFields(r, wanPrompts, m.wan.static, null);
    await expectShows(r, 'REALLY SET WAN STATIC NETWORK?', 'after WAN DNS2');
    await quitWithUp(r, 1, 'REALLY SET WAN STATIC NETWORK?');
  }
  await openLinks(m, r, isSplit(m) ? 'WAN' : 'LAN');
  await quitWithUp(r, 2, isSplit(m) ? 'WAN PORT LINK' : 'LAN PORT LINK');
  await r.actor.attemptsTo(GoToStatus());
}
