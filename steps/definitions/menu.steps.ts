// Menus: their items and order, read by moving through them.
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { Then } from '../support/define.ts';
import { ReadMenuDown } from '../support/tasks/menus.ts';

/** Moves DOWN from the item shown to the last, reading each label (then back UP to where it was). */
Then('the menu items from here down are:', async function (table: DataTable) {
  const expected = table.raw().map((row) => row[0]!);
  const labels = await this.attemptsTo(ReadMenuDown({ back: true }));
  assert.deepEqual(labels, expected);
});
