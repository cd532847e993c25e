// The remote console on a bench: a terminal cabled to the unit through a memory transport, the
// UART on the bench's virtual clock. "Press the ENTER key on the VT100 terminal's keyboard to
// display the Remote Console interface. You will notice the MAC address for the Scanner
// Appliance appears." A console connected while the unit is on works only after a reboot ("you
// must reboot the Scanner Appliance before taking the next step"). The terminal's picture is read
// back with the suite's own decoder (a headless xterm).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key } from '../../fixtures/profiles.ts';
import { ConsoleDecoder } from '../../steps/support/targets/serial/decoder.ts';
import { loadConsoleLayout } from '../../fixtures/consoles.ts';
import { LabBench } from '../lab-bench.ts';
import type { ConsoleTransport } from './console.ts';
import { KeyDecoder, RemoteConsole } from './console.ts';
import type { LineClock, LineSettings } from './uart.ts';
import { consoleLine } from './uart.ts';
import { vt100KeyBytes } from '../../fixtures/wire.ts';

const BOOT_LIMIT_MS = 10 * 60_000;
const generations = ['2017', '2022'] as const;
const arrow = vt100KeyBytes;

interface Terminal {
  bench: LabBench;
  console: RemoteConsole;
  decoder: ConsoleDecoder;
  /** Every byte the console sent. */
  received: number[];
  /** Sends bytes as one burst and waits (in virtual time) until the console has read them and sent its answer. */
  send(text: string): Promise<void>;
  /** One key at a time, each answered before the next, as a driver paces itself. */
  keys(...keys: Key[]): Promise<void>;
  /** Waits until the console's output has crossed the line and the terminal has drawn it. */
  settle(): Promise<void>;
  /** The LCD as the terminal shows it (lines, indicators, cursor). */
  shown(): { lines: [string, string]; indicators: Key[]; cursor: { row: number; col: number } | null };
}

/** A terminal cabled to the bench's unit (in whatever state it is), with `settings`. */
function cable(bench: LabBench, settings: LineSettings = consoleLine): Terminal {
  const clock = bench.virtual;
  const lineClock: LineClock = { now: () => clock.now(), after: (ms, run) => { clock.setTimer(Math.max(0, ms), run); } };
  const received: number[] = [];
  let listener: ((bytes: Uint8Array) => void) | null = null;
  const transport: ConsoleTransport = {
    onData: (l) => { listener = l; },
    write: (bytes) => { received.push(...bytes); },
    hostSettings: () => settings,
  };
  const remote = new RemoteConsole(bench.appliance, transport, { lineClock });
  const decoder = new ConsoleDecoder(loadConsoleLayout('boxed'));
  let fed = 0;
  const settle = async () => {
    const done = await bench.waitUntil(() => remote.uart.idle, 60_000);
    assert.ok(done, `the console did not settle: ${JSON.stringify(remote.uart.counters)}`);
    if (received.length > fed) await decoder.write(Uint8Array.from(received.slice(fed)));
    fed = received.length;
  };
  const send = async (text: string) => {
    assert.ok(listener, 'the console listens to the cable');
    listener(Buffer.from(text, 'latin1'));
    await settle();
  };
  return {
    bench, console: remote, decoder, received, send, settle,
    keys: async (...keys) => { for (const k of keys) await send(arrow[k]); },
    shown: () => {
      const s = decoder.snapshot(0);
      return { lines: s.lines, indicators: s.indicators, cursor: s.cursor };
    },
  };
}

/** The LCD as the appliance shows it, in the decoder's terms (trailing blanks dropped, indicators in key order). */
function lcd(bench: LabBench) {
  const s = bench.appliance.screen();
  const order: Key[] = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'];
  return {
    lines: [s.lines[0].trimEnd(), s.lines[1].trimEnd()] as [string, string],
    indicators: order.filter((k) => s.indicators.includes(k)),
    cursor: s.cursor,
  };
}

async function powerOn(bench: LabBench): Promise<void> {
  bench.appliance.pressPowerButton();
  assert.ok(await bench.waitUntil(() => bench.appliance.acceptsKeys, BOOT_LIMIT_MS), `booted (phase ${bench.appliance.phase})`);
}

