// The power button, the AC power cord, and the lights.
import assert from 'node:assert/strict';
import type { LedName } from '../support/protocols.ts';
import { Then, When } from '../support/define.ts';

When('I press the power button', async function () {
  const power = this.need('power');
  await this.act('press the power button', () => power.pressButton());
});

When('I pull the AC power cord', async function () {
  const power = this.need('power');
  await this.act('pull the AC power cord', () => power.unplugAc());
});

When('I plug in the AC power cord', async function () {
  const power = this.need('power');
  await this.act('plug in the AC power cord', () => power.plugAc());
});

Then(/^the power button's backlight is (green|off)$/, async function (state: string) {
  const leds = await this.need('leds').read();
  assert.equal(leds.power, state === 'green', `power button backlight: ${leds.power ? 'green' : 'off'}`);
});

Then('the {led} LED is {onOff}', async function (led: LedName, on: boolean) {
  const leds = await this.need('leds').read();
  assert.equal(leds[led], on, `LED ${led} is ${leds[led] ? 'on' : 'off'}`);
});

Then('the lights and LEDs are off', async function () {
  const leds = await this.need('leds').read();
  assert.deepEqual(leds, { power: false, S1: false, S2: false, S3: false });
});

Then('the {led} LED is {onOff} within {int} minute(s)', async function (led: LedName, on: boolean, minutes: number) {
  const leds = this.need('leds');
  const met = await this.target.time.waitUntil(async () => (await leds.read())[led] === on, minutes * 60_000);
  this.actor.recordScreens();
  assert.ok(met, `LED ${led} did not go ${on ? 'on' : 'off'} within ${minutes} minutes`);
});
