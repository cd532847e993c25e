// The appliance as a thing: its label, ports and specifications.
import assert from 'node:assert/strict';
import { Then } from '../support/define.ts';
import { labelOf } from '../support/tasks/hardware.ts';

Then('the label on the bottom shows a model and a serial number', async function () {
  const label = await labelOf(this.actor);
  assert.ok(label.model.length > 0, 'no model on the label');
  assert.ok(Number.isInteger(label.serialNumber) && label.serialNumber > 0, `serial number ${label.serialNumber}`);
});

Then('the back panel has the Ethernet ports {string}', async function (ports: string) {
  const label = await labelOf(this.actor);
  assert.deepEqual(label.ethernetPorts, ports.split(/, | and /));
});

Then(/^the back panel has (\d+) USB ports? (?:of type )?"([^"]*)"$/, async function (count: string, types: string) {
  const label = await labelOf(this.actor);
  assert.equal(label.usbPorts.length, Number(count), `USB ports: ${label.usbPorts.join(', ')}`);
  assert.deepEqual([...new Set(label.usbPorts)].sort(), types.split(/, | and /).sort());
});
