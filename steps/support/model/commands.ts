// Model-based commands (fast-check fc.commands): one class per user action in the SETUP NETWORK
// menu. `check` is the action's precondition on the model (the menu item it needs is offered);
// `run` carries the action out on the target ONLY through its protocols and the suite's tasks
// (navigation, entry), checks each screen the guide describes on the way, updates the model,
// and then compares the SETUP NETWORK and WAN menus' labels with the model's. Values the
// procedures show as defaults are compared with the model too ("Existing parameters are
// displayed in each screen"), so every change reads back what was stored before it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ScreenSnapshot } from '../protocols.ts';
import { normalize, shows } from '../screens.ts';
import { editorFor, fillField, readWholeField } from '../tasks/entry.ts';
import { recognize } from '../recognize.ts';
import { readMenuDown } from '../tasks/menus.ts';
import { answerPrompt } from '../tasks/procedure.ts';
import { goToMenuItem, goToStatus, openMainMenu, pressUntil, waitForInput } from '../tasks/navigation.ts';
import type { Actor } from '../actor.ts';
import type { Ipv4Entry, LanEntry, LinkSetting, ModelGeneration, NetworkModel, ProxyEntry } from './model.ts';
import {
  disableProxy, enableLanDhcp, enableWanDhcp, guideTexts, isSplit, lanPrompts, linkSettings, netmasks, pad4, proxyPrompts,
  resetNetwork, setLanStatic, setLink, setProxy, setupNetworkLabels, setVlan, setWanStatic, shown, wanLabels, wanPrompts,
} from './model.ts';
import { pressAndRead, readScreen, screenMark, screensSince } from '../tasks/panel.ts';

/** The system under test as the commands see it: an actor on a target. */
export interface Real {
  readonly actor: Actor;
  readonly generation: ModelGeneration;
  /** Commands carried out (those whose precondition held). */
  executed: number;
  /** Compare the WAN interface menu's labels after every command too (on unless turned off). */
  readonly checkWanMenu: boolean;
}

export type NetworkCommand = fc.AsyncCommand<NetworkModel, Real>;

// ---------------------------------------------------------------------------------------------
// Reading and checking the screen.

const json = (v: unknown) => JSON.stringify(v);

function fail(r: Real, screen: ScreenSnapshot, message: string): never {
  r.actor.note(`FAILED: ${message}`);
  assert.fail(`${message}; the screen shows ${r.actor.describe(screen)}`);
}

async function expectShows(r: Real, text: string, why: string): Promise<ScreenSnapshot> {
  const screen = await readScreen(r.actor);
  if (!shows(screen, text)) fail(r, screen, `expected "${text}" (${why})`);
  return screen;
}

/** The prompt of a field on the first line (the field itself is on the second). */
async function expectPrompt(r: Real, prompt: string): Promise<ScreenSnapshot> {
  const screen = await readScreen(r.actor);
  if (normalize(screen.lines[0]) !== normalize(prompt)) fail(r, screen, `expected the "${prompt}" prompt`);
  return screen;
}

/**
 * The value a field on screen holds. Text fields show 16 characters at a time and scroll left
 * ("The screen displays 16 characters of the PROXY USER field entry, and it scrolls left"), so a
 * long value is read character by character under the cursor, moving RIGHT to the field's end.
 */
async function readField(r: Real, prompt: string): Promise<string> {
  const screen = await readScreen(r.actor);
  const spec = editorFor(r.actor.guide.firmware, prompt);
  const window = r.actor.guide.hardware.lcd.fieldWindow;
  if (spec.kind !== 'text' || screen.lines[1].trimEnd().length < window) return screen.lines[1].trim();
  return (await readWholeField(r.actor, spec.maxLength)).trim();
}

/** After a confirmed change: the messages, then a status screen (name and IP, or an error). */
async function settle(r: Real, mark: number, expectMessage?: string): Promise<void> {
  const screen = await waitForInput(r.actor);
  if (recognize(screen, r.actor.guide.firmware).kind !== 'status') fail(r, screen, 'expected the status screen after the change was applied');
  if (expectMessage) {
    const seen = screensSince(r.actor, mark).some((s) => shows(s, expectMessage));
    if (!seen) fail(r, screen, `"${expectMessage}" did not appear while the change was applied`);
  }
}

