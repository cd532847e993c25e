// Brings the appliance to a named state through its own interfaces, from whatever state it is
// in; does nothing when it is already there. On a target reused between scenarios (hardware), a
// failed transition marks the strategy broken so that later scenarios are reported as lab
// failures instead of failing one after another.
import type { ScreenSnapshot } from './protocols.ts';
import { shows } from './screens.ts';
import { BOOT_TIMEOUT_MS, classify, goToStatus, NavigationError } from './tasks/navigation.ts';
import type { ApplianceWorld } from './world.ts';
import { LabFailure } from './world.ts';

export type ApplianceState = 'off' | 'booted' | 'name-and-ip' | 'activation-code';

/** Whether the appliance is running, judged by the power button's backlight or the screen. */
async function isRunning(world: ApplianceWorld): Promise<boolean> {
  const leds = world.target.leds;
  if (leds && world.target.capabilities.has('leds')) return (await leds.read()).power;
  const screen = await world.target.screen.read();
  return screen.lines.some((l) => l !== '') || screen.indicators.length > 0;
}

async function switchOn(world: ApplianceWorld): Promise<void> {
  // A unit already running needs no power button (a target without one can still go on).
  if (await isRunning(world)) return;
  const power = world.need('power');
  if (!(await power.acPlugged())) await world.act('plug in the AC power cord', () => power.plugAc());
  if (!(await isRunning(world))) await world.act('press the power button', () => power.pressButton());
}

async function statusScreen(world: ApplianceWorld): Promise<ScreenSnapshot> {
  return goToStatus(world);
}

export async function reach(world: ApplianceWorld, state: ApplianceState, username = 'jdoe'): Promise<void> {
  try {
    await transition(world, state, username);
  } catch (error) {
    if (error instanceof NavigationError) throw new LabFailure(`could not bring the appliance to "${state}": ${error.message}`);
    throw error;
  }
}

async function transition(world: ApplianceWorld, state: ApplianceState, username: string): Promise<void> {
  const fw = world.guide.firmware;
  if (state === 'off') {
    if (await isRunning(world)) {
      const power = world.need('power');
      await world.act('press the power button (shut down)', () => power.pressButton());
      await world.target.screen.waitFor((s) => shows(s, fw.texts.safeToUnplug), 120_000);
    }
    return;
  }
  await switchOn(world);
  let screen = await statusScreen(world);
  if (state === 'booted') return;
  const activation = shows(screen, fw.texts.activationCode);
  if (state === 'activation-code') {
    if (!activation) throw new LabFailure(`the appliance is already activated (it shows ${world.describe(screen)})`);
    return;
  }
  if (activation) {
    const code = screen.lines[1].trim();
    const lab = world.need('lab');
    await world.act(`activate the appliance in the portal with code ${code} as ${username}`, () => lab.activate(code, username));
    await world.act('press ENTER (contact the platform again)', () => world.target.keypad.press('ENTER'));
    const ready = await world.target.screen.waitFor((s) => s.indicators.length > 0 && !shows(s, fw.texts.activationCode), BOOT_TIMEOUT_MS);
    world.recordScreens();
    if (!ready) throw new LabFailure('the appliance did not leave the ACTIVATION CODE screen after activation');
    screen = ready;
  }
  if (classify(screen, fw) !== 'status' || !/\d+\.\d+\.\d+\.\d+|:/.test(screen.lines[1])) {
    throw new LabFailure(`the appliance does not show its name and IP address: ${world.describe(screen)}`);
  }
}
