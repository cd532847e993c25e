// The front and back panel as the tour of the appliance shows them: keys that act only where
// their indicator is shown, the activation code of a unit, the cables in its ports, its USB
// ports by type, the remote console's keyboard, and how long the boot's messages stay up.
import assert from 'node:assert/strict';
import type { Key, Port, ScreenSnapshot } from '../support/protocols.ts';
import { Given, Then, When } from '../support/define.ts';
import { charAtCursor, shows } from '../support/screens.ts';
import { recognize } from '../support/recognize.ts';
import { Inconclusive, NotApplicable } from '../support/errors.ts';
import type { Actor } from '../support/actor.ts';
import { activationCode, noteKey } from '../support/notes.ts';
import { Press, readScreen, screenMark, screensSince, TypeOnKeyboard } from '../support/tasks/panel.ts';
import { labelOf, PlugCable, UnplugCable } from '../support/tasks/hardware.ts';
import { ActivateInPortal } from '../support/tasks/lab.ts';
import { acPlugged } from '../support/tasks/power.ts';

function sameScreen(a: ScreenSnapshot, b: ScreenSnapshot): boolean {
  return a.lines[0] === b.lines[0] && a.lines[1] === b.lines[1] && a.indicators.join() === b.indicators.join()
    && a.cursor?.row === b.cursor?.row && a.cursor?.col === b.cursor?.col;
}

// ---------------------------------------------------------------------------------------------
// Keys that do nothing.

/**
 * "indicating the navigation options available from the current screen": a key whose indicator
 * is not shown does nothing. On a screen that takes keys, it leaves the screen exactly as it was
 * (text, indicators and cursor), press by press. A message that takes none moves on by itself
 * (REBOOTING SYSTEM, CONTACTING QUALYS): there the key must not take the unit anywhere a key
 * would, so every screen after it is another message or the status screen the messages end on,
 * never a menu, a prompt or a field.
 */
Then('pressing {keys} does nothing', async function (keys: Key[]) {
  const fw = this.guide.firmware;
  const onMessage = (await readScreen(this.actor)).indicators.length === 0;
  let pressed = 0;
  for (const key of keys) {
    const before = await readScreen(this.actor);
    if (onMessage && before.indicators.length > 0) {
      // The messages ended by themselves (a unit faster than the keys): what is left of the keys
      // would be pressed on a screen that takes keys, which is another scenario's.
      if (pressed === 0) throw new Inconclusive(`the message moved on before any key could be pressed; the screen shows ${this.describe(before)}`);
      this.actor.transcript.push(`  (the messages ended after ${pressed} of the keys: ${keys.slice(pressed).join(', ')} not pressed on them)`);
      return;
    }
    const mark = screenMark(this.actor);
    await this.attemptsTo(Press(key));
    pressed++;
    const after = await readScreen(this.actor);
    if (!onMessage) {
      assert.ok(sameScreen(before, after), `${key} changed ${this.describe(before)} into ${this.describe(after)}`);
      continue;
    }
    const seen = [...screensSince(this.actor, mark), after].map((s) => ({ s, kind: recognize(s, fw).kind }));
    const acted = seen.findIndex((x) => !['message', 'blank', 'status'].includes(x.kind));
    if (acted < 0) continue;
    // The key reached the unit after its messages had ended (the status screen came first): the
    // key acted on a screen that takes keys, as it should.
    if (seen.slice(0, acted).some((x) => x.kind === 'status')) {
      this.actor.transcript.push(`  (the messages ended as ${key} was pressed: it acted on the screen after them)`);
      return;
    }
    assert.fail(`${key} on ${this.describe(before)}, which takes no keys, led to ${this.describe(seen[acted]!.s)}`);
  }
});

Then('the screen is blank', async function () {
  // A console is the unit's USB port: without AC power it sends nothing, and a terminal keeps
  // showing its last picture. Only the LCD itself shows an unpowered unit's blank screen.
  const target = this.actor.target;
  if (!target.capabilities.has('lcd') && target.capabilities.has('power') && !(await acPlugged(this.actor))) {
    throw new NotApplicable('the LCD of a unit without AC power is seen only on the unit itself; this target shows the screen through its console, which a terminal keeps showing as it was');
  }
  const screen = await readScreen(this.actor);
  assert.ok(screen.lines[0] === '' && screen.lines[1] === '' && screen.indicators.length === 0, `the screen shows ${this.describe(screen)}`);
});

