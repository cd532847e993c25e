// Brings the appliance to a named state through its own interfaces, from whatever state it is
// in; does nothing when it is already there (labgrid's strategies). On a unit that lives through
// the whole run (hardware, twin-unit), a failed transition is tried once more from the status
// screen; if that fails too, the strategy is broken (labgrid's @never_retry) and every later
// scenario is inconclusive with the reason, instead of failing one after another.
//
// A state the unit cannot be brought to through the interfaces the target has is not
// applicable (an activated unit for a scenario that needs the ACTIVATION CODE screen, with no
// lab to make another); a transition that breaks down is inconclusive. Neither is a failure.
import type { NetworkMode } from '../../fixtures/profiles.ts';
import type { ScreenSnapshot } from './protocols.ts';
import { recognize } from './recognize.ts';
import { normalize, shows } from './screens.ts';
import { ReadSetupNetwork } from './tasks/menus.ts';
import { Inconclusive, NavigationError, NotApplicable } from './errors.ts';
import { ActivateInPortal } from './tasks/lab.ts';
import { BOOT_TIMEOUT_MS, ContactThePlatformAgain, goToStatus, GoToStatus, waitForInput } from './tasks/navigation.ts';
import { acPlugged, PlugInAcCord, PressPowerButton, PullAcCord } from './tasks/power.ts';
import { ResetNetwork } from './tasks/reset.ts';
import { RestartAppliance } from './tasks/procedure.ts';
import type { Actor } from './actor.ts';
import { readScreen, waitForScreen } from './tasks/panel.ts';
import { Task } from './tasks/task.ts';

export type ApplianceState = 'off' | 'booted' | 'name-and-ip' | 'activation-code';

export interface ReachOptions {
  /** The user who activated the unit (name-and-ip): the twin's lab activates with this one. */
  user?: string;
  /**
   * The network mode the scenario needs (2022): its own if it switched modes, else the default
   * (IPv4+v6); 'any' where the scenario is about to switch it itself.
   */
  mode?: NetworkMode | 'any';
}

/** Whether the appliance is running, judged by the power button's backlight or the screen. */
async function isRunning(actor: Actor): Promise<boolean> {
  const leds = actor.target.leds;
  if (leds && actor.target.capabilities.has('leds')) return (await leds.read()).power;
  const screen = await readScreen(actor);
  return screen.lines.some((l) => l !== '') || screen.indicators.length > 0;
}

/**
 * A storage fault's error ("EFS fsck fatal errors"): "The Scanner Appliance is not functional
 * until the error is resolved", and it takes no key. On a unit that lives through the run, an
 * earlier scenario's fault (the lab has taken it back since) is resolved by a cold start.
 */
function showsStorageFault(actor: Actor, screen: ScreenSnapshot): boolean {
  return Object.values(actor.guide.firmware.storageFaults).some((f) => f.show === 'error' && shows(screen, f.text));
}

async function switchOn(actor: Actor): Promise<void> {
  // A target without a power button is on: a unit that lives through the run is (its console shows nothing until woken).
  if (!actor.target.capabilities.has('power')) return;
  if (await isRunning(actor)) return;
  if (!(await acPlugged(actor))) await actor.attemptsTo(PlugInAcCord());
  if (!(await isRunning(actor))) await actor.attemptsTo(PressPowerButton());
}

async function switchedOnStatus(actor: Actor): Promise<ScreenSnapshot> {
  await switchOn(actor);
  return actor.attemptsTo(GoToStatus());
}

/**
 * Whether the unit that lives through the run may not have the settings a scenario starts from
 * (see startingSettings): a change stored since its last reset that a reset may undo, or a
 * network mode other than the scenario's (or not known).
 */
function startsElsewhere(actor: Actor, mode: NetworkMode | 'any'): boolean {
  const unit = actor.session.unit;
  if (mode === 'any' || !unit) return false;
  return (!unit.factory && actor.session.statement.unit?.factorySettingsOnline === true) || unit.mode !== mode;
}

