// Appliance time: virtual on the twin, real on hardware.
import assert from 'node:assert/strict';
import { Then, When } from '../support/define.ts';
import { shows } from '../support/screens.ts';
import { Wait } from '../support/tasks/hardware.ts';
import type { Actor } from '../support/actor.ts';
import { noteKey } from '../support/notes.ts';

/** The unit's clock when the scenario noted the time. */
const notedTime = noteKey<number>('noted time');

When(/^(\d+) (seconds?|minutes?) pass(?:es)?$/, async function (amount: string, unit: string) {
  await this.attemptsTo(Wait(Number(amount), unit as 'seconds' | 'minutes'));
});

When('I note the time', async function () {
  this.notes.set(notedTime, this.target.time.now());
});

/** How long a message stayed on screen, from the screen history since the last action. */
function shownFor(actor: Actor, text: string): number {
  const seen = actor.screensSinceAction();
  const first = seen.findIndex((s) => shows(s, text));
  assert.ok(first >= 0, `"${text}" was not shown`);
  const next = seen.findIndex((s, i) => i > first && !shows(s, text));
  assert.ok(next >= 0, `"${text}" is still shown`);
  return seen[next]!.at - seen[first]!.at;
}

Then(/^"([^"]*)" was shown for (?:about )?(\d+) to (\d+) seconds$/, async function (text: string, low: string, high: string) {
  const ms = shownFor(this.actor, text);
  assert.ok(ms >= Number(low) * 1000 && ms <= Number(high) * 1000, `"${text}" was shown for ${ms / 1000} s`);
});

Then(/^"([^"]*)" was shown longer than (\d+) seconds$/, async function (text: string, low: string) {
  const ms = shownFor(this.actor, text);
  assert.ok(ms > Number(low) * 1000, `"${text}" was shown for ${ms / 1000} s`);
});

Then(/^it took (\d+) to (\d+) (seconds|minutes) from the noted time$/, async function (low: string, high: string, unit: string) {
  const scale = unit === 'minutes' ? 60_000 : 1000;
  const start = this.notes.need(notedTime, '"When I note the time" first');
  const ms = this.target.time.now() - start;
  assert.ok(ms >= Number(low) * scale && ms <= Number(high) * scale, `it took ${(ms / scale).toFixed(2)} ${unit}`);
});
