// npm run twin: the appliance twin for a person, or behind a serial port for the suite.
//   npm run twin                          the LCD and LEDs drawn in the terminal, keypad on the arrows
//   npm run twin -- --console pty         plus a remote console on a pseudo-terminal (prints "console: <path>")
//   npm run twin -- --console tcp         plus a remote console on a loopback TCP port, as behind a terminal server
//   npm run twin -- --console unix --console-path <socket>
//                                         plus a remote console on a Unix socket, as a terminal server's port
//   npm run twin -- --console stdio       the terminal is the remote console (VT100), the unit switched on
//   --on                                  switch the unit on at start (as pressing its power button)
//   --activated-by <user>                 the unit comes activated by this user of the lab's account
//   --console-layout boxed|plain          how the remote console lays out its screen (fixtures/consoles/)
//   --line paced|unpaced                  the console line at 9600 baud (default), or with no line time
//   --config-out <file>                   writes the stored network configuration there whenever it
//                                         changes (for tests of the suite's strategy; the suite never reads it)
//   --platform-port <n>                   the platform twin's HTTPS port on loopback (default: any free one)
//   --network live --lan-if <if> [--wan-if <if>] --platform-ca <file>
//                                         twin-live: the network is the host's real one (twin/network/real.ts)
//   --bench <socket>                      serves the unit's managed power and its lights there (a bench's PDU and camera)
// The platform twin (appliance API and web portal) always serves on HTTPS on loopback; its URL is
// printed, its test CA written to reports/platform-ca.pem, and the twin reaches it for real.
//   npm run twin -- --console pty --control <socket>
//                                         the twin-serial target's twin: virtual time, driven by the suite
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { FixtureError, displayPath, projectRoot } from '../fixtures/load.ts';
import type { ConsoleLayout } from '../fixtures/consoles.ts';
import { loadConsoleLayout } from '../fixtures/consoles.ts';
import { accountFile, loadAccount, platformHostnames } from '../fixtures/platform.ts';
import type { Key } from '../fixtures/profiles.ts';
import { Secrets } from '../fixtures/secrets.ts';
import { vt100KeyBytes } from '../fixtures/wire.ts';
import { servePlatform } from './cloud/server.ts';
import { loadFirmware } from './appliance/firmware.ts';
import { drawLcd } from './appliance/lcd.ts';
import { LabBench } from './lab-bench.ts';
import { Appliance } from './appliance/appliance.ts';
import { RealNetwork } from './network/real.ts';
import { listenForRequests } from './request-lines.ts';
import { ledsTable, powerTable } from '../fixtures/bench-protocols.ts';
import { faultsTable } from '../fixtures/lab-protocols.ts';
import { dispatcher, provide } from '../fixtures/method-tables.ts';
import { RealTimeClock } from './clock.ts';
import type { ConsoleTransport } from './console/console.ts';
import { RemoteConsole } from './console/console.ts';
import { PtyTransport, StdioTransport, TcpTransport, TransportError } from './console/transports.ts';
import { ControlServer } from './control.ts';