/**
 * On a unit that lives through the run, an error on the status screen at a scenario's first
 * Given was the answer of an earlier scenario's lab (its DHCP server gone, its platform failing):
 * the unit is restarted, to run with what this scenario's lab gives it ("Using its boot time
 * network configuration"). A reset of the settings would have contacted this lab already.
 */
function showsAnEarlierLab(actor: Actor, screen: ScreenSnapshot, mode: NetworkMode | 'any'): boolean {
  if (mode === 'any' || !actor.session.unit) return false;
  const r = recognize(screen, actor.guide.firmware);
  return r.kind === 'status' && (r.shows === 'error' || r.shows === 'communication-failure');
}

/**
 * On a unit that lives through the run, whether the lab's network differs from the one it was
 * brought up in at an earlier scenario's start (this scenario's Givens changed it: no DHCP server,
 * say): the unit is restarted to run with it, as a unit that came up in this lab would.
 */
async function labChangedSince(actor: Actor, mode: NetworkMode | 'any'): Promise<boolean> {
  const unit = actor.session.unit;
  if (mode === 'any' || !unit || !actor.target.capabilities.has('network')) return false;
  const now = JSON.stringify(await actor.need('network').network());
  const changed = unit.network !== undefined && unit.network !== now;
  unit.network = now;
  return changed;
}

/** After a transition broke down on a unit that lives through the run: the status screen, once more. */
const TryOnceMore = () => Task.where('try once more to bring the appliance back to its status screen', (actor) => goToStatus(actor));

export async function reach(actor: Actor, state: ApplianceState, options: ReachOptions = {}): Promise<void> {
  const session = actor.session;
  if (session.broken) throw new Inconclusive(`the unit could not be recovered earlier: ${session.broken}`);
  // The scenario's first Given establishes the mode (the default, or the one it asks for); later
  // ones go on from wherever the scenario took the unit.
  const mode = options.mode ?? (actor.started ? 'any' : actor.guide.firmware.networkModes[0]!);
  const username = options.user ?? 'jdoe';
  try {
    await transition(actor, state, username, mode);
    actor.started = true;
  } catch (error) {
    if (!(error instanceof NavigationError)) throw error;
    if (session.statement.units === 'fresh') throw new Inconclusive(`could not bring the appliance to "${state}": ${error.message}`);
    // One more look from the status screen; then the unit is given up on for the run.
    try {
      await actor.attemptsTo(TryOnceMore());
      await transition(actor, state, username, mode);
      actor.started = true;
    } catch (again) {
      if (!(again instanceof NavigationError)) throw again;
      session.broken = `could not bring the appliance to "${state}": ${again.message}`;
      throw new Inconclusive(session.broken);
    }
  }
}

/**
 * The unit's network mode, as a person would tell it: the address on the name and IP screen, or
 * else the options SETUP NETWORK offers (RENEW AUTO IPv6 ON LAN? only in IPv6-only mode).
 */
async function modeOf(actor: Actor, status: ScreenSnapshot): Promise<NetworkMode> {
  const fw = actor.guide.firmware;
  if (fw.networkModes.length === 1) return fw.networkModes[0]!;
  const r = recognize(status, fw);
  if (r.kind === 'status' && r.shows === 'name-and-ip') return /[0-9a-f]*:[0-9a-f:]*:/i.test(status.lines[1]) ? 'ipv6-only' : 'ipv4+v6';
  const labels = new Set((await actor.attemptsTo(ReadSetupNetwork('which mode is the unit in?'))).map(normalize));
  const only = fw.menus[fw.setupNetworkMenu]!.items.filter((i) => i.when.includes('mode-ipv6-only')).map((i) => normalize(i.label));
  return only.some((l) => labels.has(l)) ? 'ipv6-only' : 'ipv4+v6';
}

/**
 * On a unit that lives through the run, the settings a scenario starts from: the factory
 * settings where a scenario before stored a change and the lab allows a reset (its network works
 * with them), and the network mode the scenario needs (a scenario before may have switched it:
 * "Switch Between Modes" is a reset of the network settings).
 */
