// The serial target over serialport's mock binding: a twin remote console (the device end of the
// cable) behind a mock port, and the suite's SerialLine and SerialTarget (the host end) driving
// it key by key and reading its screens through the VT100 decoder. The console's UART runs on
// real time at 9600 baud, as behind a real port.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key } from '../../../../fixtures/profiles.ts';
import { LabBench } from '../../../../twin/lab-bench.ts';
import type { ConsoleTransport } from '../../../../twin/console/console.ts';
import { RemoteConsole } from '../../../../twin/console/console.ts';
import type { LineSettings } from '../../../../twin/console/uart.ts';
import type { Capability } from '../../protocols.ts';
import type { MockDevice, SerialLink } from '../serial/link.ts';
import { openMockPort } from '../serial/link.ts';
import { SerialLine } from '../serial/line.ts';
import { SerialTarget } from '../serial/target.ts';
import { loadConsoleLayout } from '../../../../fixtures/consoles.ts';
import { loadTargetStatement } from '../../../../fixtures/targets.ts';

const capabilities = new Set<Capability>(['keypad', 'screen', 'console']);
const links: SerialLink[] = [];
let ports = 0;

after(async () => {
  for (const link of links) await link.close();
});

/** The device's view of the host's settings, in the twin UART's terms. */
function lineOf(s: MockDevice['hostSettings']): LineSettings {
  return { baud: s.baudRate, dataBits: s.dataBits as LineSettings['dataBits'], parity: s.parity as LineSettings['parity'], stopBits: s.stopBits as LineSettings['stopBits'] };
}

interface Rig {
  bench: LabBench;
  remote: RemoteConsole;
  link: SerialLink & { device: MockDevice };
  line: SerialLine;
  target: SerialTarget;
}

/** A twin unit cabled to a fresh mock port while off, switched on and booted; the host end opened with `settings`. */
async function rig(generation: string, settings: Parameters<typeof openMockPort>[1] = {}): Promise<Rig> {
  const link = await openMockPort(`/dev/ttyMOCK${ports++}`, settings);
  links.push(link);
  const bench = new LabBench({ generation });
  const transport: ConsoleTransport = {
    onData: (listener) => link.device.onData(listener),
    write: (bytes) => link.device.send(bytes),
    hostSettings: () => lineOf(link.device.hostSettings),
  };
  const remote = new RemoteConsole(bench.appliance, transport);
  bench.appliance.pressPowerButton();
  assert.ok(await bench.waitUntil(() => bench.appliance.acceptsKeys, 10 * 60_000), 'booted');
  const line = new SerialLine(link, bench.appliance.generation.firmware, loadConsoleLayout('boxed'));
  const target = new SerialTarget({ name: link.name, generation, capabilities, statement: loadTargetStatement('serial') }, line);
  return { bench, remote, link, line, target };
}

/** The LCD as the unit shows it, in the decoder's terms. */
function lcd(bench: LabBench) {
  const s = bench.appliance.screen();
  const order: Key[] = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'];
  return { lines: [s.lines[0].trimEnd(), s.lines[1].trimEnd()], indicators: order.filter((k) => s.indicators.includes(k)), cursor: s.cursor };
}

async function shown(target: SerialTarget) {
  const s = await target.screen.read();
  return { lines: s.lines, indicators: s.indicators, cursor: s.cursor };
}

describe('the mock port', () => {
  test('carries bytes both ways and tells the device the host\'s settings (the guide\'s by default)', async () => {
    const link = await openMockPort('/dev/ttyMOCK-plain');
    links.push(link);
    assert.deepEqual(link.device.hostSettings, { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 2 });
    const atDevice: number[] = [];
    const atHost: number[] = [];
    link.device.onData((b) => atDevice.push(...b));
    link.onData((b) => atHost.push(...b));
    await link.write(Buffer.from('\x1b[B\r'));
    assert.equal(Buffer.from(atDevice).toString('latin1'), '\x1b[B\r', 'the device got the host\'s bytes once the write resolved');
    link.device.send(Buffer.from('MAC address'));
    for (let i = 0; i < 100 && atHost.length < 11; i++) await new Promise((r) => setImmediate(r));
    assert.equal(Buffer.from(atHost).toString('latin1'), 'MAC address');
    await link.close();
    link.device.send(Buffer.from('lost')); // a closed port loses bytes, it does not throw
    const other = await openMockPort('/dev/ttyMOCK-19200', { baudRate: 19200, stopBits: 1 });
    links.push(other);
    assert.deepEqual(other.device.hostSettings, { baudRate: 19200, dataBits: 8, parity: 'none', stopBits: 1 });
  });
});