/** "press the Up arrow [two times] to quit this procedure and return to the SETUP NETWORK menu option" (ERRATA-019). */
async function quitWithUp(r: Real, ups: 1 | 2, stillShown: string): Promise<void> {
  if (ups === 2) {
    const first = await pressAndRead(r.actor, 'UP');
    if (!shows(first, stillShown) && normalize(first.lines[0]) !== normalize(stillShown)) {
      fail(r, first, `one UP of the two the guide asks for already left "${stillShown}"`);
    }
  }
  await pressAndRead(r.actor, 'UP');
  await expectShows(r, guideTexts[r.generation].setupNetwork, 'a quit returns to the SETUP NETWORK menu option');
}


/** The SETUP NETWORK menu (and the WAN interface menu) read through the keypad, against the model. */
export async function checkMenus(m: NetworkModel, r: Real): Promise<void> {
  await openMainMenu(r.actor);
  await pressAndRead(r.actor, 'ENTER');
  const labels = await readMenuDown(r.actor);
  r.actor.note(`SETUP NETWORK menu: ${labels.join(' / ')}`);
  const expected = setupNetworkLabels(m);
  if (json(labels) !== json(expected)) {
    fail(r, await readScreen(r.actor), `the SETUP NETWORK menu reads ${labels.join(' / ')}; for the stored configuration ${json(m)} the guide's labels are ${expected.join(' / ')}`);
  }
  if (!r.checkWanMenu) return;
  await pressUntil(r.actor, 'UP', 'ENABLE WAN INTERFACE', 20);
  await pressAndRead(r.actor, 'ENTER');
  const wan = await readMenuDown(r.actor);
  r.actor.note(`WAN menu: ${wan.join(' / ')}`);
  const expectedWan = wanLabels(m);
  if (json(wan) !== json(expectedWan)) {
    fail(r, await readScreen(r.actor), `the WAN interface menu reads ${wan.join(' / ')}; for the stored configuration ${json(m)} the guide's labels are ${expectedWan.join(' / ')}`);
  }
}

/** Opens a SETUP NETWORK (or WAN) item the model says is shown, and checks it is. */
async function openItem(r: Real, label: string): Promise<void> {
  const found = await goToMenuItem(r.actor, label);
  if (found !== normalize(label)) fail(r, await readScreen(r.actor), `expected the menu item "${label}"`);
  await pressAndRead(r.actor, 'ENTER');
}

/**
 * Walks a procedure's fields: checks each prompt, compares the value shown first with
 * `expected` (the stored value, when there is one), enters `values` (when given), and ENTER.
 */
async function walkFields<T extends object>(
  r: Real,
  prompts: ReadonlyArray<readonly [keyof T & string, string]>,
  expected: T | null,
  values: T | null,
): Promise<void> {
  for (const [field, prompt] of prompts) {
    await expectPrompt(r, prompt);
    if (expected) {
      const want = shown(r.generation, field, (expected as Record<string, string | number>)[field]!);
      const have = await readField(r, prompt);
      if (have !== want) fail(r, await readScreen(r.actor), `"${prompt}" shows "${have}" as its default, not the stored "${want}" ("Existing parameters are displayed in each screen")`);
    }
    const after = await answerPrompt(r.actor, prompt, values ? String((values as Record<string, string | number>)[field]!) : null);
    // A refusal shows its reason under the prompt, with no indicators: every value entered here is one the guide allows.
    if (after.indicators.length === 0 && normalize(after.lines[0]) === normalize(prompt)) fail(r, after, `"${prompt}" refused the value entered`);
  }
}

// ---------------------------------------------------------------------------------------------
// Commands.

abstract class ModelCommand implements NetworkCommand {
  abstract check(m: Readonly<NetworkModel>): boolean;
  /** Carries the action out on the target and updates the model. */
  protected abstract act(m: NetworkModel, r: Real): Promise<void>;
  abstract toString(): string;

  async run(m: NetworkModel, r: Real): Promise<void> {
    r.executed++;
    r.actor.note(`command ${this.toString()}`);
    await this.act(m, r);
    await checkMenus(m, r);
  }
}

