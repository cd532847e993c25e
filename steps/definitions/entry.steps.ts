// Entering information in fields, as "Entering Information" documents.
import assert from 'node:assert/strict';
import { Given, When, Then } from '../support/define.ts';
import { fillField, moveToFirstPosition } from '../support/tasks/entry.ts';
import { reach } from '../support/strategy.ts';
import { openPrompt, showsPrompt } from '../support/tasks/navigation.ts';
import type { ApplianceWorld } from '../support/world.ts';

/** Set by the steps that switch the appliance's network mode: PROXY HOST then takes IPv6 characters. */
function inIpv6OnlyMode(world: ApplianceWorld): boolean {
  return world.remembered.get('network mode') === 'ipv6-only';
}

async function ensurePrompt(world: ApplianceWorld, prompt: string): Promise<void> {
  const screen = await world.target.screen.read();
  if (!showsPrompt(screen, world.guide.firmware, prompt)) await world.act(`open the ${prompt} prompt`, () => openPrompt(world, prompt));
}

When('I enter {string} at the {string} prompt', async function (value: string, prompt: string) {
  await ensurePrompt(this, prompt);
  const secret = prompt.includes('PASSW');
  await this.act(`enter ${secret ? 'a password' : `"${value}"`} at ${prompt}`, () => fillField(this, prompt, value, inIpv6OnlyMode(this)));
  await this.act('press ENTER', () => this.target.keypad.press('ENTER'));
});

When('I key in {string} at the {string} prompt', async function (value: string, prompt: string) {
  await ensurePrompt(this, prompt);
  const secret = prompt.includes('PASSW');
  await this.act(`key in ${secret ? 'a password' : `"${value}"`} at ${prompt}`, () => fillField(this, prompt, value, inIpv6OnlyMode(this)));
});

When('I scroll the {string} field to {string}', async function (prompt: string, value: string) {
  await ensurePrompt(this, prompt);
  await this.act(`scroll ${prompt} to ${value}`, () => fillField(this, prompt, value, inIpv6OnlyMode(this), 'arrows'));
});

Then('the {string} prompt is shown again', async function (prompt: string) {
  const screen = await this.target.screen.waitFor((s) => showsPrompt(s, this.guide.firmware, prompt) && s.indicators.length > 0, 10_000);
  this.recordScreens();
  assert.ok(screen, `the ${prompt} prompt did not come back; the screen shows ${this.describe(await this.target.screen.read())}`);
});

/**
 * "The space character may be used to remove characters when editing text fields": the prompt
 * shown, its entry blanked (nothing is confirmed, so nothing stored changes), the cursor at the
 * first position. A field blank already is left as it is.
 */
Given('the {string} field is blank', async function (prompt: string) {
  await reach(this, 'booted');
  await ensurePrompt(this, prompt);
  const screen = await this.target.screen.read();
  if (screen.lines[1].trim() === '' && screen.cursor?.col === 0) return;
  await this.act(`blank the ${prompt} field with the space character`, async () => {
    await fillField(this, prompt, '', inIpv6OnlyMode(this), 'preferred');
    await moveToFirstPosition(this);
  });
});

/** A list field (the netmask) scrolled to `value`, the place the scenario counts its presses from. */
Given('the {string} field shows {string}', async function (prompt: string, value: string) {
  await reach(this, 'booted');
  await ensurePrompt(this, prompt);
  if ((await this.target.screen.read()).lines[1].trim() === value) return;
  await this.act(`scroll ${prompt} to ${value}`, () => fillField(this, prompt, value, inIpv6OnlyMode(this), 'arrows'));
});
