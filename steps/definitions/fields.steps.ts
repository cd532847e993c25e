// Entry fields as "Entering Information" documents them: what the character under the cursor
// becomes as the arrows are pressed, which characters a field never offers, how long entries
// are read back, and going back to a field to see what was stored.
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import type { Key } from '../support/protocols.ts';
import { Then, When } from '../support/define.ts';
import { charAtCursor } from '../support/screens.ts';
import { BOOT_TIMEOUT_MS } from '../support/tasks/navigation.ts';
import type { Actor } from '../support/actor.ts';
import { MoveCursorToPosition, PressAndCollect, PressUntilUnderCursor, ReadWholeField, ScrollInWithUpAndRight } from '../support/tasks/entry.ts';
import { Press, readScreen, waitForScreen } from '../support/tasks/panel.ts';
import { GoBackToPrompt } from '../support/tasks/procedure.ts';

/** Shows a character readably in a failure message. */
function show(char: string | null): string {
  if (char === null) return 'no cursor';
  return char === ' ' ? 'the space character' : `"${char}"`;
}

/** The characters a {string} names, one by one ("a-z" is not a range here: it is three characters). */
function charactersOf(text: string): string[] {
  return [...new Set([...text])];
}

// ---------------------------------------------------------------------------------------------
// The character under the cursor.

/** "the character under the cursor is \ (backslash)": the form Scenario Outlines copy from the guide's tables. */
Then(/^the character under the cursor is (\S) \(([^)]+)\)$/, async function (char: string, name: string) {
  const screen = await readScreen(this.actor);
  assert.equal(charAtCursor(screen), char, `expected ${name} "${char}" under the cursor of ${this.describe(screen)}`);
});

Then('the character under the cursor is one of {string}', async function (chars: string) {
  const screen = await readScreen(this.actor);
  const here = charAtCursor(screen);
  assert.ok(here !== null && chars.includes(here), `${show(here)} is under the cursor of ${this.describe(screen)}; expected one of "${chars}"`);
});

When('I press {key} until the character under the cursor is {string}', async function (key: Key, char: string) {
  await this.attemptsTo(PressUntilUnderCursor(key, char));
});

/**
 * One press per row, checking the character each press brings under the cursor. The first column
 * holds the character; a blank cell is the space character, which the name column must then call
 * "space".
 */
Then('pressing {key} shows these characters in turn:', async function (key: Key, table: DataTable) {
  const rows = table.raw();
  const expected = rows.map((row) => {
    const [char = '', name = ''] = row;
    if (char === '') {
      assert.equal(name, 'space', `a blank cell must be named "space": | ${row.join(' | ')} |`);
      return ' ';
    }
    assert.equal([...char].length, 1, `one character per row: | ${row.join(' | ')} |`);
    return char;
  });
  const seen = await this.attemptsTo(PressAndCollect(key, expected.length));
  expected.forEach((want, i) => {
    assert.equal(seen[i], want, `press ${i + 1} of ${key} showed ${show(seen[i] ?? null)}, the guide's order has ${show(want)} (${rows[i]!.slice(1).join(' ') || 'row ' + (i + 1)}); seen: "${seen.slice(0, i + 1).join('')}"`);
  });
});

/** The guide's order written out: one character per press, the space included. */
Then('pressing {key} shows {string} in turn', async function (key: Key, order: string) {
  const expected = [...order];
  const seen = await this.attemptsTo(PressAndCollect(key, expected.length));
  expected.forEach((want, i) => {
    assert.equal(seen[i], want, `press ${i + 1} of ${key} showed ${show(seen[i] ?? null)} where the guide's order has ${show(want)}; seen: "${seen.slice(0, i + 1).join('')}"`);
  });
});