export class EnableVlan extends ModelCommand {
  readonly vlan: number;
  constructor(vlan: number) { super(); this.vlan = vlan; }
  check(m: Readonly<NetworkModel>) { return m.lan.vlan === 0; }
  protected async act(m: NetworkModel, r: Real) {
    // "Press the Down arrow one time. When the ENABLE VLAN ON LAN menu option appears, press ENTER"
    await openItem(r, 'ENABLE VLAN ON LAN');
    const screen = await expectPrompt(r, 'VLAN 0-4094');
    if (screen.lines[1].trim() !== '0000') fail(r, screen, 'The value "0000" appears in the screen by default.');
    await fillField(r.actor, 'VLAN 0-4094', String(this.vlan));
    const mark = screenMark(r.actor);
    await pressAndRead(r.actor, 'ENTER');
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
  protected async act(m: NetworkModel, r: Real) {
    await openItem(r, 'CHANGE VLAN ON LAN');
    const screen = await expectPrompt(r, 'VLAN 0-4094');
    if (screen.lines[1].trim() !== pad4(m.lan.vlan)) fail(r, screen, `the stored VLAN ${pad4(m.lan.vlan)} is not shown as the default`);
    await fillField(r.actor, 'VLAN 0-4094', String(this.vlan));
    const mark = screenMark(r.actor);
    await pressAndRead(r.actor, 'ENTER');
    await settle(r, mark);
    setVlan(m, this.vlan);
  }
  toString() { return this.vlan === 0 ? 'DisableVlan' : `ChangeVlan(${this.vlan})`; }
}

export class SetLanStatic extends ModelCommand {
  readonly entry: LanEntry;
  constructor(entry: LanEntry) { super(); this.entry = entry; }
  check() { return true; }
  protected async act(m: NetworkModel, r: Real) {
    await openItem(r, m.lan.ipv4 === 'static' ? 'CHANGE STATIC IP ON LAN' : 'ENABLE STATIC IP ON LAN');
    await expectShows(r, 'CFG LAN STATIC NETWORK PARAMS?', 'the static IP procedure opens on its confirmation');
    await pressAndRead(r.actor, 'ENTER');
    await walkFields(r, lanPrompts(r.generation), m.lan.ipv4 === 'static' ? m.lan.static : null, this.entry);
    await expectShows(r, 'REALLY SET LAN STATIC NETWORK?', 'after DOMAIN NAME');
    const mark = screenMark(r.actor);
    await pressAndRead(r.actor, 'ENTER');
    await settle(r, mark);
    setLanStatic(m, this.entry);
  }
  toString() { return `SetLanStatic(${json(this.entry)})`; }
}

/** Quits the static IP procedure at its first or its last confirmation (one UP). */
export class CancelLanStatic extends ModelCommand {
  readonly at: 'start' | 'end';
  readonly entry: LanEntry;
  constructor(at: 'start' | 'end', entry: LanEntry) { super(); this.at = at; this.entry = entry; }
  check() { return true; }
  protected async act(m: NetworkModel, r: Real) {
    await openItem(r, m.lan.ipv4 === 'static' ? 'CHANGE STATIC IP ON LAN' : 'ENABLE STATIC IP ON LAN');
    await expectShows(r, 'CFG LAN STATIC NETWORK PARAMS?', 'the static IP procedure opens on its confirmation');
    if (this.at === 'start') return quitWithUp(r, 1, 'CFG LAN STATIC NETWORK PARAMS?');
    await pressAndRead(r.actor, 'ENTER');
    await walkFields(r, lanPrompts(r.generation), m.lan.ipv4 === 'static' ? m.lan.static : null, this.entry);
    await expectShows(r, 'REALLY SET LAN STATIC NETWORK?', 'after DOMAIN NAME');
    await quitWithUp(r, 1, 'REALLY SET LAN STATIC NETWORK?');
  }
  toString() { return `CancelLanStatic(${this.at}, ${json(this.entry)})`; }
}

export class EnableLanDhcp extends ModelCommand {
  check(m: Readonly<NetworkModel>) { return m.lan.ipv4 !== 'dhcp' && m.lan.vlan === 0; }
  protected async act(m: NetworkModel, r: Real) {
    const mark = screenMark(r.actor);
    await openItem(r, 'ENABLE DHCP ON LAN');
    await settle(r, mark);
    enableLanDhcp(m);
  }
  toString() { return 'EnableLanDhcp'; }
}

export class RenewLanDhcp extends ModelCommand {
  check(m: Readonly<NetworkModel>) { return m.lan.ipv4 === 'dhcp'; }
  protected async act(_m: NetworkModel, r: Real) {
    const mark = screenMark(r.actor);
    await openItem(r, 'RENEW DHCP ON LAN');
    await settle(r, mark);
  }
  toString() { return 'RenewLanDhcp'; }
}

/** ENABLE PROXY (no proxy stored) or CHANGE PROXY PARAMS (one stored): the same procedure. */
export class SetProxy extends ModelCommand {
  readonly entry: ProxyEntry;
  readonly change: boolean;
  constructor(change: boolean, entry: ProxyEntry) { super(); this.change = change; this.entry = entry; }
  check(m: Readonly<NetworkModel>) { return (m.proxy !== null) === this.change; }
  protected async act(m: NetworkModel, r: Real) {
    await openItem(r, this.change ? 'CHANGE PROXY PARAMS' : 'ENABLE PROXY');
    await expectShows(r, 'CONFIG PROXY PARAMETERS', 'the proxy procedure opens on its confirmation');
    await pressAndRead(r.actor, 'ENTER');
    await walkProxyFields(m, r, this.entry);
    await expectShows(r, 'REALLY ENABLE PROXY?', 'after PROXY PASSW');
    const mark = screenMark(r.actor);
    await pressAndRead(r.actor, 'ENTER');
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

/** Quits the proxy procedure at CONFIG PROXY PARAMETERS or REALLY ENABLE PROXY? (two UPs). */
export class CancelProxy extends ModelCommand {
  readonly at: 'start' | 'end';
  readonly entry: ProxyEntry;
  constructor(at: 'start' | 'end', entry: ProxyEntry) { super(); this.at = at; this.entry = entry; }
  check() { return true; }
  protected async act(m: NetworkModel, r: Real) {
    await openItem(r, m.proxy ? 'CHANGE PROXY PARAMS' : 'ENABLE PROXY');
    await expectShows(r, 'CONFIG PROXY PARAMETERS', 'the proxy procedure opens on its confirmation');
    if (this.at === 'start') return quitWithUp(r, 2, 'CONFIG PROXY PARAMETERS');
    await pressAndRead(r.actor, 'ENTER');
    await walkProxyFields(m, r, this.entry);
    await expectShows(r, 'REALLY ENABLE PROXY?', 'after PROXY PASSW');
    await quitWithUp(r, 2, 'REALLY ENABLE PROXY?');
  }
  toString() { return `CancelProxy(${this.at}, ${json(this.entry)})`; }
}

export class DisableProxy extends ModelCommand {
  readonly cancel: boolean;
  constructor(cancel: boolean) { super(); this.cancel = cancel; }
  check(m: Readonly<NetworkModel>) { return m.proxy !== null; }
  protected async act(m: NetworkModel, r: Real) {
    await openItem(r, 'DISABLE PROXY');
    await expectShows(r, 'REALLY DISABLE PROXY?', 'the disable proxy confirmation');
    if (this.cancel) return quitWithUp(r, 2, 'REALLY DISABLE PROXY?');
    const mark = screenMark(r.actor);
    await pressAndRead(r.actor, 'ENTER');
    await settle(r, mark);
    disableProxy(m);
  }
  toString() { return this.cancel ? 'CancelDisableProxy' : 'DisableProxy'; }
}

export class EnableWanDhcp extends ModelCommand {
  readonly cancel: boolean;
  constructor(cancel: boolean) { super(); this.cancel = cancel; }
  check(m: Readonly<NetworkModel>) { return m.wan.ipv4 !== 'dhcp'; }
  protected async act(m: NetworkModel, r: Real) {
    // "press the Down arrow until the ENABLE WAN INTERFACE menu option appears. Then press ENTER"
    // "Go to the ENABLE DHCP ON WAN menu option and press ENTER to continue."
    await openItem(r, 'ENABLE DHCP ON WAN');
    await expectShows(r, 'REALLY ENABLE DHCP ON WAN?', 'the WAN DHCP confirmation');
    if (this.cancel) return quitWithUp(r, 2, 'REALLY ENABLE DHCP ON WAN?');
    const mark = screenMark(r.actor);
    await pressAndRead(r.actor, 'ENTER');
    await settle(r, mark);
    enableWanDhcp(m);
  }
  toString() { return this.cancel ? 'CancelWanDhcp' : 'EnableWanDhcp'; }
}

export class RenewWanDhcp extends ModelCommand {
  check(m: Readonly<NetworkModel>) { return m.wan.ipv4 === 'dhcp'; }
  protected async act(_m: NetworkModel, r: Real) {
    const mark = screenMark(r.actor);
    await openItem(r, 'RENEW DHCP ON WAN');
    await settle(r, mark);
  }
  toString() { return 'RenewWanDhcp'; }
}

export class SetWanStatic extends ModelCommand {
  readonly entry: Ipv4Entry;
  readonly cancelAt: 'start' | 'end' | null;
  constructor(entry: Ipv4Entry, cancelAt: 'start' | 'end' | null) { super(); this.entry = entry; this.cancelAt = cancelAt; }
  check() { return true; }
  protected async act(m: NetworkModel, r: Real) {
    await openItem(r, m.wan.ipv4 === 'static' ? 'CHANGE STATIC IP ON WAN' : 'ENABLE STATIC IP ON WAN');
    await expectShows(r, 'CFG WAN STATIC NETWORK PARAMS?', 'the WAN static IP procedure opens on its confirmation');
    if (this.cancelAt === 'start') return quitWithUp(r, 1, 'CFG WAN STATIC NETWORK PARAMS?');
    await pressAndRead(r.actor, 'ENTER');
    await walkFields(r, wanPrompts, m.wan.ipv4 === 'static' ? m.wan.static : null, this.entry);
    await expectShows(r, 'REALLY SET WAN STATIC NETWORK?', 'after WAN DNS2');
    if (this.cancelAt === 'end') return quitWithUp(r, 1, 'REALLY SET WAN STATIC NETWORK?');
    const mark = screenMark(r.actor);
    await pressAndRead(r.actor, 'ENTER');
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
  protected async act(m: NetworkModel, r: Real) {
    await openLinks(m, r, this.port);
    const prompt = `${this.port} PORT LINK`;
    await fillField(r.actor, prompt, this.value);
    if (this.cancel === 'quit') return quitWithUp(r, 2, prompt);
    await pressAndRead(r.actor, 'ENTER');
    await expectShows(r, `REALLY SET ${this.port} TO ${this.value}`, 'the port link confirmation');
    await pressAndRead(r.actor, this.cancel === 'confirmation' ? 'UP' : 'ENTER');
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
  await pressAndRead(r.actor, 'DOWN');
  screen = await expectPrompt(r, 'WAN PORT LINK');
  if (screen.lines[1].trim() !== m.wan.link) fail(r, screen, `the WAN port link setting in effect is ${m.wan.link}`);
}

export class ResetNetwork extends ModelCommand {
  readonly cancel: boolean;
  constructor(cancel: boolean) { super(); this.cancel = cancel; }
  check() { return true; }
  protected async act(m: NetworkModel, r: Real) {
    const texts = guideTexts[r.generation];
    await openItem(r, texts.resetItem);
    await expectShows(r, texts.resetConfirm, 'the reset confirmation');
    // "Or press the Up arrow to quit this procedure and return to the SETUP NETWORK menu."
    if (this.cancel) return quitWithUp(r, 1, texts.resetConfirm);
    const mark = screenMark(r.actor);
    await pressAndRead(r.actor, 'ENTER');
    await settle(r, mark);
    resetNetwork(m);
    // "a reset always restores the documented defaults": read everything back at once.
    await readBack(m, r);
  }
  toString() { return this.cancel ? 'CancelReset' : 'ResetNetwork'; }
}

/** SYSTEM REBOOT: the stored configuration survives a restart. */
export class Reboot extends ModelCommand {
  check() { return true; }
  protected async act(m: NetworkModel, r: Real) {
    await openItem(r, 'SYSTEM REBOOT');
    await expectShows(r, 'REALLY REBOOT SYSTEM?', 'the reboot confirmation');
    const mark = screenMark(r.actor);
    await pressAndRead(r.actor, 'ENTER');
    await settle(r, mark);
    await readBack(m, r);
  }
  toString() { return 'Reboot'; }
}

/** A checkpoint: every stored value the UI shows, read back and compared with the model. */
export class ReadBack extends ModelCommand {
  check() { return true; }
  protected async act(m: NetworkModel, r: Real) {
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
    await pressAndRead(r.actor, 'ENTER');
    await walkFields(r, lanPrompts(r.generation), m.lan.static, null);
    await expectShows(r, 'REALLY SET LAN STATIC NETWORK?', 'after DOMAIN NAME');
    await quitWithUp(r, 1, 'REALLY SET LAN STATIC NETWORK?');
  }
  if (m.proxy) {
    await openItem(r, 'CHANGE PROXY PARAMS');
    await expectShows(r, 'CONFIG PROXY PARAMETERS', 'the proxy procedure opens on its confirmation');
    await pressAndRead(r.actor, 'ENTER');
    await walkFields(r, proxyPrompts(r.generation), m.proxy, null);
    await expectShows(r, 'REALLY ENABLE PROXY?', 'after PROXY PASSW');
    await quitWithUp(r, 2, 'REALLY ENABLE PROXY?');
  }
  if (m.wan.ipv4 === 'static') {
    await openItem(r, 'CHANGE STATIC IP ON WAN');
    await expectShows(r, 'CFG WAN STATIC NETWORK PARAMS?', 'the WAN static IP procedure opens on its confirmation');
    await pressAndRead(r.actor, 'ENTER');
    await walkFields(r, wanPrompts, m.wan.static, null);
    await expectShows(r, 'REALLY SET WAN STATIC NETWORK?', 'after WAN DNS2');
    await quitWithUp(r, 1, 'REALLY SET WAN STATIC NETWORK?');
  }
  await openLinks(m, r, isSplit(m) ? 'WAN' : 'LAN');
  await quitWithUp(r, 2, isSplit(m) ? 'WAN PORT LINK' : 'LAN PORT LINK');
  await goToStatus(r.actor);
}

// ---------------------------------------------------------------------------------------------
// Values: within the office subnet of the default lab network (198.18.10.0/24, router .1, DNS
// .53; the dmz on the WAN side 198.18.20.0/24), or deliberately wrong.

const octet = fc.integer({ min: 0, max: 255 });
const anyIpv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const inSubnet = (prefix: string) => fc.integer({ min: 2, max: 254 }).map((n) => `${prefix}.${n}`);
/** An optional address: skipped ("0.0.0.0", the field left at zeros) or entered. */
const optionalIpv4 = (good: fc.Arbitrary<string>) => fc.oneof(fc.constant('0.0.0.0'), good);

/** "uppercase letters, numbers, underscore(_), and period (.)", up to 32 (ERRATA-003). */
const domain = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9_.]{0,10}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9_.]{15,31}$/) },
);

