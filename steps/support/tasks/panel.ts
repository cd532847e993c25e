// The front panel's keypad and screen (and the remote console's keyboard, where the target has
// one), one interaction each: step definitions and model commands reach the appliance only
// through tasks (the lint rule keeps them off target.keypad and target.screen), and these are the
// smallest tasks, which the others build on.
import type { Actor } from '../actor.ts';
import type { Key, ScreenSnapshot } from '../protocols.ts';

export async function press(actor: Actor, key: Key, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await actor.target.keypad.press(key);
}

/** Presses `key` (`times` over) and reads the screen it led to. */
export async function pressAndRead(actor: Actor, key: Key, times = 1): Promise<ScreenSnapshot> {
  await press(actor, key, times);
  return actor.target.screen.read();
}

export function pressLeftAndRight(actor: Actor): Promise<void> {
  return actor.target.keypad.chordLeftRight();
}

export function hold(actor: Actor, key: Key, ms: number): Promise<void> {
  return actor.target.keypad.hold(key, ms);
}

/** Types on the remote console's keyboard (not applicable where the target has none). */
export function typeOnKeyboard(actor: Actor, text: string): Promise<void> {
  return actor.need('console').type(text);
}

export function readScreen(actor: Actor): Promise<ScreenSnapshot> {
  return actor.target.screen.read();
}

/** The first screen (appliance time) that `accept`s within `timeoutMs`, or null. */
export function waitForScreen(actor: Actor, accept: (screen: ScreenSnapshot) => boolean, timeoutMs: number): Promise<ScreenSnapshot | null> {
  return actor.target.screen.waitFor(accept, timeoutMs);
}

/** A place in the history of screens shown, to ask later what was shown since. */
export function screenMark(actor: Actor): number {
  return actor.target.screen.count();
}

export function screensSince(actor: Actor, mark: number): readonly ScreenSnapshot[] {
  return actor.target.screen.since(mark);
}
