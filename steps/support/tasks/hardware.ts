// The appliance as a thing: the label on its bottom, the cables in its ports on the back panel,
// and its time. Not applicable where the target has no label to read or no cables to move.
import type { Actor } from '../actor.ts';
import type { Label, Port } from '../protocols.ts';
import { Task } from './task.ts';

/** What the label on the bottom shows (model, serial number) and the ports a person can see. */
export function labelOf(actor: Actor): ReturnType<Label['read']> {
  return actor.need('label').read();
}

export const PlugCable = (port: Port) => Task.where(`plug a cable into the ${port} port`, (actor) => actor.need('ports').plug(port));

export const UnplugCable = (port: Port) => Task.where(`unplug the cable from the ${port} port`, (actor) => actor.need('ports').unplug(port));

/** Time passing with nothing done (appliance time: virtual on the twin); `amount` and `unit` as the step says them. */
export const Wait = (amount: number, unit: 'second' | 'seconds' | 'minute' | 'minutes') =>
  Task.where(`wait ${amount} ${unit}`, (actor) => actor.target.time.wait(amount * (unit.startsWith('minute') ? 60_000 : 1000)));
