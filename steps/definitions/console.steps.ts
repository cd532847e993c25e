// A VT100 terminal on the appliance's console port (through the USB-to-RS232 cable).
import assert from 'node:assert/strict';
import type { Key, LineSettings } from '../support/protocols.ts';
import { Given, Then, When } from '../support/define.ts';
import { macIn, normalize, screenText, shows } from '../support/screens.ts';
import { readScreen } from '../support/tasks/panel.ts';
import {
  bytesReceived, CableTerminal, PasteIntoTerminal, PressOnTerminal, SetUpTerminal, terminalRows, terminalScreen, TypeOnTerminal, UploadKeystrokes,
} from '../support/tasks/terminal.ts';

/** "9600 8N2": baud rate, data bits, parity (N, E, O), stop bits. */
function settingsOf(text: string): LineSettings {
  const m = /^(\d+) ([5-8])([NEO])([12])$/.exec(text);
  if (!m) throw new Error(`line settings look like "9600 8N2", not "${text}"`);
  const parity = { N: 'none', E: 'even', O: 'odd' } as const;
  return { baud: Number(m[1]), dataBits: Number(m[2]) as LineSettings['dataBits'], parity: parity[m[3] as 'N' | 'E' | 'O'], stopBits: Number(m[4]) as 1 | 2 };
}

Given('a VT100 terminal set to {string} is cabled to a USB port of the appliance', async function (settings: string) {
  await this.attemptsTo(CableTerminal(settingsOf(settings)));
});

When('the terminal is set up with {string}', async function (settings: string) {
  await this.attemptsTo(SetUpTerminal(settingsOf(settings)));
});

When('I press {key} on the terminal', async function (key: Key) {
  await this.attemptsTo(PressOnTerminal(key));
});

When('I type {string} on the terminal', async function (text: string) {
  await this.attemptsTo(TypeOnTerminal(text));
});

When('I paste {string} into the terminal at once', async function (text: string) {
  await this.attemptsTo(PasteIntoTerminal(text));
});

/** "Uploading such a file": every key of a keystroke file sent in one burst. */
When('I upload a keystroke file pressing {key} {int} times', async function (key: Key, times: number) {
  await this.attemptsTo(UploadKeystrokes(key, times));
});

Then('the terminal shows the MAC address of the appliance', async function () {
  const rows = await terminalRows(this.actor);
  const mac = macIn(rows);
  assert.ok(mac, `no MAC address on the terminal:\n${rows.join('\n')}`);
});

Then('the terminal shows {string}', async function (text: string) {
  const screen = await terminalScreen(this.actor);
  assert.ok(screen, `the terminal shows no remote console screen:\n${(await terminalRows(this.actor)).join('\n')}`);
  assert.ok(shows(screen, text), `the terminal shows ${this.describe(screen)}, not "${text}"`);
});

Then('the terminal shows the same screen as the LCD', async function () {
  const lcd = await readScreen(this.actor);
  const screen = await terminalScreen(this.actor);
  assert.ok(screen, 'the terminal shows no remote console screen');
  assert.deepEqual({ lines: screen.lines, indicators: screen.indicators, cursor: screen.cursor }, { lines: lcd.lines, indicators: lcd.indicators, cursor: lcd.cursor },
    `terminal ${this.describe(screen)} vs LCD ${this.describe(lcd)}`);
});

Then('the terminal does not show the same screen as the LCD', async function () {
  const lcd = await readScreen(this.actor);
  const screen = await terminalScreen(this.actor);
  const same = screen !== null && screen.lines[0] === lcd.lines[0] && screen.lines[1] === lcd.lines[1] && screen.indicators.join() === lcd.indicators.join();
  assert.ok(!same, `the terminal shows the LCD's screen ${this.describe(lcd)}`);
});

Then('the terminal shows nothing', async function () {
  const received = bytesReceived(this.actor);
  assert.equal(received, 0, `the terminal received ${received} bytes:\n${(await terminalRows(this.actor)).join('\n')}`);
});

Then('the terminal shows garbage, not the remote console', async function () {
  assert.ok(bytesReceived(this.actor) > 0, 'the terminal received nothing at all');
  const screen = await terminalScreen(this.actor);
  assert.equal(screen, null, `the terminal shows the remote console: ${screen ? this.describe(screen) : ''}`);
});

Then('the terminal field reads {string}', async function (text: string) {
  const screen = await terminalScreen(this.actor);
  assert.ok(screen, 'the terminal shows no remote console screen');
  assert.equal(screen.lines[1].trimEnd(), text, `the field line on the terminal: ${this.describe(screen)}`);
});

Then('the terminal field does not read {string}', async function (text: string) {
  const screen = await terminalScreen(this.actor);
  assert.ok(screen, 'the terminal shows no remote console screen');
  assert.notEqual(normalize(screen.lines[1]), normalize(text), `the field line on the terminal: ${this.describe(screen)}`);
});

Then('the terminal does not show {string}', async function (text: string) {
  const screen = await terminalScreen(this.actor);
  assert.ok(!screen || (!shows(screen, text) && !screenText(screen).includes(normalize(text))), `the terminal shows "${text}"`);
});
