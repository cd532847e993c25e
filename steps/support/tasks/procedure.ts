// Walking a configuration procedure of the guide: answering its prompts one at a time, going on
// to a prompt, or the whole procedure as one step, from its menu item, through its prompts, to
// the screen that applies it. The options chart (chart.steps.ts) and the troubleshooting tables'
// user actions (errors.steps.ts) both name procedures this way.
import assert from 'node:assert/strict';
import { isFieldStep, isLinkStep } from '../../../fixtures/profiles.ts';
import { normalize, shows } from '../screens.ts';
import type { Actor } from '../actor.ts';
import type { Port, ScreenSnapshot } from '../protocols.ts';
import { secretInSomeGuide } from '../redact.ts';
import { fillField, inIpv6OnlyMode } from './entry.ts';
import { goToMenuItem, GoToMenuItem, goToStatus, showsPrompt, waitForInput } from './navigation.ts';
import { press, Press, pressAndRead, readScreen } from './panel.ts';
import { Task } from './task.ts';

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
 * transcript gives the value as `described`, or as written unless a guide says the field is
 * secret (then "a password").
 */
export const EnterAt = (prompt: string, value: string, described = secretInSomeGuide(prompt) ? 'a password' : `"${value}"`) =>
  Task.where(`enter ${described} at ${prompt}`, (actor) => fillField(actor, prompt, value, inIpv6OnlyMode(actor)));

/**
 * Answers the prompt on screen as the guide says ("enter the static IP address, and then press
 * ENTER to continue"): it must be `prompt`; `value` is entered (null: ENTER accepts what is
 * shown), then ENTER, each a task of its own in the transcript. Returns the screen ENTER led to.
 */
async function answerPrompt(actor: Actor, prompt: string, value: string | null, described?: string): Promise<ScreenSnapshot> {
  const screen = await readScreen(actor);
  assert.ok(showsPrompt(screen, actor.guide.firmware, prompt), `expected the ${prompt} prompt; the screen shows ${actor.describe(screen)}`);
  if (value !== null) await actor.attemptsTo(EnterAt(prompt, value, described));
  return actor.attemptsTo(Task.where(`press ENTER at ${prompt}`, () => pressAndRead(actor, 'ENTER')));
}

/** The prompt on screen answered: `value` entered (null: what is shown accepted), then ENTER. Hands back the screen ENTER led to. */
export const AnswerPrompt = (prompt: string, value: string | null, described?: string) =>
  Task.where(`answer the ${prompt} prompt`, (actor) => answerPrompt(actor, prompt, value, described));

/** From a procedure's first screen, accepts every screen with ENTER until `prompt` shows (at most `limit` screens). */
async function acceptUntilPrompt(actor: Actor, prompt: string, limit: number): Promise<ScreenSnapshot> {
  let screen = await readScreen(actor);
  for (let i = 0; i < limit && !showsPrompt(screen, actor.guide.firmware, prompt); i++) {
    assert.ok(screen.indicators.includes('ENTER'), `on the way to ${prompt}: ${actor.describe(screen)} takes no ENTER`);
    screen = await pressAndRead(actor, 'ENTER');
  }
  assert.ok(showsPrompt(screen, actor.guide.firmware, prompt), `the ${prompt} prompt did not appear; the screen shows ${actor.describe(screen)}`);
  return screen;
}

/** Back from the status screen to `prompt`: the menu item `item` opened, every screen before `prompt` accepted with ENTER. */
export const GoBackToPrompt = (prompt: string, item: string) =>
  Task.where(`go back to ${prompt} through ${item}`, async (actor) => {
    await goToStatus(actor);
    const found = await goToMenuItem(actor, item);
    assert.equal(found, normalize(item), `the menu shows ${found}, not ${item}`);
    await press(actor, 'ENTER');
    await acceptUntilPrompt(actor, prompt, 12);
  });

/**
 * Starts the procedure behind one of `items` (the ENABLE item, or its CHANGE/RENEW form once the
 * configuration exists) and follows its prompts: the fields of `flows` named in `values` are
 * entered, every other prompt and confirmation is accepted with ENTER as shown. Ends when the
 * appliance applies the change (a screen that takes no keys); fails if it never does or a value
 * was not asked for. A password is never written to the transcript.
 */
export const FollowProcedure = (items: readonly string[], flows: readonly string[], values: Readonly<Record<string, string>>) =>
  Task.where(`follow ${items.join(' or ')} through its prompts`, async (actor) => {
    const item = await actor.attemptsTo(GoToMenuItem(...items));
    await actor.attemptsTo(Task.where(`press ENTER on ${item}`, () => press(actor, 'ENTER')));
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
  });

/** The menu items (in the guide's menus) that start `flow`: ENABLE ... or its CHANGE ... form. */
export function itemsStarting(actor: Actor, flow: string): string[] {
  const items = Object.values(actor.guide.firmware.menus).flatMap((m) => m.items).filter((i) => i.starts === flow).map((i) => i.label);
  if (items.length === 0) throw new Error(`no menu item of the ${actor.generation} guide starts ${flow}`);
  return items;
}

/** The Ethernet port settings: "A change to an Ethernet port setting takes effect right away." */
export const SetPortLink = (port: Port, value: string) =>
  Task.where(`set the ${port} port link to ${value}`, async (actor) => {
    const flow = actor.guide.firmware.flows['ethernet-ports'];
    const step = flow?.steps.find((s) => isLinkStep(s) && s.link === port);
    assert.ok(step && isLinkStep(step), `the ${actor.generation} guide has no ${port} PORT LINK`);
    await actor.attemptsTo(GoToMenuItem(...itemsStarting(actor, 'ethernet-ports')));
    await actor.attemptsTo(Press('ENTER'));
    if (port === 'WAN') await actor.attemptsTo(Task.where('press DOWN to WAN PORT LINK', () => press(actor, 'DOWN')));
    const confirm = await answerPrompt(actor, step.prompt, value);
    assert.ok(normalize(confirm.lines.join(' ')).startsWith(normalize(step.confirm)), `expected ${step.confirm} ${value}; the screen shows ${actor.describe(confirm)}`);
    await actor.attemptsTo(Task.where(`press ENTER at ${step.confirm} ${value}`, () => press(actor, 'ENTER')));
    await actor.attemptsTo(Task.where('leave the procedure', () => goToStatus(actor)));
  });

/** A restart through SYSTEM REBOOT: "Using its boot time network configuration the Scanner Appliance attempted to make a connection". */
export const RestartAppliance = () =>
  Task.where('restart the appliance', async (actor) => {
    const flow = actor.guide.firmware.flows['reboot'];
    const confirm = flow?.steps[0] && 'confirm' in flow.steps[0] ? flow.steps[0].confirm : 'REALLY REBOOT SYSTEM?';
    await actor.attemptsTo(GoToMenuItem(...itemsStarting(actor, 'reboot')));
    await actor.attemptsTo(Press('ENTER'));
    const screen = await readScreen(actor);
    assert.ok(shows(screen, confirm), `expected ${confirm}; the screen shows ${actor.describe(screen)}`);
    await actor.attemptsTo(Task.where(`press ENTER at ${confirm}`, () => press(actor, 'ENTER')));
    await actor.attemptsTo(Task.where('wait for the appliance to come up', () => waitForInput(actor)));
  });
