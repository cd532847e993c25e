// The keypad on the front panel (or the arrow keys and Enter of the remote console).
import type { Key } from '../support/protocols.ts';
import { When } from '../support/define.ts';
import { pressUntil } from '../support/tasks/navigation.ts';
import { hold, press, pressLeftAndRight } from '../support/tasks/panel.ts';

When('I press {key}', async function (key: Key) {
  await this.act(`press ${key}`, () => press(this.actor, key));
});

When(/^I press (UP|DOWN|LEFT|RIGHT|ENTER) (\d+) times?$/, async function (key: string, times: string) {
  await this.act(`press ${key} ${times} times`, () => press(this.actor, key as Key, Number(times)));
});

When('I press {key} until {string} appears', async function (key: Key, text: string) {
  await this.act(`press ${key} until "${text}" appears`, () => pressUntil(this.actor, key, text));
});

When('I press LEFT and RIGHT together', async function () {
  await this.act('press LEFT and RIGHT together', () => pressLeftAndRight(this.actor));
});

When('I hold {key} for {float} second(s)', async function (key: Key, seconds: number) {
  await this.act(`hold ${key} for ${seconds} s`, () => hold(this.actor, key, seconds * 1000));
});
