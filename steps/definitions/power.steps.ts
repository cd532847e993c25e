// The power button, the AC power cord, and the lights.
import assert from 'node:assert/strict';
import type { LedName } from '../support/protocols.ts';
import { Then, When } from '../support/define.ts';
import { ledWithin, lights, PlugInAcCord, PressPowerButton, PullAcCord } from '../support/tasks/power.ts';

When('I press the power button', async function () {
  await this.attemptsTo(PressPowerButton());
});

When('I pull the AC power cord', async function () {
  await this.attemptsTo(PullAcCord());
});

When('I plug in the AC power cord', async function () {
  await this.attemptsTo(PlugInAcCord());
});

Then(/^the power button's backlight is (green|off)$/, async function (state: string) {
  const leds = await lights(this.actor);
  assert.equal(leds.power, state === 'green', `power button backlight: ${leds.power ? 'green' : 'off'}`);
});

Then('the {led} LED is {onOff}', async function (led: LedName, on: boolean) {
  const leds = await lights(this.actor);
  assert.equal(leds[led], on, `LED ${led} is ${leds[led] ? 'on' : 'off'}`);
});

Then('the lights and LEDs are off', async function () {
  const leds = await lights(this.actor);
  assert.deepEqual(leds, { power: false, S1: false, S2: false, S3: false });
});

Then('the {led} LED is {onOff} within {int} minute(s)', async function (led: LedName, on: boolean, minutes: number) {
  const met = await ledWithin(this.actor, led, on, minutes * 60_000);
  assert.ok(met, `LED ${led} did not go ${on ? 'on' : 'off'} within ${minutes} minutes`);
});
