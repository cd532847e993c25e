// Given/When/Then for this suite. A step that throws NotApplicable or Inconclusive ends the
// scenario with that outcome (skipped in cucumber's terms, the outcome attached as data), never
// as passed or failed; in a scenario that tests a reading of the guide's silence on a target
// other than the twin, any other failure is informative (the unit took another reading).
import { Given as given, Then as then, When as when } from '@cucumber/cucumber';
import { Inconclusive, NotApplicable } from './errors.ts';
import type { ApplianceWorld } from './world.ts';

type StepBody = (this: ApplianceWorld, ...args: never[]) => Promise<void> | void;

function wrap(body: StepBody) {
  // Cucumber checks a step function's arity against the expression: keep it.
  const wrapped = async function (this: ApplianceWorld, ...args: unknown[]) {
    try {
      await (body as (this: ApplianceWorld, ...a: unknown[]) => Promise<void> | void).apply(this, args);
      return undefined;
    } catch (error) {
      if (error instanceof NotApplicable) return this.endWith({ outcome: 'not-applicable', reason: error.message });
      if (error instanceof Inconclusive) return this.endWith({ outcome: 'inconclusive', reason: error.message });
      if (this.informative) return this.endWith({ outcome: 'informative', agrees: false, errata: this.informative, reason: (error as Error).message.split('\n')[0] ?? String(error) });
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