const usage = 'usage: npm run twin -- [--generation 2017|2022|older] [--speed <factor>] [--serial <number>] [--console pty|tcp|unix|stdio] [--console-path <path>] [--console-layout boxed|plain] [--line paced|unpaced] [--port <number>] [--platform-port <number>] [--control <socket>] [--on] [--activated-by <user>] [--config-out <file>] [--network modeled|live --lan-if <if> [--wan-if <if>] --platform-ca <file>] [--bench <socket>]';

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        generation: { type: 'string', default: '2022' },
        speed: { type: 'string', default: '1' },
        serial: { type: 'string' },
        console: { type: 'string' },
        'console-path': { type: 'string' },
        port: { type: 'string', default: '0' },
        'platform-port': { type: 'string', default: '0' },
        control: { type: 'string' },
        'console-layout': { type: 'string', default: 'boxed' },
        line: { type: 'string', default: 'paced' },
        on: { type: 'boolean', default: false },
        'activated-by': { type: 'string' },
        'config-out': { type: 'string' },
        network: { type: 'string', default: 'modeled' },
        'lan-if': { type: 'string' },
        'wan-if': { type: 'string' },
        'platform-ca': { type: 'string' },
        bench: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const speed = Number(values.speed);
  if (!(speed > 0)) fail(`--speed ${values.speed}: must be a positive number`);
  const serial = values.serial === undefined ? undefined : Number(values.serial);
  if (serial !== undefined && !(Number.isInteger(serial) && serial > 0)) fail(`--serial ${values.serial}: must be a positive whole number`);
  const consoleKind = values.console;
  if (consoleKind !== undefined && !['pty', 'tcp', 'unix', 'stdio'].includes(consoleKind)) fail(`--console ${consoleKind}: expected pty, tcp, unix or stdio`);
  if (consoleKind === 'unix' && values['console-path'] === undefined) fail('--console unix needs --console-path <socket path>');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port}: not a TCP port`);
  const platformPort = Number(values['platform-port']);
  if (!Number.isInteger(platformPort) || platformPort < 0 || platformPort > 65535) fail(`--platform-port ${values['platform-port']}: not a TCP port`);
  if (values.control !== undefined && consoleKind !== 'pty' && consoleKind !== 'tcp') fail('--control needs --console pty or --console tcp');
  if (values.line !== 'paced' && values.line !== 'unpaced') fail(`--line ${values.line}: expected paced or unpaced`);
  if (values.network !== 'modeled' && values.network !== 'live') fail(`--network ${values.network}: expected modeled or live`);
  const live = values.network === 'live';
  if (live && (values['lan-if'] === undefined || values['platform-ca'] === undefined)) fail('--network live needs --lan-if <interface> and --platform-ca <file> (the live lab passes them)');
  if (!live && (values['lan-if'] ?? values['wan-if'] ?? values['platform-ca']) !== undefined) fail('--lan-if, --wan-if and --platform-ca go with --network live');
  if (values.bench !== undefined && values.control !== undefined) fail('--bench serves one unit\'s power and lights; --control has its own bench');
  if (live && values.control !== undefined) fail('--control drives a twin on the modeled network; --network live is one unit on the live lab');
  let platformCa = '';
  if (live) {
    try {
      platformCa = readFileSync(values['platform-ca']!, 'utf8');
    } catch (error) {
      fail(`--platform-ca ${values['platform-ca']}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  let layout: ConsoleLayout;
  try {
    loadFirmware(values.generation);
    layout = loadConsoleLayout(values['console-layout']);
  } catch (error) {
    if (error instanceof FixtureError) fail(error.message);
    throw error;
  }
  const activatedBy = values['activated-by'];
  if (activatedBy !== undefined && !loadAccount().users.some((u) => u.login === activatedBy)) {
    fail(`--activated-by ${activatedBy}: no such user in ${displayPath(accountFile)} (known: ${loadAccount().users.map((u) => u.login).join(', ')})`);
  }
  return {
    generation: values.generation, speed, serial, consoleKind, consolePath: values['console-path'], port, platformPort, control: values.control, on: values.on,
    layout, paced: values.line === 'paced', activatedBy, configOut: values['config-out'],
    live: live ? { lan: values['lan-if']!, wan: values['wan-if'] ?? null, ca: platformCa } : null,
    bench: values.bench,
  };
}

async function openConsole(kind: string, path: string | undefined, port: number): Promise<{ transport: ConsoleTransport; where: string }> {
  try {
    if (kind === 'pty') {
      const pty = await PtyTransport.open(path ?? join(tmpdir(), `qsa-console-${process.pid}`));
      process.on('exit', () => pty.close());
      return { transport: pty, where: pty.link };
    }
    if (kind === 'tcp') {
      const tcp = await TcpTransport.listen(port);
      return { transport: tcp, where: `tcp:127.0.0.1:${tcp.port}` };
    }
    if (kind === 'unix') {
      const unix = await TcpTransport.listenUnix(path!);
      return { transport: unix, where: `unix:${path}` };
    }
    return { transport: new StdioTransport(), where: 'stdio' };
  } catch (error) {
    if (error instanceof TransportError) fail(error.message);
    throw error;
  }
}

