// A configuration procedure of the guide made as one step: from its menu item, through its
// prompts, to the screen that applies it. The options chart (chart.steps.ts) and the
// troubleshooting tables' user actions (errors.steps.ts) both name procedures this way.
import assert from 'node:assert/strict';
import { isFieldStep } from '../../../fixtures/profiles.ts';
import { normalize } from '../screens.ts';
import type { Actor } from '../actor.ts';
import { networkMode } from '../notes.ts';
import { fillField } from './entry.ts';
import { goToMenuItem } from './navigation.ts';

/** The field (its name in the firmware profile) a prompt belongs to in one of `flows`, if any. */
function fieldOf(actor: Actor, flows: readonly string[], prompt: string): string | null {
  const want = normalize(prompt);
  for (const flow of flows) {
    for (const step of actor.guide.firmware.flows[flow]?.steps ?? []) if (isFieldStep(step) && normalize(step.prompt) === want) return step.field;
  }
  return null;
}

/**
 * Starts the procedure behind one of `items` (the ENABLE item, or its CHANGE/RENEW form once the
 * configuration exists) and follows its prompts: the fields of `flows` named in `values` are
 * entered, every other prompt and confirmation is accepted with ENTER as shown. Ends when the
 * appliance applies the change (a screen that takes no keys); fails if it never does or a value
 * was not asked for. A password is never written to the transcript.
 */
export async function followProcedure(actor: Actor, items: readonly string[], flows: readonly string[], values: Readonly<Record<string, string>>): Promise<void> {
  const item = await actor.act(`go to ${items.join(' or ')}`, () => goToMenuItem(actor, ...items));
  await actor.act(`press ENTER on ${item}`, () => actor.target.keypad.press('ENTER'));
  const ipv6Only = actor.notes.get(networkMode) === 'ipv6-only';
  const entered = new Set<string>();
  for (let guard = 0; guard < 30; guard++) {
    const screen = await actor.target.screen.read();
    if (screen.indicators.length === 0) break;
    const prompt = screen.lines[0].trim();
    const field = fieldOf(actor, flows, prompt);
    if (field !== null && values[field] !== undefined && !entered.has(field)) {
      const value = values[field]!;
      await actor.act(`enter ${field === 'password' ? 'the password' : `"${value}"`} at ${prompt}`, () => fillField(actor, prompt, value, ipv6Only));
      entered.add(field);
    }
    await actor.act(`press ENTER at ${prompt}`, () => actor.target.keypad.press('ENTER'));
  }
  const now = await actor.target.screen.read();
  assert.equal(now.indicators.length, 0, `the appliance did not apply ${item}: it shows ${actor.describe(now)}`);
  const missed = Object.keys(values).filter((f) => !entered.has(f));
  assert.deepEqual(missed, [], `${item} never asked for ${missed.join(', ')}`);
}