async function startingSettings(actor: Actor, status: ScreenSnapshot, mode: NetworkMode | 'any'): Promise<ScreenSnapshot> {
  const unit = actor.session.unit;
  if (mode === 'any' || !unit) return status;
  const current = await modeOf(actor, status);
  unit.mode = current;
  if (!unit.factory && actor.session.statement.unit?.factorySettingsOnline) return actor.attemptsTo(ResetNetwork(mode, current));
  if (current === mode) return goToStatus(actor);
  return actor.attemptsTo(ResetNetwork(mode, current));
}

async function transition(actor: Actor, state: ApplianceState, username: string, mode: NetworkMode | 'any'): Promise<void> {
  const fw = actor.guide.firmware;
  if (actor.session.unit && actor.target.capabilities.has('power') && showsStorageFault(actor, await readScreen(actor))) {
    await actor.attemptsTo(PullAcCord());
    await actor.attemptsTo(PlugInAcCord());
  }
  if (state === 'off') {
    // A unit that lives through the run is switched off with the settings the scenario starts
    // from: it boots with them ("Using its boot time network configuration").
    if (startsElsewhere(actor, mode)) await startingSettings(actor, await switchedOnStatus(actor), mode);
    // It boots in this scenario's lab.
    await labChangedSince(actor, mode);
    if (await isRunning(actor) && !shows(await readScreen(actor), fw.texts.safeToUnplug)) {
      // A unit still coming up (an earlier scenario switched it on) is shut down once it takes keys.
      await waitForInput(actor);
      await actor.attemptsTo(PressPowerButton('shut down'));
      const off = await waitForScreen(actor, (s) => shows(s, fw.texts.safeToUnplug), 120_000);
      if (!off) throw new NavigationError(`the appliance did not shut down within 2 minutes of the power button: ${actor.describe(await readScreen(actor))}`);
    }
    return;
  }
  const resets = startsElsewhere(actor, mode);
  const labChanged = await labChangedSince(actor, mode);
  let screen = await startingSettings(actor, await switchedOnStatus(actor), mode);
  if (!resets && (labChanged || showsAnEarlierLab(actor, screen, mode))) {
    await actor.attemptsTo(RestartAppliance());
    screen = await actor.attemptsTo(GoToStatus());
  }
  if (state === 'booted') return;
  const status = recognize(screen, fw);
  const activation = status.kind === 'status' && status.shows === 'activation-code';
  if (state === 'activation-code') {
    if (!activation) throw new NotApplicable(`the scenario needs a unit that is not activated; this one is (it shows ${actor.describe(screen)})`);
    return;
  }
  if (activation) {
    const code = screen.lines[1].trim();
    await actor.attemptsTo(ActivateInPortal(code, username));
    await actor.attemptsTo(ContactThePlatformAgain());
    const ready = await waitForScreen(actor, (s) => s.indicators.length > 0 && !shows(s, fw.texts.activationCode), BOOT_TIMEOUT_MS);
    actor.recordScreens();
    if (!ready) throw new NavigationError('the appliance did not leave the ACTIVATION CODE screen after activation');
    screen = ready;
  } else if (actor.unitActivatedBy !== null && actor.unitActivatedBy !== username) {
    throw new NotApplicable(`the scenario needs a unit activated by ${username}; this one was activated by ${actor.unitActivatedBy}`);
  }
  let now = recognize(screen, fw);
  if (now.kind === 'status' && now.shows !== 'name-and-ip' && actor.session.statement.unit?.factorySettingsOnline) {
    // A scenario before this one left the unit offline (its network settings changed): the
    // factory settings bring it back on this lab's network.
    screen = await actor.attemptsTo(ResetNetwork(mode === 'any' ? 'ipv4+v6' : mode));
    now = recognize(screen, fw);
  }
  if (now.kind !== 'status' || now.shows !== 'name-and-ip') {
    throw new NavigationError(`the appliance does not show its name and IP address: ${actor.describe(screen)}`);
  }
}
