// A VT100 terminal cabled to the appliance's console port, as a person at it uses it: the
// terminal is the scenario's (a note on the actor), and the steps reach it only through here.
import { vt100KeyBytes } from '../../../fixtures/wire.ts';
import type { Actor } from '../actor.ts';
import { noteKey } from '../notes.ts';
import type { Key, LineSettings, ScreenSnapshot, Terminal } from '../protocols.ts';
import { Task } from './task.ts';

/** The terminal cabled in this scenario (the target ends it with the unit). */
const cabledTerminal = noteKey<Terminal>('terminal cabled to the appliance');

function terminal(actor: Actor): Terminal {
  return actor.notes.need(cabledTerminal, 'cable one to the appliance in this scenario first');
}

/** "9600 8N2": baud rate, data bits, parity (N, E, O), stop bits. */
export function lineSettingsText(settings: LineSettings): string {
  return `${settings.baud} ${settings.dataBits}${settings.parity[0]!.toUpperCase()}${settings.stopBits}`;
}

export const CableTerminal = (settings: LineSettings) =>
  Task.where(`cable a VT100 terminal set to ${lineSettingsText(settings)} to a USB port`, async (actor) => {
    actor.notes.set(cabledTerminal, await actor.need('consolePort').connect(settings));
  });

export const SetUpTerminal = (settings: LineSettings) =>
  Task.where(`set the terminal to ${lineSettingsText(settings)}`, (actor) => terminal(actor).configure(settings));

export const PressOnTerminal = (key: Key) =>
  Task.where(`press ${key} on the terminal`, (actor) => terminal(actor).type(vt100KeyBytes[key]));

/** Types `text` a key at a time, each answered before the next (as a person types). */
export const TypeOnTerminal = (text: string) =>
  Task.where(`type "${text}" on the terminal, a key at a time`, (actor) => terminal(actor).type(text));

/** Sends `text` in one burst (pasted). */
export const PasteIntoTerminal = (text: string) =>
  Task.where(`paste ${text.length} characters into the terminal at once`, (actor) => terminal(actor).send(text));

/** "Uploading such a file": every key of a keystroke file sent in one burst. */
export const UploadKeystrokes = (key: Key, times: number) =>
  Task.where(`upload a keystroke file of ${times} ${key} keys`, (actor) => terminal(actor).send(vt100KeyBytes[key].repeat(times)));

/** The remote console's screen on the terminal, or null when it shows none (garbage, nothing). */
export function terminalScreen(actor: Actor): Promise<ScreenSnapshot | null> {
  return terminal(actor).screen();
}

/** The terminal's rows as drawn, whatever they show. */
export function terminalRows(actor: Actor): Promise<string[]> {
  return terminal(actor).rows();
}

/** How many bytes the terminal has received. */
export function bytesReceived(actor: Actor): number {
  return terminal(actor).received();
}
