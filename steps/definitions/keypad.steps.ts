// The keypad on the front panel (or the arrow keys and Enter of the remote console).
import type { Key } from '../support/protocols.ts';
import { When } from '../support/define.ts';
import { PressUntil } from '../support/tasks/navigation.ts';
import { Hold, Press, PressLeftAndRight } from '../support/tasks/panel.ts';

When('I press {key}', async function (key: Key) {
  await this.attemptsTo(Press(key));
});

When(/^I press (UP|DOWN|LEFT|RIGHT|ENTER) (\d+) times?$/, async function (key: string, times: string) {
  await this.attemptsTo(Press(key as Key, Number(times)));
});

When('I press {key} until {string} appears', async function (key: Key, text: string) {
  await this.attemptsTo(PressUntil(key, text));
});

When('I press LEFT and RIGHT together', async function () {
  await this.attemptsTo(PressLeftAndRight());
});

When('I hold {key} for {float} second(s)', async function (key: Key, seconds: number) {
  await this.attemptsTo(Hold(key, seconds));
});
