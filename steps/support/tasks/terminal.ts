// A VT100 terminal cabled to the appliance's console port, as a person at it uses it: the
// terminal is the scenario's (a note on the actor), and the steps reach it only through here.
import { vt100KeyBytes } from '../../../fixtures/wire.ts';
import type { Actor } from '../actor.ts';
import { noteKey } from '../notes.ts';
import type { Key, LineSettings, ScreenSnapshot, Terminal } from '../protocols.ts';

/** The terminal cabled in this scenario (the target ends it with the unit). */
const cabledTerminal = noteKey<Terminal>('terminal cabled to the appliance');

function terminal(actor: Actor): Terminal {
  return actor.notes.need(cabledTerminal, 'cable one to the appliance in this scenario first');
}

export async function cableTerminal(actor: Actor, settings: LineSettings): Promise<void> {
  actor.notes.set(cabledTerminal, await actor.need('consolePort').connect(settings));
}

export function setUpTerminal(actor: Actor, settings: LineSettings): Promise<void> {
  return terminal(actor).configure(settings);
}

export function pressOnTerminal(actor: Actor, key: Key): Promise<void> {
  return terminal(actor).type(vt100KeyBytes[key]);
}

/** Types `text` a key at a time, each answered before the next (as a person types). */
export function typeOnTerminal(actor: Actor, text: string): Promise<void> {
  return terminal(actor).type(text);
}

/** Sends `text` in one burst (pasted, or a keystroke file uploaded). */
export function pasteIntoTerminal(actor: Actor, text: string): Promise<void> {
  return terminal(actor).send(text);
}

export function uploadKeystrokes(actor: Actor, key: Key, times: number): Promise<void> {
  return pasteIntoTerminal(actor, vt100KeyBytes[key].repeat(times));
}

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
