// Menus: their items and order, read by moving through them.
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { Then } from '../support/define.ts';
import { screenText } from '../support/screens.ts';

/** Moves DOWN from the item shown to the last, reading each label (then back UP to where it was). */
Then('the menu items from here down are:', async function (table: DataTable) {
  const expected = table.raw().map((row) => row[0]!);
  const labels: string[] = [];
  let screen = await this.target.screen.read();
  labels.push(screenText(screen));
  let moves = 0;
  while (screen.indicators.includes('DOWN') && moves < 40) {
    await this.target.keypad.press('DOWN');
    moves++;
    screen = await this.target.screen.read();
    labels.push(screenText(screen));
  }
  for (let i = 0; i < moves; i++) await this.target.keypad.press('UP');
  this.recordScreens();
  assert.deepEqual(labels, expected);
});
