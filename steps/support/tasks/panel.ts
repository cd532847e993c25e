// The front panel's keypad and screen (and the remote console's keyboard, where the target has
// one), one interaction each: step definitions and model commands reach the appliance only
// through tasks (the lint rule keeps them off target.keypad and target.screen). The functions of
// the actor are the smallest interactions, which the other tasks build on; the tasks at the end
// are the same interactions as a step or a model command performs them, described.
import type { Actor } from '../actor.ts';
import type { Key, ScreenSnapshot } from '../protocols.ts';
import { Task } from './task.ts';

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

// --- Tasks -------------------------------------------------------------------------------------

export const Press = (key: Key, times = 1) =>
  Task.where(times === 1 ? `press ${key}` : `press ${key} ${times} times`, (actor) => press(actor, key, times));

export const PressLeftAndRight = () =>
  Task.where('press LEFT and RIGHT together', (actor) => pressLeftAndRight(actor));

export const Hold = (key: Key, seconds: number) =>
  Task.where(`hold ${key} for ${seconds} s`, (actor) => hold(actor, key, seconds * 1000));

/** Types `text` on the remote console's keyboard; the transcript says `described` (a secret's name, never its value). */
export const TypeOnKeyboard = (text: string, described = `"${text}"`) =>
  Task.where(`type ${described} on the remote console keyboard`, (actor) => typeOnKeyboard(actor, text));
