// The twin's remote console on a real pseudo-terminal and on a loopback TCP port, as a person
// reaches it: `npm run twin -- --console pty` prints "console: <path>", and
// `picocom -b 9600 -d 8 -y n -p 2 <path>` must work. A host that opened the terminal with other
// settings gets what a real UART would give it: nothing it can use.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SerialPort } from 'serialport';
import { projectRoot } from '../../fixtures/load.ts';
import { ConsoleDecoder } from '../../steps/support/targets/serial/decoder.ts';
import { loadConsoleLayout } from '../../fixtures/consoles.ts';

const boxed = loadConsoleLayout('boxed');
import { openSerialPort } from '../../steps/support/targets/serial/link.ts';
import type { SerialLink } from '../../steps/support/targets/serial/link.ts';
import { LabBench } from '../lab-bench.ts';
import { parseStty } from './transports.ts';

const GENERATION = '2022';
/** The unit every twin process here runs (the default serial number), seen in process. */
const reference = new LabBench({ generation: GENERATION });

const MAC = reference.appliance.identity.lanMac;

const dir = mkdtempSync(join(tmpdir(), 'qsa-pty-test-'));
const children: ChildProcess[] = [];
const tmuxSession = `qsa-pty-test-${process.pid}`;

function requireTool(tool: string, pkg: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    assert.fail(`${tool} is not installed: these tests need it (Debian package ${pkg}: apt-get install ${pkg})`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Longest real wait for an answer or a start-up: the twins share two cores with another test file
 * (CI once missed a 1 s wait for the twin's stdout). A bound, not a speed target: passing runs
 * never wait this long.
 */
const ANSWER_MS = 30_000;

interface Twin {
  child: ChildProcess;
  /** Where its console is: the pseudo-terminal's path or tcp:127.0.0.1:<port>. */
  console: string;
  /** The LCD lines it printed (stdout is not a terminal: "line1 | line2" at each change). */
  lcd: string[];
}

/** `node twin/main.ts --console <kind> --on --speed 60`, once it has printed "console: ...". */
async function startTwin(kind: 'pty' | 'tcp', name: string): Promise<Twin> {
  const args = [join(projectRoot, 'twin', 'main.ts'), '--generation', GENERATION, '--console', kind, '--on', '--speed', '60'];
  if (kind === 'pty') args.push('--console-path', join(dir, name));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const stderr: string[] = [];
  child.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
  const lcd: string[] = [];
  const where = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`twin ${name} printed no "console:" line within ${ANSWER_MS / 1000} s: ${stderr.join('')}`)), ANSWER_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('console: ')) {
        clearTimeout(timer);
        resolve(line.slice('console: '.length));
      } else lcd.push(line);
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`twin ${name} exited (${code}): ${stderr.join('')}`)); });
  });
  return { child, console: where, lcd };
}

/** Waits until the twin prints the screen a booted unit shows first (2 minutes of boot at 60x). */
async function booted(twin: Twin): Promise<void> {
  const deadline = performance.now() + ANSWER_MS;
  while (!twin.lcd.some((l) => l.startsWith('ACTIVATION CODE'))) {
    assert.ok(performance.now() < deadline, `the twin did not boot within ${ANSWER_MS / 1000} s: ${twin.lcd.join(' / ')}`);
    await sleep(25);
  }
}

/** Collects and decodes what the line brings. */
function terminal(link: { onData(listener: (bytes: Uint8Array) => void): void }) {
  const decoder = new ConsoleDecoder(boxed);
  const bytes: number[] = [];
  let decoding = Promise.resolve();
  link.onData((b) => {
    bytes.push(...b);
    decoding = decoding.then(() => decoder.write(b));
  });
  return {
    decoder, bytes,
    /** Waits until `done()` holds for the decoded picture, for at most `ms`. */
    async until(done: () => boolean, ms: number): Promise<boolean> {
      const deadline = performance.now() + ms;
      for (;;) {
        await decoding;
        if (done()) return true;
        if (performance.now() > deadline) return false;
        await sleep(20);
      }
    },
  };
}

let ptyTwin: Promise<Twin>;
let picocomTwin: Promise<Twin>;
let tcpTwin: Promise<Twin>;

