// Given/When/Then for this suite: a step that needs what the target lacks ends the scenario as
// "not applicable" (skipped, with the reason attached), never as passed or failed.
import { Given as given, Then as then, When as when } from '@cucumber/cucumber';
import type { ApplianceWorld } from './world.ts';
import { NotApplicable } from './world.ts';

type StepBody = (this: ApplianceWorld, ...args: never[]) => Promise<void> | void;

function wrap(body: StepBody) {
  // Cucumber checks a step function's arity against the expression: keep it.
  const wrapped = async function (this: ApplianceWorld, ...args: unknown[]) {
    try {
      await (body as (this: ApplianceWorld, ...a: unknown[]) => Promise<void> | void).apply(this, args);
      return undefined;
    } catch (error) {
      if (error instanceof NotApplicable) {
        this.attach(`not applicable: ${error.message}`, 'text/plain');
        return 'skipped';
      }
      throw error;
    }
  };
  Object.defineProperty(wrapped, 'length', { value: body.length });
  return wrapped;
}

export function Given(pattern: string | RegExp, body: StepBody): void {
  given(pattern, wrap(body));
}
export function When(pattern: string | RegExp, body: StepBody): void {
  when(pattern, wrap(body));
}
export function Then(pattern: string | RegExp, body: StepBody): void {
  then(pattern, wrap(body));
}
