// The power button, the AC power cord and the lights, as a person at the appliance uses and sees
// them. Not applicable where the target has no power control or no observable LEDs.
import type { Actor } from '../actor.ts';
import type { LedName } from '../protocols.ts';
import { Task } from './task.ts';

/** The power button; `why` says what the press is for ("shut down"). */
export const PressPowerButton = (why?: string) =>
  Task.where(`press the power button${why ? ` (${why})` : ''}`, (actor) => actor.need('power').pressButton());

export const PullAcCord = () => Task.where('pull the AC power cord', (actor) => actor.need('power').unplugAc());

export const PlugInAcCord = () => Task.where('plug in the AC power cord', (actor) => actor.need('power').plugAc());

export function acPlugged(actor: Actor): Promise<boolean> {
  return actor.need('power').acPlugged();
}

/** The lights as they are now: the power button's backlight and the LEDs. */
export function lights(actor: Actor): Promise<Record<LedName, boolean>> {
  return actor.need('leds').read();
}

/** Waits (appliance time, at most `ms`) until the LED is on (or off); whether it was. The screens meanwhile go into the transcript. */
export async function ledWithin(actor: Actor, led: LedName, on: boolean, ms: number): Promise<boolean> {
  const leds = actor.need('leds');
  const met = await actor.target.time.waitUntil(async () => (await leds.read())[led] === on, ms);
  actor.recordScreens();
  return met;
}
