// npm run twin: the appliance twin in real time, for a person at the keyboard. The LCD, the
// LEDs and the power button's backlight are drawn in the terminal; the arrow keys and Enter are
// the keypad. `--speed 10` runs the appliance's clock ten times faster than life.
import { parseArgs } from 'node:util';
import { FixtureError } from '../fixtures/load.ts';
import type { Generation } from '../fixtures/profiles.ts';
import { Appliance } from './appliance/appliance.ts';
import { loadFirmware } from './appliance/firmware.ts';
import { drawLcd } from './appliance/lcd.ts';
import { RealTimeClock } from './clock.ts';
import { Platform } from './cloud/platform.ts';
import { loadNetwork } from '../fixtures/networks.ts';

const usage = 'usage: npm run twin -- [--generation 2017|2022] [--speed <factor>] [--serial <number>]';

function options() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        generation: { type: 'string', default: '2022' },
        speed: { type: 'string', default: '1' },
        serial: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) throw new Error(usage);
    const speed = Number(values.speed);
    if (!(speed > 0)) throw new Error(`--speed ${values.speed}: must be a positive number`);
    const serial = values.serial === undefined ? undefined : Number(values.serial);
    if (serial !== undefined && !(Number.isInteger(serial) && serial > 0)) throw new Error(`--serial ${values.serial}: must be a positive whole number`);
    return { generation: values.generation, speed, serial };
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message.split('\n')[0]}${(error as Error).message === usage ? '' : `; ${usage}`}\n`);
    process.exit(2);
  }
}

const { generation: name, speed, serial } = options();

function firmware(): Generation {
  try {
    return loadFirmware(name);
  } catch (error) {
    if (error instanceof FixtureError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
const generation = firmware();

const clock = new RealTimeClock(speed);
const platform = new Platform();
const appliance = new Appliance({ generation, clock, network: loadNetwork('office'), platform, ...(serial === undefined ? {} : { serialNumber: serial }) });
platform.ship(appliance.identity);

const help = 'arrows: keypad   Enter: ENTER   c: LEFT+RIGHT together   p: power button   a: AC cord in/out   x: activate in the portal   q: quit';

function draw(): void {
  const [line1, line2] = drawLcd(appliance.screen(), generation.hardware);
  const leds = appliance.leds;
  const dot = (on: boolean) => (on ? '●' : '○');
  const out = [
    `Qualys Scanner Appliance twin — firmware ${name}, serial ${appliance.identity.serialNumber}, ${speed}x time, ${appliance.acPlugged ? 'AC in' : 'AC out'}`,
    `power ${leds.power ? '\x1b[32m●\x1b[0m' : '○'}   S1 ${dot(leds.S1)}  S2 ${dot(leds.S2)}  S3 ${dot(leds.S3)}   ${appliance.status.kind === 'activation' ? `activation code ${appliance.identity.activationCode}` : ''}`,
    `┌${'─'.repeat(line1.length)}┐`,
    `│${line1}│`,
    `│${line2}│`,
    `└${'─'.repeat(line2.length)}┘`,
    help,
  ];
  if (process.stdout.isTTY) process.stdout.write('\x1b[H\x1b[2J' + out.join('\n') + '\n');
  else process.stdout.write(`${line1.trimEnd()} | ${line2.trimEnd()}\n`);
}

appliance.subscribe(draw);
draw();

function quit(): void {
  clock.dispose();
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  process.stdout.write('\n');
  process.exit(0);
}

const keys: Record<string, () => void> = {
  '\x1b[A': () => appliance.press('UP'),
  '\x1b[B': () => appliance.press('DOWN'),
  '\x1b[C': () => appliance.press('RIGHT'),
  '\x1b[D': () => appliance.press('LEFT'),
  '\r': () => appliance.press('ENTER'),
  '\n': () => appliance.press('ENTER'),
  c: () => appliance.chordLeftRight(),
  p: () => appliance.pressPowerButton(),
  a: () => (appliance.acPlugged ? appliance.unplugAc() : appliance.plugAc()),
  x: () => { platform.activate(appliance.identity.activationCode, 'jdoe'); },
  q: quit,
  '\x03': quit,
};

if (process.stdin.isTTY) process.stdin.setRawMode(true);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  for (const [sequence, action] of Object.entries(keys)) {
    if (chunk === sequence) {
      action();
      draw();
      return;
    }
  }
});
process.stdin.on('end', quit);