const lanEntry: fc.Arbitrary<LanEntry> = fc.oneof(
  fc.record({
    ip: inSubnet('198.18.10'), netmask: fc.constant('255.255.255.000'), gateway: fc.constant('198.18.10.1'),
    dns1: fc.constant('198.18.10.53'), dns2: optionalIpv4(inSubnet('198.18.10')),
    wins1: optionalIpv4(inSubnet('198.18.10')), wins2: optionalIpv4(inSubnet('198.18.10')), domain,
  }),
  fc.record({
    ip: anyIpv4, netmask: fc.constantFrom(...netmasks), gateway: anyIpv4, dns1: anyIpv4, dns2: optionalIpv4(anyIpv4),
    wins1: optionalIpv4(anyIpv4), wins2: optionalIpv4(anyIpv4), domain,
  }),
);

const wanEntry: fc.Arbitrary<Ipv4Entry> = fc.oneof(
  fc.record({
    ip: inSubnet('198.18.20'), netmask: fc.constant('255.255.255.000'), gateway: fc.constant('198.18.20.1'),
    dns1: fc.constant('198.18.20.53'), dns2: optionalIpv4(inSubnet('198.18.20')),
  }),
  fc.record({ ip: anyIpv4, netmask: fc.constantFrom(...netmasks), gateway: anyIpv4, dns1: anyIpv4, dns2: optionalIpv4(anyIpv4) }),
);