Then('pressing {key} {int} times never puts any of {string} under the cursor', async function (key: Key, times: number, forbidden: string) {
  const seen = await this.attemptsTo(PressAndCollect(key, times));
  const bad = charactersOf(forbidden).filter((c) => seen.includes(c));
  assert.deepEqual(bad, [], `the field offered ${bad.map(show).join(', ')}; seen in turn: "${seen.join('')}"`);
});

Then('pressing {key} {int} times puts each of {string} under the cursor', async function (key: Key, times: number, wanted: string) {
  const seen = await this.attemptsTo(PressAndCollect(key, times));
  const missing = charactersOf(wanted).filter((c) => !seen.includes(c));
  assert.deepEqual(missing, [], `the field never offered ${missing.map(show).join(', ')}; seen in turn: "${seen.join('')}"`);
});

// ---------------------------------------------------------------------------------------------
// Reading a field.

/** "pre-filled with values in this format: nnn.nnn.nnn.nnn": each n is a digit, the rest as written. */
Then('the field reads a value in the format {string}', async function (format: string) {
  const screen = await readScreen(this.actor);
  const pattern = new RegExp(`^${[...format].map((c) => (c === 'n' ? '\\d' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
  assert.match(screen.lines[1].trim(), pattern, `the field line of ${this.describe(screen)} is not in the format ${format}`);
});

/** A whole entry, longer than the 16 characters shown at once. Trailing spaces (unused positions) are not part of it. */
Then('the whole field reads {string}', async function (expected: string) {
  const text = await this.attemptsTo(ReadWholeField());
  assert.equal(text.trimEnd(), expected, 'the whole field');
});

// ---------------------------------------------------------------------------------------------
// Going back to a field: "Any space characters entered appear in the interface screen until the
// next time you revisit the screen"; "Existing parameters are displayed in each screen".

/**
 * After a confirmed change: "Review the confirmation messages. The Scanner Appliance attempts to
 * make a connection to the Qualys Cloud Platform using the new configuration." Waits for the
 * messages (screens that take no keys) and then for the screen that follows them, whatever it
 * reports.
 */
async function reviewConfirmationMessages(actor: Actor): Promise<void> {
  if (!actor.screensSinceAction().some((s) => s.indicators.length === 0)) {
    const message = await waitForScreen(actor, (s) => s.indicators.length === 0, 30_000);
    actor.recordScreens();
    assert.ok(message, `no confirmation message appeared after the change; the screen shows ${actor.describe(await readScreen(actor))}`);
  }
  const after = await waitForScreen(actor, (s) => s.indicators.length > 0, BOOT_TIMEOUT_MS);
  actor.recordScreens();
  assert.ok(after, `the confirmation messages did not end; the screen shows ${actor.describe(await readScreen(actor))}`);
}

When('I review the confirmation messages', async function () {
  await reviewConfirmationMessages(this.actor);
});

/**
 * After a confirmed change: reviews its confirmation messages, then opens the menu item `item`
 * and accepts every screen before `prompt` with ENTER, leaving `prompt` on screen.
 */
When('I go back to the {string} prompt through {string}', async function (prompt: string, item: string) {
  await reviewConfirmationMessages(this.actor);
  await this.attemptsTo(GoBackToPrompt(prompt, item));
});

// ---------------------------------------------------------------------------------------------
// List fields (the netmask): "Order (ascending)" numbers the values from the one shown first.

When('I scroll {key} to position {int} of the list', async function (key: Key, position: number) {
  assert.ok(position >= 1, 'positions start at 1, the value shown first');
  await this.attemptsTo(Press(key, position - 1));
});

/** For each character the Up arrow until it shows, then the Right arrow (the field's order not assumed). */
When('I scroll in {string} with UP and RIGHT', async function (text: string) {
  await this.attemptsTo(ScrollInWithUpAndRight(text));
});

/** Left to the first position of the entry, then Right to position `position` (1 is the first). */
When('I move the cursor to position {int} of the entry', async function (position: number) {
  await this.attemptsTo(MoveCursorToPosition(position));
});
