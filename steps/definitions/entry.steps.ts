// Entering information in fields, as "Entering Information" documents.
import assert from 'node:assert/strict';
import { Given, When, Then } from '../support/define.ts';
import { BlankField, ScrollField } from '../support/tasks/entry.ts';
import { reach } from '../support/strategy.ts';
import { OpenPrompt, showsPrompt } from '../support/tasks/navigation.ts';
import { AnswerPrompt, EnterAt } from '../support/tasks/procedure.ts';
import type { Actor } from '../support/actor.ts';
import { readScreen, waitForScreen } from '../support/tasks/panel.ts';

/** The prompt on screen, opened through its procedure unless it is shown already. */
async function ensurePrompt(actor: Actor, prompt: string): Promise<void> {
  const screen = await readScreen(actor);
  if (!showsPrompt(screen, actor.guide.firmware, prompt)) await actor.attemptsTo(OpenPrompt(prompt));
}

When('I enter {string} at the {string} prompt', async function (value: string, prompt: string) {
  await ensurePrompt(this.actor, prompt);
  await this.attemptsTo(AnswerPrompt(prompt, value));
});

When('I key in {string} at the {string} prompt', async function (value: string, prompt: string) {
  await ensurePrompt(this.actor, prompt);
  await this.attemptsTo(EnterAt(prompt, value));
});

When('I scroll the {string} field to {string}', async function (prompt: string, value: string) {
  await ensurePrompt(this.actor, prompt);
  await this.attemptsTo(ScrollField(prompt, value));
});

Then('the {string} prompt is shown again', async function (prompt: string) {
  const screen = await waitForScreen(this.actor, (s) => showsPrompt(s, this.guide.firmware, prompt) && s.indicators.length > 0, 10_000);
  this.actor.recordScreens();
  assert.ok(screen, `the ${prompt} prompt did not come back; the screen shows ${this.describe(await readScreen(this.actor))}`);
});

/**
 * "The space character may be used to remove characters when editing text fields": the prompt
 * shown, its entry blanked (nothing is confirmed, so nothing stored changes), the cursor at the
 * first position. A field blank already is left as it is.
 */
Given('the {string} field is blank', async function (prompt: string) {
  await reach(this.actor, 'booted');
  await ensurePrompt(this.actor, prompt);
  const screen = await readScreen(this.actor);
  if (screen.lines[1].trim() === '' && screen.cursor?.col === 0) return;
  await this.attemptsTo(BlankField(prompt));
});

/** A list field (the netmask) scrolled to `value`, the place the scenario counts its presses from. */
Given('the {string} field shows {string}', async function (prompt: string, value: string) {
  await reach(this.actor, 'booted');
  await ensurePrompt(this.actor, prompt);
  if ((await readScreen(this.actor)).lines[1].trim() === value) return;
  await this.attemptsTo(ScrollField(prompt, value));
});
