// Entering information in fields, as "Entering Information" documents.
import assert from 'node:assert/strict';
import { When, Then } from '../support/define.ts';
import { shows } from '../support/screens.ts';
import { fillField } from '../support/tasks/entry.ts';
import { openPrompt } from '../support/tasks/navigation.ts';
import type { ApplianceWorld } from '../support/world.ts';

/** Set by the steps that switch the appliance's network mode: PROXY HOST then takes IPv6 characters. */
function inIpv6OnlyMode(world: ApplianceWorld): boolean {
  return world.remembered.get('network mode') === 'ipv6-only';
}

async function ensurePrompt(world: ApplianceWorld, prompt: string): Promise<void> {
  const screen = await world.target.screen.read();
  if (!shows(screen, prompt) && screen.lines[0].trim() !== prompt) await world.act(`open the ${prompt} prompt`, () => openPrompt(world, prompt));
}

When('I enter {string} at the {string} prompt', async function (value: string, prompt: string) {
  await ensurePrompt(this, prompt);
  const secret = prompt.includes('PASSW');
  const presses = await this.act(`enter ${secret ? 'a password' : `"${value}"`} at ${prompt}`, () => fillField(this, prompt, value, inIpv6OnlyMode(this)));
  this.remembered.set('presses', presses);
  await this.act('press ENTER', () => this.target.keypad.press('ENTER'));
});

When('I key in {string} at the {string} prompt', async function (value: string, prompt: string) {
  await ensurePrompt(this, prompt);
  const secret = prompt.includes('PASSW');
  const presses = await this.act(`key in ${secret ? 'a password' : `"${value}"`} at ${prompt}`, () => fillField(this, prompt, value, inIpv6OnlyMode(this)));
  this.remembered.set('presses', presses);
});

When('I scroll the {string} field to {string}', async function (prompt: string, value: string) {
  await ensurePrompt(this, prompt);
  await this.act(`scroll ${prompt} to ${value}`, () => fillField(this, prompt, value));
});

Then('the {string} prompt is shown again', async function (prompt: string) {
  const screen = await this.target.screen.waitFor((s) => s.lines[0].trim() === prompt && s.indicators.length > 0, 10_000);
  this.recordScreens();
  assert.ok(screen, `the ${prompt} prompt did not come back; the screen shows ${this.describe(await this.target.screen.read())}`);
});