const chars = (s: string) => fc.constantFrom(...s);
const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = '0123456789';
/** "underscore (_), dash (-), backslash (\), period (.), at sign (@)" (ERRATA-004). */
const userChars = `${lower}${upper}${digits}_-\\.@`;
/** Letters, numbers and the 30 special characters of the PROXY PASSW table (ERRATA-030, -032). */
const passwordChars = `${lower}${upper}${digits}_-\\/|~!?@#$%^&*+=(){}[]<>;"\`,.`;

const proxyHost = (g: ModelGeneration): fc.Arbitrary<string> => (g === '2017'
  ? fc.oneof(fc.constantFrom('198.18.10.8', '198.18.10.1'), anyIpv4)
  // "Supported characters for FQDN: Upper case letters, numbers, dot (.) and hyphen (-)";
  // "IPv4+v6 mode: IPv4 addresses are allowed in dotted decimal format".
  : fc.oneof(
    fc.constantFrom('PROXY.LAB.TEST', '198.18.10.8'),
    fc.array(fc.stringMatching(/^[A-Z]([A-Z0-9-]{0,5}[A-Z0-9])?$/), { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.')),
    anyIpv4,
  ));

const proxyEntry = (g: ModelGeneration): fc.Arbitrary<ProxyEntry> => fc.record({
  host: proxyHost(g),
  port: fc.oneof(fc.constantFrom(443, 3128, 8080), fc.integer({ min: 1, max: 9999 })),
  user: fc.oneof(fc.constant(''), fc.string({ unit: chars(userChars), minLength: 1, maxLength: 10 }), fc.string({ unit: chars(userChars), minLength: 16, maxLength: 32 })),
  password: fc.oneof(fc.constant(''), fc.string({ unit: chars(passwordChars), minLength: 1, maxLength: 16 })),
});

const vlanId = fc.integer({ min: 1, max: 4094 });
const link = fc.constantFrom(...linkSettings);
const where = fc.constantFrom('start' as const, 'end' as const);

/** One arbitrary per user action (some twice, to weigh them), for fc.commands. */
export function networkCommands(g: ModelGeneration, options: { reboot?: boolean } = {}): Array<fc.Arbitrary<NetworkCommand>> {
  const list: Array<fc.Arbitrary<NetworkCommand>> = [
    vlanId.map((v) => new EnableVlan(v)),
    vlanId.map((v) => new ChangeVlan(v)),
    fc.constant(new ChangeVlan(0)),
    lanEntry.map((e) => new SetLanStatic(e)),
    lanEntry.map((e) => new SetLanStatic(e)),
    fc.tuple(where, lanEntry).map(([at, e]) => new CancelLanStatic(at, e)),
    fc.constant(new EnableLanDhcp()),
    fc.constant(new RenewLanDhcp()),
    proxyEntry(g).map((e) => new SetProxy(false, e)),
    proxyEntry(g).map((e) => new SetProxy(true, e)),
    fc.tuple(where, proxyEntry(g)).map(([at, e]) => new CancelProxy(at, e)),
    fc.constant(new DisableProxy(false)),
    fc.constant(new DisableProxy(true)),
    fc.constant(new EnableWanDhcp(false)),
    fc.constant(new EnableWanDhcp(true)),
    fc.constant(new RenewWanDhcp()),
    wanEntry.map((e) => new SetWanStatic(e, null)),
    fc.tuple(where, wanEntry).map(([at, e]) => new SetWanStatic(e, at)),
    fc.tuple(fc.constantFrom('LAN' as const, 'WAN' as const), link).map(([p, v]) => new SetPortLink(p, v, null)),
    fc.tuple(fc.constantFrom('LAN' as const, 'WAN' as const), link, fc.constantFrom('quit' as const, 'confirmation' as const))
      .map(([p, v, at]) => new SetPortLink(p, v, at)),
    fc.constant(new ResetNetwork(false)),
    fc.constant(new ResetNetwork(true)),
    fc.constant(new ReadBack()),
  ];
  if (options.reboot ?? true) list.push(fc.constant(new Reboot()));
  return list;
}
