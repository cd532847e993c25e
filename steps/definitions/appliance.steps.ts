// Given steps that bring the appliance to a state the guide describes.
import { Given } from '../support/define.ts';
import { reach } from '../support/strategy.ts';
import { GoToMenuItem, OpenMainMenu, OpenPrompt } from '../support/tasks/navigation.ts';
import { EnsureFactorySettings, EnsureNoProxy, EnsureNoVlan } from '../support/tasks/settings.ts';

Given('the appliance is plugged in and switched off', async function () {
  await reach(this.actor, 'off');
});

Given('the appliance is running', async function () {
  await reach(this.actor, 'booted');
});

Given('the appliance shows its name and IP address', async function () {
  await reach(this.actor, 'name-and-ip');
});

Given('the appliance has been activated by user {string}', async function (username: string) {
  await reach(this.actor, 'name-and-ip', { user: username });
});

Given('the appliance shows the ACTIVATION CODE screen', async function () {
  await reach(this.actor, 'activation-code');
});

Given('the main menu is shown', async function () {
  await reach(this.actor, 'name-and-ip');
  await this.attemptsTo(OpenMainMenu());
});

Given('the {string} menu item is shown', async function (label: string) {
  await reach(this.actor, 'booted');
  await this.attemptsTo(GoToMenuItem(label));
});

Given('the {string} prompt is shown', async function (prompt: string) {
  await reach(this.actor, 'booted');
  await this.attemptsTo(OpenPrompt(prompt));
});

// The settings a scenario starts from. A unit of its own per scenario has them already; one unit
// that lives through the run is brought to them the documented way.

Given('no VLAN is configured', async function () {
  await reach(this.actor, 'booted');
  await this.attemptsTo(EnsureNoVlan());
});

Given('no proxy is configured', async function () {
  await reach(this.actor, 'booted');
  await this.attemptsTo(EnsureNoProxy());
});

Given('the appliance has its factory network settings', async function () {
  await reach(this.actor, 'booted');
  await this.attemptsTo(EnsureFactorySettings());
});
