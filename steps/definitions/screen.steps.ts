// What the LCD (or the remote console) shows.
import assert from 'node:assert/strict';
import type { Key } from '../support/protocols.ts';
import { Then } from '../support/define.ts';
import { charAtCursor, normalize, screenText, shows } from '../support/screens.ts';
import { fieldStepOf, recognize, stepTexts } from '../support/recognize.ts';
import { showsPrompt } from '../support/tasks/navigation.ts';
import { readScreen, waitForScreen } from '../support/tasks/panel.ts';
import type { Actor } from '../support/actor.ts';
import { NotApplicable } from '../support/errors.ts';

/**
 * "The activation code is shown only when the Appliance has not been activated yet": a scenario that
 * waits for it from a unit that lives through the run and is activated (its statement says so)
 * needs a unit the target does not have: not applicable, not a failure of the unit.
 */
function expectsActivationCode(actor: Actor, text: string): void {
  if (actor.unitActivated && normalize(text) === normalize(actor.guide.firmware.texts.activationCode)) {
    throw new NotApplicable(`the scenario waits for the ${text} screen, which an activated unit does not show; the target's one unit is activated (its statement: unit.activated)`);
  }
}

/** A prompt the guide names two ways (WINS DOMAIN, DOMAIN NAME) is shown under either name. */
Then('the screen shows {string}', async function (text: string) {
  const screen = await readScreen(this.actor);
  const shown = showsPrompt(screen, this.guide.firmware, text);
  if (!shown) expectsActivationCode(this.actor, text);
  assert.ok(shown, `expected the screen to show "${text}"; it shows ${this.describe(screen)}`);
});

Then('the screen does not show {string}', async function (text: string) {
  const screen = await readScreen(this.actor);
  assert.ok(!shows(screen, text) && !screenText(screen).includes(normalize(text)), `the screen shows "${text}": ${this.describe(screen)}`);
});

Then(/^the screen shows "([^"]*)" within (\d+) (seconds?|minutes?)$/, async function (text: string, amount: string, unit: string) {
  expectsActivationCode(this.actor, text);
  const ms = Number(amount) * (unit.startsWith('minute') ? 60_000 : 1000);
  const screen = await waitForScreen(this.actor, (s) => shows(s, text), ms);
  this.actor.recordScreens();
  assert.ok(screen, `"${text}" did not appear within ${amount} ${unit}; the screen shows ${this.describe(await readScreen(this.actor))}`);
});

Then('line {int} reads {string}', async function (line: number, text: string) {
  const screen = await readScreen(this.actor);
  const step = fieldStepOf(this.guide.firmware, text);
  const names = step ? stepTexts(step) : [text];
  assert.ok(names.some((name) => normalize(screen.lines[line - 1] ?? '') === normalize(name)), `line ${line} of ${this.describe(screen)} does not read ${names.map((n) => `"${n}"`).join(' or ')}`);
});

Then('the indicators are {keys}', async function (keys: Key[]) {
  const screen = await readScreen(this.actor);
  assert.deepEqual([...screen.indicators].sort(), [...keys].sort(), `indicators of ${this.describe(screen)}`);
});

Then('the field reads {string}', async function (text: string) {
  const screen = await readScreen(this.actor);
  assert.equal(screen.lines[1].trimEnd(), text.trimEnd(), `the field line of ${this.describe(screen)}`);
});

Then('the field does not read {string}', async function (text: string) {
  const screen = await readScreen(this.actor);
  assert.notEqual(screen.lines[1].trimEnd(), text.trimEnd(), `the field line of ${this.describe(screen)}`);
});

Then('the field is blank', async function () {
  const screen = await readScreen(this.actor);
  assert.equal(screen.lines[1].trim(), '', `the field line of ${this.describe(screen)}`);
});

Then('the cursor is under character {int} of the field', async function (position: number) {
  const screen = await readScreen(this.actor);
  assert.ok(screen.cursor, `no cursor on ${this.describe(screen)}`);
  assert.equal(screen.cursor.col + 1, position, `cursor of ${this.describe(screen)}`);
});

Then('no cursor is shown', async function () {
  const screen = await readScreen(this.actor);
  assert.equal(screen.cursor, null, `a cursor is shown on ${this.describe(screen)}`);
});

Then('the character under the cursor is {string}', async function (char: string) {
  const screen = await readScreen(this.actor);
  assert.equal(charAtCursor(screen), char, `character under the cursor of ${this.describe(screen)}`);
});

Then('the screen shows a menu item', async function () {
  const screen = await readScreen(this.actor);
  assert.equal(recognize(screen, this.guide.firmware).kind, 'menu', `${this.describe(screen)} is not a menu item`);
});

/** "These messages appear in the order shown": each in turn, waiting for the last. */
Then('these messages appear in this order:', async function (docString: string) {
  const expected = docString.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const last = expected[expected.length - 1]!;
  let seen = this.actor.screensSinceAction();
  if (!seen.some((s) => shows(s, last))) {
    await waitForScreen(this.actor, (s) => shows(s, last), 6 * 60_000);
    this.actor.recordScreens();
    seen = this.actor.screensSinceAction();
  }
  const texts = seen.map((s) => screenText(s));
  let at = 0;
  for (const message of expected) {
    const found = seen.findIndex((s, i) => i >= at && shows(s, message));
    assert.ok(found >= 0, `"${message}" did not appear after the messages before it; seen: ${texts.join(' / ')}`);
    at = found + 1;
  }
});