// Each test has its own unit and port; one at a time, as the line's timing is real time.
describe('a twin console behind a mock port', () => {
  for (const generation of ['2017', '2022'] as const) {
    test(`${generation}: ENTER wakes it with the MAC address; SerialTarget drives keys and reads each screen`, async () => {
      const r = await rig(generation);
      assert.equal(r.line.received, 0, 'the console sent nothing before ENTER');
      await r.target.keypad.press('ENTER');
      assert.equal(r.line.decoder.mac(), r.bench.appliance.identity.lanMac);
      assert.deepEqual(await shown(r.target), lcd(r.bench));
      const walk: Array<[Key, string]> = [
        ['DOWN', 'SETUP NETWORK'], ['DOWN', 'SYSTEM REBOOT'], ['UP', 'SETUP NETWORK'], ['ENTER', 'RENEW DHCP ON LAN'],
        ['DOWN', 'ENABLE VLAN ON LAN'], ['ENTER', 'VLAN 0-4094 0000'], ['RIGHT', 'VLAN 0-4094 0000'], ['UP', 'VLAN 0-4094 0100'],
      ];
      for (const [key, text] of walk) {
        await r.target.keypad.press(key);
        const screen = await shown(r.target);
        assert.equal(screen.lines.join(' ').trim(), text, `after ${key}`);
        assert.deepEqual(screen, lcd(r.bench), `after ${key}`);
      }
      assert.deepEqual((await shown(r.target)).cursor, { row: 1, col: 1 });
      await r.target.console.type('42');
      assert.deepEqual((await shown(r.target)).lines, ['VLAN 0-4094', '0420']);
      assert.equal(r.remote.uart.counters.overruns, 0, 'a key at a time, each answered, never overruns');
      // The screens the target recorded, in order, are the ones the unit showed.
      const recorded = r.target.screen.since(0).map((s) => s.lines.join(' ').trim());
      assert.deepEqual(recorded.slice(-3), ['VLAN 0-4094 0100', 'VLAN 0-4094 0400', 'VLAN 0-4094 0420']);
      assert.match(r.target.evidence()[0]!.body, /^> \\r$/m);
    });

    test(`${generation}: a burst of keys sent at once overruns the console's UART and characters are lost`, async () => {
      const r = await rig(generation);
      await r.target.keypad.press('ENTER');
      await r.target.keypad.press('DOWN');
      await r.target.keypad.press('ENTER');
      assert.equal(r.bench.appliance.screen().lines[0], 'RENEW DHCP ON LAN');
      // Eight DOWN keys and eight UP keys in one write: 48 characters while the console redraws.
      await r.line.send('\x1b[B'.repeat(8) + '\x1b[A'.repeat(8));
      await r.line.answer(1500);
      assert.ok(r.remote.uart.counters.overruns > 0, JSON.stringify(r.remote.uart.counters));
      assert.deepEqual(await shown(r.target), lcd(r.bench), 'the terminal still shows what the unit shows');
    });

    test(`${generation}: a host that opened the port at 19200 baud does not wake the console`, async () => {
      const r = await rig(generation, { baudRate: 19200 });
      await r.line.send('\r');
      await r.line.answer(400);
      assert.equal(r.remote.awake, false);
      assert.equal(r.line.decoder.drawn(), false);
      assert.equal(r.line.decoder.mac(), null);
    });
  }
});