/** The unit on its lab bench: the modeled network, and the platform twin served here on loopback. */
async function benchUnit(clock: RealTimeClock): Promise<{ appliance: Appliance; platformLines: string[]; activate: (login: string) => void }> {
  const pod = loadAccount().pods[0]!;
  let current: LabBench | null = null;
  let platform: Awaited<ReturnType<typeof servePlatform>>;
  try {
    platform = await servePlatform(() => current!.site(), platformHostnames(loadAccount()), opts.platformPort);
  } catch (error) {
    fail(`the platform twin cannot listen on 127.0.0.1:${opts.platformPort}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const bench = new LabBench({ generation: opts.generation, clock, fetch: platform.fetch, ...(opts.serial === undefined ? {} : { serialNumber: opts.serial }) });
  current = bench;
  const caFile = join(projectRoot, 'reports', 'platform-ca.pem');
  mkdirSync(dirname(caFile), { recursive: true });
  writeFileSync(caFile, platform.server.credentials.ca);
  const users = loadAccount().users.map((u) => `${u.login} (${u.role})`).join(', ');
  const appliance = bench.appliance;
  return {
    appliance,
    platformLines: [
      `platform: ${platform.server.origin}/  (POD ${pod.id}, ${pod.url}; API ${platform.server.origin}/appliance/v1/)`,
      `portal users: ${users}; passwords in ${displayPath(new Secrets().file)}; test CA: ${displayPath(caFile)}`,
    ],
    activate: (login) => bench.activate(appliance.identity.activationCode, login),
  };
}

/**
 * twin-live: the unit on a real network stack, in a container of the live lab. Its cables are
 * the container's interfaces and the platform is the lab's (activation happens there).
 */
function liveUnit(clock: RealTimeClock, live: { lan: string; wan: string | null; ca: string }): { appliance: Appliance; platformLines: string[]; activate: null } {
  const account = loadAccount();
  const network = new RealNetwork({ ...live, speed: opts.speed });
  const appliance = new Appliance({
    generation: loadFirmware(opts.generation), clock, network,
    cloud: { url: () => account.pods[0]!.url, fetch: network.fetch },
    softwareVersions: { ...account.softwareVersions },
    ...(opts.serial === undefined ? {} : { serialNumber: opts.serial }),
  });
  return { appliance, platformLines: [`platform: the live lab's, ${account.pods[0]!.url} (LAN ${live.lan}${live.wan ? `, WAN ${live.wan}` : ''})`], activate: null };
}

const opts = options();

if (opts.control !== undefined) {
  // The suite's twin: virtual time and a fresh unit per scenario, through the control socket.
  const { transport, where } = await openConsole(opts.consoleKind!, opts.consolePath, opts.port);
  await ControlServer.listen(opts.control, transport, opts.generation, { paced: opts.paced });
  process.stdout.write(`console: ${where}\ncontrol: ${opts.control}\n`);
} else {
  const clock = new RealTimeClock(opts.speed);
  const { appliance, platformLines, activate } = opts.live ? liveUnit(clock, opts.live) : await benchUnit(clock);
  const generation = appliance.generation;
  if (opts.bench !== undefined) {
    // The bench around the unit: a switched PDU and a button pusher, and a view of its lights.
    const protocols = dispatcher([
      provide(powerTable, { pressButton: () => appliance.pressPowerButton(), plugAc: () => appliance.plugAc(), unplugAc: () => appliance.unplugAc(), acPlugged: () => appliance.acPlugged }),
      provide(ledsTable, { read: () => ({ ...appliance.leds }) }),
      // The twin's storage can be made to fail at its next boot (a real unit's cannot, from a bench).
      provide(faultsTable, { injectStorageFault: (fault) => appliance.injectStorageFault(fault) }),
    ]);
    await listenForRequests(opts.bench, async (op, args) => {
      const handled = protocols(op, args);
      if (!handled) throw new Error(`unknown operation ${op}`);
      return handled.result;
    });
  }
  // A unit from a lab's shelf: activated before, it shows its name and address once it is up.
  if (opts.activatedBy !== undefined) activate?.(opts.activatedBy);
  if (opts.configOut !== undefined) {
    const file = opts.configOut;
    let written = '';
    const write = (): void => {
      const now = JSON.stringify(appliance.config);
      if (now !== written) writeFileSync(file, now);
      written = now;
    };
    write();
    appliance.subscribe(write);
  }
  let consoleWhere = '';
  if (opts.consoleKind) {
    const { transport, where } = await openConsole(opts.consoleKind, opts.consolePath, opts.port);
    new RemoteConsole(appliance, transport, { layout: opts.layout, paced: opts.paced });
    consoleWhere = where;
  }
  const quit = (): never => {
    clock.dispose();
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    process.stdout.write('\n');
    process.exit(0);
  };
  if (opts.consoleKind === 'stdio') {
    // The terminal is the remote console: switch the appliance on; ENTER wakes the console.
    process.stderr.write(platformLines.join('\n') + '\n');
    appliance.pressPowerButton();
    process.on('SIGINT', quit);
  } else {
    const help = `arrows: keypad   Enter: ENTER   c: LEFT+RIGHT together   p: power button   a: AC cord in/out${activate ? '   x: activate in the portal' : ''}   q: quit`;
    const draw = (): void => {
      const [line1, line2] = drawLcd(appliance.screen(), generation.hardware);
      const leds = appliance.leds;
      const dot = (on: boolean) => (on ? '●' : '○');
      const out = [
        `Qualys Scanner Appliance twin — firmware ${opts.generation}, serial ${appliance.identity.serialNumber}, ${opts.speed}x time, ${appliance.acPlugged ? 'AC in' : 'AC out'}`,
        consoleWhere ? `console: ${consoleWhere} (9600 baud, 8 data bits, no parity, 2 stop bits, no flow control, VT100)` : '',
        ...platformLines,
        `power ${leds.power ? '\x1b[32m●\x1b[0m' : '○'}   S1 ${dot(leds.S1)}  S2 ${dot(leds.S2)}  S3 ${dot(leds.S3)}   ${appliance.status.kind === 'activation' ? `activation code ${appliance.identity.activationCode}` : ''}`,
        `┌${'─'.repeat(line1.length)}┐`,
        `│${line1}│`,
        `│${line2}│`,
        `└${'─'.repeat(line2.length)}┘`,
        help,
      ].filter((l) => l !== '');
      if (process.stdout.isTTY) process.stdout.write('\x1b[H\x1b[2J' + out.join('\n') + '\n');
      else process.stdout.write(`${line1.trimEnd()} | ${line2.trimEnd()}\n`);
    };
    if (consoleWhere && !process.stdout.isTTY) process.stdout.write(`console: ${consoleWhere}\n`);
    if (!process.stdout.isTTY) process.stdout.write(platformLines.join('\n') + '\n');
    if (opts.on) appliance.pressPowerButton();
    appliance.subscribe(draw);
    draw();
    const keys: Record<string, () => void> = {
      ...Object.fromEntries(Object.entries(vt100KeyBytes).map(([key, bytes]) => [bytes, () => appliance.press(key as Key)])),
      '\n': () => appliance.press('ENTER'),
      c: () => appliance.chordLeftRight(),
      p: () => appliance.pressPowerButton(),
      a: () => (appliance.acPlugged ? appliance.unplugAc() : appliance.plugAc()),
      x: () => activate?.('jdoe'),
      q: quit,
      '\x03': quit,
    };
    if (process.stdin.isTTY) process.stdin.setRawMode(true);
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      const action = keys[chunk];
      if (action) {
        action();
        draw();
      }
    });
    process.stdin.on('end', () => { if (!consoleWhere) quit(); });
  }
}

