// The tally's reason for a failed scenario is the failing step's own message: Node's assertion
// stack, which cucumber gives as the result's message, opens with "AssertionError [ERR_ASSERTION]"
// and a diff when the assertion has a message of its own, so the message is taken from the exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '@cucumber/messages';
import { Tally } from './tally.ts';

function failedWith(result: { message?: string; exception?: { type: string; message?: string } }): string | null {
  const tally = new Tally();
  const ts = { seconds: 0, nanos: 0 };
  const envelopes = [
    { gherkinDocument: { uri: 'features/a.feature', feature: { children: [{ scenario: { id: 's', location: { line: 3 }, examples: [] } }] } } },
    { pickle: { id: 'p', uri: 'features/a.feature', name: 'A scenario', astNodeIds: ['s'], tags: [], steps: [] } },
    { testCase: { id: 'c', pickleId: 'p', testSteps: [] } },
    { testCaseStarted: { id: 'r', testCaseId: 'c', attempt: 0, timestamp: ts } },
    { testStepFinished: { testCaseStartedId: 'r', testStepId: 'x', timestamp: ts, testStepResult: { status: 'FAILED', duration: ts, ...result } } },
    { testCaseFinished: { testCaseStartedId: 'r', timestamp: ts, willBeRetried: false } },
  ] as unknown as Envelope[];
  for (const e of envelopes) tally.onMessage(e);
  return tally.result().scenarios[0]!.reason;
}

test('a failed assertion\'s reason is its message, not the first line of its stack', () => {
  const stack = 'AssertionError [ERR_ASSERTION]\n    + expected - actual\n\n    -false\n    +true\n';
  assert.equal(failedWith({ message: stack, exception: { type: 'AssertionError', message: 'expected the screen to show "ACTIVATION CODE"; it shows [is_jdoe | 198.18.10.20]' } }),
    'expected the screen to show "ACTIVATION CODE"; it shows [is_jdoe | 198.18.10.20]');
});

test('without an exception, the result\'s message', () => {
  assert.equal(failedWith({ message: 'Error: the unit did not answer\n    at x' }), 'Error: the unit did not answer');
});
