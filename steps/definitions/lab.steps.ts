// The lab around the appliance: its network and the Qualys Cloud Platform.
import assert from 'node:assert/strict';
import { Given, Then } from '../support/define.ts';
import { activationCode, leasedAddress } from '../support/notes.ts';
import { normalize } from '../support/screens.ts';
import { activationCodeHolders, LaunchJob, platformIndicator } from '../support/tasks/lab.ts';
import { readScreen } from '../support/tasks/panel.ts';

Given(/^a (scan|software update) of (\d+) minutes has been launched on the appliance$/, async function (job: string, minutes: string) {
  await this.attemptsTo(LaunchJob(job === 'scan' ? 'scan' : 'software-update', Number(minutes)));
});

/** "The Scanner Appliance name displayed is "is_username"" ... "The Qualys Cloud Platform indicator ... lower right corner." */
Then('the screen shows the name {string}, the LAN IP address and the platform indicator', async function (name: string) {
  const screen = await readScreen(this.actor);
  const indicator = await platformIndicator(this.actor);
  const leased = this.notes.get(leasedAddress);
  assert.equal(normalize(screen.lines[0]), name, `line 1 of ${this.describe(screen)}`);
  const [address, ...rest] = screen.lines[1].trim().split(/\s+/);
  assert.match(address ?? '', /^\d{1,3}(\.\d{1,3}){3}$/, `line 2 of ${this.describe(screen)} starts with no IPv4 address`);
  if (typeof leased === 'string') assert.equal(address, leased, 'the IP address shown is not the LAN address');
  assert.equal(rest.join(' '), indicator, `the platform indicator in the lower right corner of ${this.describe(screen)}`);
  assert.ok(screen.lines[1].endsWith(indicator), 'the platform indicator is not in the lower right corner');
});

Then('the screen shows the activation code', async function () {
  const screen = await readScreen(this.actor);
  assert.match(screen.lines[1].trim(), /^\S+$/, `no activation code on the second line of ${this.describe(screen)}`);
  this.notes.set(activationCode, screen.lines[1].trim());
});

/** "A unique code is assigned to each Appliance": no other unit on the platform's record has it. */
Then('no other appliance known to the platform has the activation code shown', async function () {
  const screen = await readScreen(this.actor);
  const code = screen.lines[1].trim();
  const { units, holders } = await activationCodeHolders(this.actor, code);
  assert.ok(units > 1, `the platform knows ${units} appliance(s): uniqueness cannot be judged`);
  assert.equal(holders, 1, `${holders} of the ${units} appliances the platform knows have activation code ${code}`);
});
