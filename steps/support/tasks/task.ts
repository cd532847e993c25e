// A task, screenplay style (Serenity/JS): an object that carries its description and knows how
// an actor performs it. `actor.attemptsTo(task)` writes the description into the transcript,
// then the screens the task led to, and hands back what the task found. The description is all
// the transcript says of the task: a password being typed is described, never spelled.
//
// Step definitions, model commands and the strategy perform tasks; a task composes the smaller
// interactions of this folder (press a key, read the screen, fill a field), plain functions of
// the actor, and may perform other tasks, whose descriptions are written after its own.
import type { Actor } from '../actor.ts';

export interface Task<T = void> {
  /** What the transcript says of the task, written when it is performed. */
  readonly description: string;
  performAs(actor: Actor): Promise<T>;
}

export const Task = {
  /** A task described as `description`, performed by `perform`: what it resolves to is what `attemptsTo` hands back. */
  where<T = void>(description: string, perform: (actor: Actor) => Promise<T>): Task<T> {
    return { description, performAs: perform };
  },
};