before(() => {
  for (const [tool, pkg] of [['socat', 'socat'], ['stty', 'coreutils'], ['picocom', 'picocom'], ['tmux', 'tmux']] as const) requireTool(tool, pkg);
  // Three twins boot side by side: one for serialport, one for picocom, one on TCP.
  ptyTwin = startTwin('pty', 'serialport');
  picocomTwin = startTwin('pty', 'picocom');
  tcpTwin = startTwin('tcp', 'tcp');
  // Rejections are reported by the tests that await them.
  for (const t of [ptyTwin, picocomTwin, tcpTwin]) t.catch(() => {});
});

after(async () => {
  try {
    execFileSync('tmux', ['kill-session', '-t', tmuxSession], { stdio: 'ignore' });
  } catch {
    // Not started, or already gone.
  }
  await Promise.all(children.map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(resolve, 3000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill();
  })));
  rmSync(dir, { recursive: true, force: true });
});

describe('the console on a pseudo-terminal, opened with serialport', () => {
  test('npm run twin -- --console pty prints "console: <path>", the path it was given', async () => {
    const twin = await ptyTwin;
    assert.equal(twin.console, join(dir, 'serialport'));
  });

  test('opened at 19200 baud: ENTER is garbage to the console, which does not wake', async () => {
    const twin = await ptyTwin;
    await booted(twin);
    // Any serial program set to 19200 baud: serialport itself, 19200 8N2.
    const port = new SerialPort({ path: twin.console, baudRate: 19200, dataBits: 8, parity: 'none', stopBits: 2, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    const link = {
      onData: (listener: (bytes: Uint8Array) => void) => { port.on('data', (b: Buffer) => listener(b)); },
      write: (bytes: Uint8Array) => new Promise<void>((resolve, reject) => port.write(Buffer.from(bytes), (e) => (e ? reject(e) : port.drain(() => resolve())))),
      close: () => new Promise<void>((resolve) => port.close(() => resolve())),
    };
    try {
      const t = terminal(link);
      // The twin sees the terminal's settings as stty shows them.
      assert.match(execFileSync('stty', ['-F', twin.console, '-a'], { encoding: 'utf8' }), /speed 19200 baud/);
      for (let i = 0; i < 3; i++) {
        await link.write(Buffer.from('\r'));
        await sleep(150);
      }
      await t.until(() => false, 500);
      assert.equal(t.decoder.drawn(), false, t.decoder.rows().join('\n'));
      assert.equal(t.decoder.mac(), null);
      assert.ok(!Buffer.from(t.bytes).toString('latin1').includes('MAC address'), `the console answered ${t.bytes.length} readable bytes`);
    } finally {
      await link.close();
    }
  });

  test('opened with the guide\'s settings: ENTER shows the MAC address and the screen; DOWN moves', async () => {
    const twin = await ptyTwin;
    await booted(twin);
    const link: SerialLink = await openSerialPort(twin.console);
    try {
      const t = terminal(link);
      assert.match(execFileSync('stty', ['-F', twin.console, '-a'], { encoding: 'utf8' }), /speed 9600 baud.*\n(.*\n)*.*-parenb.* cs8 .*cstopb/);
      // The twin reads the terminal's settings at most every half second: let it see these.
      await sleep(600);
      await link.write(Buffer.from('\r'));
      const code = reference.appliance.identity.activationCode;
      assert.ok(await t.until(() => t.decoder.snapshot(0).lines[1] === code, ANSWER_MS), `no console screen: ${JSON.stringify(Buffer.from(t.bytes).toString('latin1'))}`);
      assert.equal(t.decoder.mac(), MAC);
      const screen = t.decoder.snapshot(0);
      assert.equal(screen.lines[0], 'ACTIVATION CODE');
      assert.equal(screen.lines[1], code);
      assert.deepEqual(screen.indicators, ['DOWN', 'ENTER']);
      // The twin's own LCD (its stdout) shows the same.
      const [line1, line2] = twin.lcd[twin.lcd.length - 1]!.split(' | ');
      assert.ok(line1!.startsWith(screen.lines[0]), line1);
      assert.equal(line2, screen.lines[1]);
      await link.write(Buffer.from('\x1b[B'));
      assert.ok(await t.until(() => t.decoder.snapshot(0).lines[0] === 'SETUP NETWORK', ANSWER_MS), t.decoder.rows().join('\n'));
      assert.ok(await t.until(() => twin.lcd[twin.lcd.length - 1]!.startsWith('SETUP NETWORK'), ANSWER_MS), twin.lcd.slice(-3).join(' / '));
    } finally {
      await link.close();
    }
  });
});

describe('picocom in tmux, as a person would use it', () => {
  test('picocom -b 9600 -d 8 -y n -p 2: ENTER wakes the console; the arrows and Enter go through every main menu and SETUP NETWORK item', async () => {
    const twin = await picocomTwin;
    await booted(twin);
    execFileSync('tmux', ['new-session', '-d', '-s', tmuxSession, '-x', '80', '-y', '24', `picocom -b 9600 -d 8 -y n -p 2 ${twin.console}`]);
    const pane = () => execFileSync('tmux', ['capture-pane', '-p', '-t', tmuxSession], { encoding: 'utf8' }).split('\n');
    const lcdRow = boxed.lines[0].row;
    const headerRow = boxed.draw!.mac.row;
    /** The LCD in the pane: the text of its two lines in the box, joined; the indicator glyphs. */
    const lcd = () => {
      const rows = pane();
      const first = /^\s?\|(.*)\|(\S*)\s*$/.exec(rows[lcdRow - 1] ?? '');
      const second = /^\s?\|(.*)\|\s*$/.exec(rows[lcdRow] ?? '');
      return first && second ? { text: `${first[1]!.trim()} ${second[1]!.trim()}`.trim(), glyphs: first[2]!, header: rows[headerRow - 1]!.trim() } : null;
    };
    const expectScreen = async (after: string, text: string) => {
      const deadline = performance.now() + ANSWER_MS;
      for (;;) {
        const now = lcd();
        if (now?.text === text) return now;
        assert.ok(performance.now() < deadline, `after ${after}: expected "${text}" in the pane, it shows:\n${pane().join('\n')}\nthe twin's LCD: ${twin.lcd.slice(-6).join(' / ')}`);
        await sleep(30);
      }
    };
    const press = async (key: 'Enter' | 'Down' | 'Up', text: string) => {
      execFileSync('tmux', ['send-keys', '-t', tmuxSession, key]);
      return expectScreen(key, text);
    };
    // picocom is ready, and the console has sent nothing yet.
    const ready = performance.now() + ANSWER_MS;
    while (!pane().some((l) => l.includes('Terminal ready'))) {
      assert.ok(performance.now() < ready, `picocom did not start:\n${pane().join('\n')}`);
      await sleep(30);
    }
    assert.equal(lcd(), null, 'the console drew before ENTER');
    const woken = await press('Enter', `ACTIVATION CODE ${reference.appliance.identity.activationCode}`);
    assert.equal(woken.header, `MAC address ${MAC}`);
    assert.equal(woken.glyphs, 'v#');
    // Every main menu item with Down, and back up.
    const main = ['SETUP NETWORK', 'SYSTEM REBOOT', 'SYSTEM SHUTDOWN', 'EXIT THIS MENU'];
    assert.deepEqual(reference.appliance.menuLabels('main'), main);
    for (const label of main) await press('Down', label);
    for (const label of main.slice(0, -1).reverse()) await press('Up', label);
    // Into SETUP NETWORK with Enter, through every item with Down, and out with Enter.
    // The items a unit with the factory configuration offers (the menu depends on the configuration).
    const unit = new LabBench({ generation: GENERATION });
    unit.appliance.pressPowerButton();
    assert.ok(await unit.waitUntil(() => unit.appliance.acceptsKeys, 10 * 60_000));
    const items = unit.appliance.menuLabels('setup-network');
    assert.equal(items[0], 'RENEW DHCP ON LAN');
    assert.equal(items[items.length - 1], 'EXIT THIS MENU');
    await press('Enter', items[0]!);
    for (const label of items.slice(1)) await press('Down', label);
    await press('Enter', 'SETUP NETWORK');
    // And out of the main menu: EXIT THIS MENU, back to the status screen.
    for (const label of main.slice(1)) await press('Down', label);
    const status = await press('Enter', `ACTIVATION CODE ${reference.appliance.identity.activationCode}`);
    assert.equal(status.header, `MAC address ${MAC}`);
  });
});

describe('the console on a loopback TCP port', () => {
  test('npm run twin -- --console tcp: a TCP client wakes the console with ENTER; a second client is turned away', async () => {
    const twin = await tcpTwin;
    const m = /^tcp:127\.0\.0\.1:(\d+)$/.exec(twin.console);
    assert.ok(m, twin.console);
    await booted(twin);
    const socket = connect({ host: '127.0.0.1', port: Number(m[1]) });
    await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
    try {
      const t = terminal({ onData: (l) => socket.on('data', (b: Buffer) => l(b)) });
      await sleep(200);
      assert.equal(t.bytes.length, 0, 'the console sent something before ENTER');
      socket.write('\r');
      const code = reference.appliance.identity.activationCode;
      assert.ok(await t.until(() => t.decoder.snapshot(0).lines[1] === code, ANSWER_MS), JSON.stringify(Buffer.from(t.bytes).toString('latin1')));
      assert.equal(t.decoder.mac(), MAC);
      assert.equal(t.decoder.snapshot(0).lines[0], 'ACTIVATION CODE');
      socket.write('\x1b[B');
      // The twin's own LCD history too: a key the unit did not take shows there as no change.
      assert.ok(await t.until(() => t.decoder.snapshot(0).lines[0] === 'SETUP NETWORK', ANSWER_MS), `${t.decoder.rows().join('\n')}\nthe twin's LCD: ${twin.lcd.slice(-6).join(' / ')}`);
      const second = connect({ host: '127.0.0.1', port: Number(m[1]) });
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        second.on('data', (b: Buffer) => { text += b.toString('latin1'); });
        second.on('close', () => resolve(text));
        second.on('error', () => resolve(text));
      });
      assert.match(answer, /in use/);
    } finally {
      socket.destroy();
    }
  });
});