/** A unit on the bench, cabled while off (as the guide says), switched on and booted. */
async function cabledThenBooted(generation: string): Promise<Terminal> {
  const bench = new LabBench({ generation });
  const t = cable(bench);
  await powerOn(bench);
  await t.settle();
  return t;
}

async function woken(generation: string): Promise<Terminal> {
  const t = await cabledThenBooted(generation);
  await t.send('\r');
  assert.equal(t.decoder.mac(), t.bench.appliance.identity.lanMac);
  return t;
}

for (const generation of generations) {
  describe(`the remote console (${generation})`, () => {
    test('nothing is sent before ENTER, whatever the unit shows; ENTER wakes it and the MAC address appears', async () => {
      const t = await cabledThenBooted(generation);
      assert.equal(t.received.length, 0, 'a console not yet woken sends nothing');
      assert.equal(t.console.serving, true);
      assert.equal(t.console.awake, false);
      // Other keys do not wake it, nor reach the appliance.
      const before = lcd(t.bench);
      await t.send(`${arrow.DOWN}${arrow.UP}x`);
      assert.equal(t.received.length, 0);
      assert.deepEqual(lcd(t.bench), before, 'a key before ENTER acted on the appliance');
      await t.send('\r');
      assert.equal(t.console.awake, true);
      assert.ok(t.received.length > 0);
      assert.equal(t.decoder.drawn(), true, t.decoder.rows().join('\n'));
      assert.equal(t.decoder.mac(), t.bench.appliance.identity.lanMac);
      assert.match(t.decoder.rows()[0]!, /^MAC address [0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
      // The waking ENTER only displays the console: the unit still shows what it showed.
      assert.deepEqual(lcd(t.bench), before);
      assert.deepEqual(t.shown(), lcd(t.bench));
    });

    test('cabled while the unit runs: nothing works until a reboot, then ENTER wakes it', async () => {
      const bench = new LabBench({ generation });
      await powerOn(bench);
      const t = cable(bench);
      const before = lcd(bench);
      await t.send('\r');
      await t.send(arrow.DOWN);
      await t.send('\r\r');
      assert.equal(t.received.length, 0, 'the console answered before a reboot');
      assert.equal(t.console.serving, false);
      assert.deepEqual(lcd(bench), before, 'keys from the console acted before a reboot');
      // The reboot, from the front panel keypad: SYSTEM REBOOT, confirmed.
      const a = bench.appliance;
      a.press('DOWN');
      a.press('DOWN');
      assert.equal(a.screen().lines[0], 'SYSTEM REBOOT');
      a.press('ENTER');
      a.press('ENTER');
      assert.notEqual(a.phase, 'running', 'the reboot started');
      assert.ok(await bench.waitUntil(() => a.acceptsKeys, BOOT_LIMIT_MS));
      await t.settle();
      assert.equal(t.received.length, 0, 'a console not yet woken sends nothing after the reboot either');
      await t.send('\r');
      assert.equal(t.decoder.mac(), a.identity.lanMac);
      assert.deepEqual(t.shown(), lcd(bench));
      await t.send(arrow.DOWN);
      assert.equal(a.screen().lines[0], 'SETUP NETWORK');
      assert.deepEqual(t.shown(), lcd(bench));
    });

    test('cabled while the unit runs: a shutdown and power-on also brings it to life', async () => {
      const bench = new LabBench({ generation });
      await powerOn(bench);
      const t = cable(bench);
      bench.appliance.pressPowerButton();
      assert.ok(await bench.waitUntil(() => bench.appliance.phase === 'halted', BOOT_LIMIT_MS));
      await t.send('\r');
      assert.equal(t.received.length, 0, 'the halted unit answered');
      await powerOn(bench);
      await t.send('\r');
      assert.equal(t.decoder.mac(), bench.appliance.identity.lanMac);
    });

    test('awake across a reboot: the console redraws the boot and the status screen without another ENTER', async () => {
      const t = await woken(generation);
      await t.keys('DOWN', 'DOWN');
      assert.deepEqual(t.shown().lines, ['SYSTEM REBOOT', '']);
      await t.keys('ENTER');
      assert.equal(t.bench.appliance.screen().lines[0], 'REALLY REBOOT');
      await t.keys('ENTER');
      const a = t.bench.appliance;
      const seen = new Set<string>();
      // The terminal follows the reboot screen by screen.
      for (let guard = 0; !a.acceptsKeys; guard++) {
        assert.ok(guard < 10_000, 'the reboot never ended');
        if (!(await t.bench.virtual.step())) break;
        await t.settle();
        assert.deepEqual(t.shown(), lcd(t.bench), `at ${t.bench.clock.now()} ms (phase ${a.phase})`);
        seen.add(t.shown().lines.join(' ').trim());
      }
      assert.ok(a.acceptsKeys);
      assert.ok(seen.size >= 4, `the boot messages reached the terminal: ${[...seen].join(' | ')}`);
      assert.equal(t.decoder.mac(), a.identity.lanMac);
      assert.equal(t.console.awake, true);
      await t.keys('DOWN');
      assert.deepEqual(t.shown().lines, ['SETUP NETWORK', '']);
    });

    test('a shutdown: its last words reach the terminal; the next boot is drawn at once', async () => {
      const t = await woken(generation);
      t.bench.appliance.pressPowerButton();
      assert.ok(await t.bench.waitUntil(() => t.bench.appliance.phase === 'halted', BOOT_LIMIT_MS));
      await t.settle();
      const lastWords = t.bench.appliance.generation.firmware.texts.safeToUnplug;
      assert.equal(t.shown().lines.join(' ').replace(/\s+/g, ' ').trim(), lastWords.replace(/\s+/g, ' ').trim());
      const count = t.received.length;
      await t.send('\r');
      assert.equal(t.received.length, count, 'a halted unit answered a key');
      await powerOn(t.bench);
      await t.settle();
      assert.ok(t.received.length > count);
      assert.deepEqual(t.shown(), lcd(t.bench));
      assert.equal(t.decoder.mac(), t.bench.appliance.identity.lanMac);
    });

    test('arrow keys and Enter act as the keypad, in either cursor-key mode (ESC [ x, ESC O x)', async () => {
      const t = await woken(generation);
      const a = t.bench.appliance;
      const steps: Array<[string, string]> = [
        ['\x1b[B', 'SETUP NETWORK'], ['\x1bOB', 'SYSTEM REBOOT'], ['\x1b[A', 'SETUP NETWORK'],
        ['\r', 'RENEW DHCP ON LAN'], ['\x1bOB', 'ENABLE VLAN ON LAN'], ['\x1bOA', 'RENEW DHCP ON LAN'],
      ];
      for (const [bytes, label] of steps) {
        await t.send(bytes);
        assert.equal(a.screen().lines.join(' ').trim(), label, JSON.stringify(bytes));
        assert.deepEqual(t.shown(), lcd(t.bench), JSON.stringify(bytes));
      }
      // RIGHT and LEFT move a field's cursor: the VLAN field.
      await t.keys('DOWN', 'ENTER');
      assert.deepEqual(t.shown().lines, ['VLAN 0-4094', '0000']);
      assert.deepEqual(t.shown().cursor, { row: 1, col: 0 });
      await t.send('\x1b[C');
      assert.deepEqual(t.shown().cursor, { row: 1, col: 1 });
      await t.send('\x1bOC');
      assert.deepEqual(t.shown().cursor, { row: 1, col: 2 });
      await t.send('\x1bOD');
      assert.deepEqual(t.shown().cursor, { row: 1, col: 1 });
      await t.send('\x1b[A');
      assert.deepEqual(t.shown().lines, ['VLAN 0-4094', '0100']);
      assert.deepEqual(t.shown(), lcd(t.bench));
    });

    test('typed characters enter a digit field: digits only', async () => {
      const t = await woken(generation);
      await t.keys('DOWN', 'ENTER', 'DOWN', 'ENTER');
      assert.deepEqual(t.shown().lines, ['VLAN 0-4094', '0000']);
      for (const ch of 'x- .') await t.send(ch);
      assert.deepEqual(t.shown().lines, ['VLAN 0-4094', '0000'], 'a character that is not a digit changed the field');
      for (const ch of '0042') await t.send(ch);
      assert.equal(t.bench.appliance.screen().lines[1], '0042');
      assert.deepEqual(t.shown(), lcd(t.bench));
    });

    test('typed characters enter the proxy field: only the characters the field allows', async () => {
      const t = await woken(generation);
      await t.keys('DOWN', 'ENTER');
      const proxy = t.bench.appliance.menuLabels('setup-network').indexOf('ENABLE PROXY');
      assert.ok(proxy > 0);
      for (let i = 0; i < proxy; i++) await t.keys('DOWN');
      await t.keys('ENTER');
      assert.match(t.shown().lines.join(' '), /PROXY PARAM/);
      await t.keys('ENTER');
      const [prompt, initial] = t.shown().lines;
      assert.deepEqual(t.shown().cursor, { row: 1, col: 0 });
      if (prompt === 'PROXY HOST') {
        // "Supported characters for FQDN: Upper case letters, numbers, dot (.) and hyphen (-)":
        // the allowed ones overwrite the field from the cursor, the others are ignored.
        for (const ch of 'PROXY-1.lab_!*\u00e9') await t.send(ch);
        assert.equal(t.bench.appliance.screen().lines[1].trim(), `PROXY-1.${initial.slice(8)}`);
        assert.deepEqual(t.shown().cursor, { row: 1, col: 8 });
      } else {
        // The older proxy takes an IP address: digits only, each into the next digit's place.
        assert.equal(prompt, 'IP ADDRESS');
        assert.match(initial, /^\d{3}\.\d{3}\.\d{3}\.\d{3}$/);
        for (const ch of '1x0A2') await t.send(ch);
        assert.equal(t.bench.appliance.screen().lines[1], `102.${initial.slice(4)}`);
      }
      assert.deepEqual(t.shown(), lcd(t.bench));
    });

    test('characters typed outside a field do nothing', async () => {
      const t = await woken(generation);
      await t.keys('DOWN');
      const before = lcd(t.bench);
      const count = t.received.length;
      for (const ch of 'ABC 123') await t.send(ch);
      assert.deepEqual(lcd(t.bench), before);
      assert.equal(t.received.length, count, 'the console redrew for nothing');
    });

    test('a terminal that sends CR LF for Enter presses ENTER once', async () => {
      const t = await woken(generation);
      await t.keys('DOWN');
      assert.equal(t.bench.appliance.screen().lines[0], 'SETUP NETWORK');
      await t.send('\r\n');
      assert.equal(t.bench.appliance.screen().lines[0], 'RENEW DHCP ON LAN', 'CR LF was taken for two presses of ENTER');
    });

    test('a terminal at 19200 baud: its ENTER does not wake the console', async () => {
      const bench = new LabBench({ generation });
      const t = cable(bench, { ...consoleLine, baud: 19200 });
      await powerOn(bench);
      await t.send('\r');
      await t.send('\r');
      assert.equal(t.console.awake, false);
      assert.equal(t.received.length, 0);
    });

    test('a terminal at 8N1 sending a key at a time gets through (isolated characters frame correctly)', async () => {
      const bench = new LabBench({ generation });
      const t = cable(bench, { ...consoleLine, stopBits: 1 });
      await powerOn(bench);
      await t.send('\r');
      assert.equal(t.decoder.mac(), bench.appliance.identity.lanMac);
      // An arrow key is three characters back to back: two framing errors, then "B".
      const before = lcd(bench);
      await t.send(arrow.DOWN);
      assert.deepEqual(lcd(bench), before, 'a garbled arrow key acted as DOWN');
    });

    test('a pasted burst of keys overruns the UART and loses some; the same keys paced arrive', async () => {
      const t = await woken(generation);
      await t.keys('DOWN', 'ENTER');
      // Eight DOWN keys and back up, pasted at once: 48 characters at 9600 baud, while the
      // console is busy redrawing after the first.
      const burst = `${arrow.DOWN.repeat(8)}${arrow.UP.repeat(8)}`;
      await t.send(burst);
      assert.ok(t.console.uart.counters.overruns > 0, JSON.stringify(t.console.uart.counters));
      const paced = await woken(generation);
      await paced.keys('DOWN', 'ENTER');
      for (const k of [...Array(8).fill(arrow.DOWN), ...Array(8).fill(arrow.UP)] as string[]) await paced.send(k);
      assert.equal(paced.console.uart.counters.overruns, 0);
      assert.equal(paced.bench.appliance.screen().lines[0], 'RENEW DHCP ON LAN');
      assert.deepEqual(paced.shown(), lcd(paced.bench));
    });
  });
}

describe('KeyDecoder', () => {
  const decode = (...chunks: string[]) => {
    const d = new KeyDecoder();
    return chunks.flatMap((c) => d.decode(Buffer.from(c, 'latin1')));
  };

  test('ESC [ A..D and ESC O A..D are the arrows', () => {
    assert.deepEqual(decode('\x1b[A\x1b[B\x1b[C\x1b[D'), [{ key: 'UP' }, { key: 'DOWN' }, { key: 'RIGHT' }, { key: 'LEFT' }]);
    assert.deepEqual(decode('\x1bOA\x1bOB\x1bOC\x1bOD'), [{ key: 'UP' }, { key: 'DOWN' }, { key: 'RIGHT' }, { key: 'LEFT' }]);
  });

  test('CR, LF and CR LF are each one ENTER', () => {
    assert.deepEqual(decode('\r'), [{ key: 'ENTER' }]);
    assert.deepEqual(decode('\n'), [{ key: 'ENTER' }]);
    assert.deepEqual(decode('\r\n'), [{ key: 'ENTER' }]);
    assert.deepEqual(decode('\r\n\r\n'), [{ key: 'ENTER' }, { key: 'ENTER' }]);
    assert.deepEqual(decode('\r\r'), [{ key: 'ENTER' }, { key: 'ENTER' }]);
  });

  test('CR LF split between two reads is still one ENTER', () => {
    assert.deepEqual(decode('\r', '\n'), [{ key: 'ENTER' }]);
    assert.deepEqual(decode('a\r', '\nb'), [{ char: 'a' }, { key: 'ENTER' }, { char: 'b' }]);
  });

  test('an escape sequence split between reads is put back together', () => {
    assert.deepEqual(decode('\x1b', '[B'), [{ key: 'DOWN' }]);
    assert.deepEqual(decode('\x1b[', 'A'), [{ key: 'UP' }]);
    assert.deepEqual(decode('\x1b', 'O', 'C'), [{ key: 'RIGHT' }]);
    assert.deepEqual(decode('x\x1b', '[Dy'), [{ char: 'x' }, { key: 'LEFT' }, { char: 'y' }]);
  });

  test('printable characters are characters; other control bytes, unknown sequences and 8-bit bytes are dropped', () => {
    assert.deepEqual(decode('A z~ '), [{ char: 'A' }, { char: ' ' }, { char: 'z' }, { char: '~' }, { char: ' ' }]);
    assert.deepEqual(decode('\x00\x07\x7f\xe9\xff'), []);
    assert.deepEqual(decode('\x1b[Z', '\x1b[B'), [{ key: 'DOWN' }]);
  });

  test('byte by byte, a mixed stream decodes as it does whole', () => {
    const stream = '\x1b[Bab\r\n\x1bOA9\r\x1b[C\n';
    const whole = decode(stream);
    assert.deepEqual(decode(...stream.split('')), whole);
    assert.deepEqual(whole, [
      { key: 'DOWN' }, { char: 'a' }, { char: 'b' }, { key: 'ENTER' }, { key: 'UP' }, { char: '9' }, { key: 'ENTER' }, { key: 'RIGHT' }, { key: 'ENTER' },
    ]);
  });
});
