// Walking a configuration procedure of the guide: answering its prompts one at a time, going on
// to a prompt, or the whole procedure as one step, from its menu item, through its prompts, to
// the screen that applies it. The options chart (chart.steps.ts) and the troubleshooting tables'
// user actions (errors.steps.ts) both name procedures this way.
import assert from 'node:assert/strict';
import { isFieldStep } from '../../../fixtures/profiles.ts';
import { normalize } from '../screens.ts';
import type { Actor } from '../actor.ts';
import type { ScreenSnapshot } from '../protocols.ts';
import { networkMode } from '../notes.ts';
import { fillField } from './entry.ts';
import { goToMenuItem, showsPrompt } from './navigation.ts';
import { press, pressAndRead, readScreen } from './panel.ts';

/** The field (its name in the firmware profile) a prompt belongs to in one of `flows`, if any. */
function fieldOf(actor: Actor, flows: readonly string[], prompt: string): string | null {
  const want = normalize(prompt);
  for (const flow of flows) {
    for (const step of actor.guide.firmware.flows[flow]?.steps ?? []) if (isFieldStep(step) && normalize(step.prompt) === want) return step.field;
  }
  return null;
}

/**
 * Enters `value` in the field of `prompt` (on screen), in the appliance's network mode. The
 * transcript gives the value as `described`, or as written unless the profile says the field is
 * secret.
 */
export async function enterAt(actor: Actor, prompt: string, value: string, described = actor.isSecretPrompt(prompt) ? 'a password' : `"${value}"`): Promise<void> {
  await actor.act(`enter ${described} at ${prompt}`, () => fillField(actor, prompt, value, actor.notes.get(networkMode) === 'ipv6-only'));
}

/**
 * Answers the prompt on screen as the guide says ("enter the static IP address, and then press
 * ENTER to continue"): it must be `prompt`; `value` is entered (null: ENTER accepts what is
 * shown), then ENTER. Returns the screen ENTER led to.
 */
export async function answerPrompt(actor: Actor, prompt: string, value: string | null, described?: string): Promise<ScreenSnapshot> {
  const screen = await readScreen(actor);
  assert.ok(showsPrompt(screen, actor.guide.firmware, prompt), `expected the ${prompt} prompt; the screen shows ${actor.describe(screen)}`);
  if (value !== null) await enterAt(actor, prompt, value, described);
  return actor.act(`press ENTER at ${prompt}`, () => pressAndRead(actor, 'ENTER'));
}

/** From a procedure's first screen, accepts every screen with ENTER until `prompt` shows (at most `limit` screens). */
export async function acceptUntilPrompt(actor: Actor, prompt: string, limit: number): Promise<ScreenSnapshot> {
  let screen = await readScreen(actor);
  for (let i = 0; i < limit && !showsPrompt(screen, actor.guide.firmware, prompt); i++) {
    assert.ok(screen.indicators.includes('ENTER'), `on the way to ${prompt}: ${actor.describe(screen)} takes no ENTER`);
    screen = await pressAndRead(actor, 'ENTER');
  }
  assert.ok(showsPrompt(screen, actor.guide.firmware, prompt), `the ${prompt} prompt did not appear; the screen shows ${actor.describe(screen)}`);
  return screen;
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
  await actor.act(`press ENTER on ${item}`, () => press(actor, 'ENTER'));
  const entered = new Set<string>();
  for (let guard = 0; guard < 30; guard++) {
    const screen = await readScreen(actor);
    if (screen.indicators.length === 0) break;
    const prompt = screen.lines[0].trim();
    const field = fieldOf(actor, flows, prompt);
    const value = field !== null && !entered.has(field) ? values[field] ?? null : null;
    await answerPrompt(actor, prompt, value);
    if (value !== null) entered.add(field!);
  }
  const now = await readScreen(actor);
  assert.equal(now.indicators.length, 0, `the appliance did not apply ${item}: it shows ${actor.describe(now)}`);
  const missed = Object.keys(values).filter((f) => !entered.has(f));
  assert.deepEqual(missed, [], `${item} never asked for ${missed.join(', ')}`);
}
