// How the commands (npm start, probe, fuzz, lab) end on what their user can act on: bad input
// (a flag, a file, a fixture) is one line and exit 2; a lab or environment that broke is one line
// and exit 3 (inconclusive: nothing is said of the appliance). Anything else is the suite's own
// fault, and is thrown with its stack.
import { FixtureError } from '../../fixtures/load.ts';
import { Inconclusive } from '../support/errors.ts';

/** A bad flag or argument: the message names it, and what was expected. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The exit code for `error`, its one line written to `stderr`; null for an error of the suite's own. */
export function exitCodeFor(error: unknown, stderr: { write(text: string): unknown } = process.stderr, prefix = 'error: '): 2 | 3 | null {
  if (error instanceof UsageError || error instanceof FixtureError) {
    stderr.write(`${prefix}${error.message}\n`);
    return 2;
  }
  if (error instanceof Inconclusive) {
    stderr.write(`inconclusive: ${error.message}\n`);
    return 3;
  }
  return null;
}