describe('parseStty: the settings a program opened the terminal with', () => {
  // As `stty -F <pty> -a` prints them (Debian 12 coreutils) for picocom -b 9600 -d 8 -y n -p 2.
  const picocom = `speed 9600 baud; rows 0; columns 0; line = 0;
intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;
eol2 = <undef>; swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R;
werase = ^W; lnext = ^V; discard = ^O; min = 1; time = 0;
-parenb -parodd -cmspar cs8 hupcl cstopb cread clocal -crtscts
-ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr -icrnl -ixon -ixoff
-iuclc -ixany -imaxbel -iutf8
-opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0
-isig -icanon -iexten -echo echoe echok -echonl -noflsh -xcase -tostop -echoprt
echoctl echoke -flusho -extproc
`;

  test('picocom with the guide\'s settings: 9600 baud, 8 data bits, no parity, 2 stop bits', () => {
    assert.deepEqual(parseStty(picocom), { baud: 9600, dataBits: 8, parity: 'none', stopBits: 2 });
  });

  test('other speeds, sizes, parities and stop bits', () => {
    const at = (speed: string, flags: string) => picocom.replace('speed 9600 baud', `speed ${speed} baud`).replace('-parenb -parodd -cmspar cs8 hupcl cstopb', flags);
    assert.deepEqual(parseStty(at('19200', '-parenb -parodd -cmspar cs8 hupcl -cstopb')), { baud: 19200, dataBits: 8, parity: 'none', stopBits: 1 });
    assert.deepEqual(parseStty(at('9600', 'parenb -parodd -cmspar cs7 hupcl -cstopb')), { baud: 9600, dataBits: 7, parity: 'even', stopBits: 1 });
    assert.deepEqual(parseStty(at('115200', 'parenb parodd -cmspar cs8 hupcl cstopb')), { baud: 115200, dataBits: 8, parity: 'odd', stopBits: 2 });
  });

  test('not stty output: null', () => {
    assert.equal(parseStty(''), null);
    assert.equal(parseStty('stty: /dev/ttyX: No such file or directory'), null);
  });
});