Then('the character under the cursor is none of {string}', async function (chars: string) {
  const screen = await readScreen(this.actor);
  const here = charAtCursor(screen);
  assert.ok(here !== null, `no cursor on ${this.describe(screen)}`);
  assert.ok(!chars.includes(here), `"${here}" is under the cursor of ${this.describe(screen)}`);
});

// ---------------------------------------------------------------------------------------------
// The activation code ("A unique code is assigned to each Appliance").

function activationCodeOn(screen: ScreenSnapshot): string {
  return screen.lines[1].trim();
}

/** ERRATA-014: twelve digits on the second line, under ACTIVATION CODE. */
Then('the activation code has twelve digits', async function () {
  const screen = await readScreen(this.actor);
  assert.match(activationCodeOn(screen), /^\d{12}$/, `the activation code on ${this.describe(screen)}`);
});

/** The code noted by "the screen shows the activation code" is the one shown now. */
Then('the activation code is the one shown before', async function () {
  const screen = await readScreen(this.actor);
  const before = this.notes.need(activationCode, 'none was read before');
  assert.equal(activationCodeOn(screen), before, `the activation code on ${this.describe(screen)}`);
});

/** "Select New > Scanner Appliance and enter the activation code for the appliance (as it appears in the ACTIVATION CODE screen)" */
When('I activate the appliance in the portal with the code shown, as user {string}', async function (username: string) {
  const screen = await readScreen(this.actor);
  const code = activationCodeOn(screen);
  assert.match(code, /^\S+$/, `no activation code on ${this.describe(screen)}`);
  await this.attemptsTo(ActivateInPortal(code, username));
});

// ---------------------------------------------------------------------------------------------
// The ports on the back panel.

Given('the {port} port has no cable', async function (port: Port) {
  await this.attemptsTo(UnplugCable(port));
});

When('I plug a cable into the {port} port', async function (port: Port) {
  await this.attemptsTo(PlugCable(port));
});

When('I unplug the cable from the {port} port', async function (port: Port) {
  await this.attemptsTo(UnplugCable(port));
});

/** "two USB 2.0 ports and two USB 3.0 ports": the count of one type. */
Then('the back panel has {int} USB {word} port(s)', async function (count: number, type: string) {
  const label = await labelOf(this.actor);
  const ofType = label.usbPorts.filter((t) => t === type).length;
  assert.equal(ofType, count, `USB ports: ${label.usbPorts.join(', ')}`);
});

// ---------------------------------------------------------------------------------------------
// The remote console ("the optional Remote Console interface").

When('I type {string} on the remote console keyboard', async function (text: string) {
  await this.attemptsTo(TypeOnKeyboard(text));
});

// ---------------------------------------------------------------------------------------------
// How long a boot message stayed up, compared between two boots.

/** How long each message was shown when noted, by its text. */
const shownNoted = noteKey<Map<string, number>>('how long messages were shown');

function shownMs(actor: Actor, text: string): number {
  const seen = actor.screensSinceAction();
  const first = seen.findIndex((s) => shows(s, text));
  assert.ok(first >= 0, `"${text}" was not shown since the last action`);
  const next = seen.findIndex((s, i) => i > first && !shows(s, text));
  assert.ok(next >= 0, `"${text}" is still shown`);
  return seen[next]!.at - seen[first]!.at;
}

When('I note how long {string} was shown', async function (text: string) {
  const noted = this.notes.get(shownNoted) ?? new Map<string, number>();
  noted.set(text, shownMs(this.actor, text));
  this.notes.set(shownNoted, noted);
});

Then('{string} was shown {int} to {int} seconds longer than noted', async function (text: string, low: number, high: number) {
  const noted = this.notes.get(shownNoted)?.get(text);
  assert.equal(typeof noted, 'number', `how long "${text}" was shown was not noted`);
  const longer = (shownMs(this.actor, text) - noted!) / 1000;
  assert.ok(longer >= low && longer <= high, `"${text}" was shown ${longer} s longer than the first time`);
});
