// The console UART: the guide's line ("Bits per second 9600, Data Bits 8, Parity None, Stop Bits
// 2, Flow Control None") timed character by character, the bit-level view of a host opened with
// other settings, and the 16-byte receive FIFO that overruns while the firmware is busy writing
// ("Uploading such a file will result in lost characters"). Time is a fake line clock that only
// moves when a test moves it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LineClock, LineSettings } from './uart.ts';
import { Uart, byteTimeMs, consoleLine, frameBits, resample, sameSettings } from './uart.ts';

/** A line clock that moves only when told to; timers fire in time order, FIFO among equals. */
class FakeLineClock implements LineClock {
  #now = 0;
  #seq = 0;
  readonly #queue: Array<{ at: number; seq: number; run: () => void }> = [];

  now(): number {
    return this.#now;
  }

  after(ms: number, run: () => void): void {
    const timer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, run };
    let i = this.#queue.length;
    while (i > 0 && this.#queue[i - 1]!.at > timer.at) i--;
    this.#queue.splice(i, 0, timer);
  }

  get pending(): number {
    return this.#queue.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (let fired = 0; this.#queue.length > 0 && this.#queue[0]!.at <= end; fired++) {
      assert.ok(fired < 1_000_000, 'the UART keeps scheduling timers forever');
      const timer = this.#queue.shift()!;
      this.#now = Math.max(this.#now, timer.at);
      timer.run();
    }
    this.#now = Math.max(this.#now, end);
  }

  /** Fires every timer there is (and those they set). */
  runAll(): void {
    this.advance(Number.MAX_SAFE_INTEGER / 2);
  }
}

/** Lets promise callbacks run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function watch(promise: Promise<void>): { readonly done: boolean } {
  const state = { done: false };
  void promise.then(() => { state.done = true; });
  return state;
}

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
const text = (b: Uint8Array | number[]) => Buffer.from(b).toString('latin1');

/** 9600 baud, 8 data bits, no parity, 2 stop bits: a start bit, 8 data bits and 2 stop bits. */
const CHAR_MS = 11_000 / 9600;

interface Rig {
  clock: FakeLineClock;
  uart: Uart;
  /** What the firmware read from the FIFO, read by read. */
  reads: Uint8Array[];
  /** What came off the line to the host, with the time it arrived. */
  delivered: Array<{ at: number; bytes: Uint8Array }>;
  /** Everything the host received. */
  received(): string;
  /** Everything the firmware read. */
  read(): string;
}

/**
 * A UART whose firmware answers every character it reads with `answer(byte)` (a redraw, as the
 * console does), seen by a host with `host` settings (the guide's by default).
 */
function rig(options: { host?: LineSettings | (() => LineSettings | null); answer?: (byte: number) => string } = {}): Rig {
  const clock = new FakeLineClock();
  const reads: Uint8Array[] = [];
  const delivered: Array<{ at: number; bytes: Uint8Array }> = [];
  const host = options.host;
  const uart: Uart = new Uart({
    clock,
    ...(host === undefined ? {} : { hostSettings: typeof host === 'function' ? host : () => host }),
    deliver: (b) => { delivered.push({ at: clock.now(), bytes: Uint8Array.from(b) }); },
    read: (b) => {
      reads.push(Uint8Array.from(b));
      if (options.answer) for (const byte of b) uart.toHost(bytes(options.answer(byte)));
    },
  });
  return {
    clock, uart, reads, delivered,
    received: () => delivered.map((d) => text(d.bytes)).join(''),
    read: () => reads.map((r) => text(r)).join(''),
  };
}

const line = (changes: Partial<LineSettings>): LineSettings => ({ ...consoleLine, ...changes });

describe('the line: 9600 8N2', () => {
  test('the console line is the guide\'s: 9600 baud, 8 data bits, no parity, 2 stop bits', () => {
    assert.deepEqual(consoleLine, { baud: 9600, dataBits: 8, parity: 'none', stopBits: 2 });
  });

  test('a character is 11 bits on the wire (start, 8 data, 2 stop) and takes 1.146 ms', () => {
    assert.equal(frameBits(consoleLine), 11);
    assert.ok(Math.abs(byteTimeMs(consoleLine) - CHAR_MS) < 1e-12, String(byteTimeMs(consoleLine)));
    assert.equal(byteTimeMs(consoleLine).toFixed(3), '1.146');
  });

  test('other framings count their bits: 8N1 10, 7E1 10, 8O2 12; 19200 baud halves the time', () => {
    assert.equal(frameBits(line({ stopBits: 1 })), 10);
    assert.equal(frameBits({ baud: 9600, dataBits: 7, parity: 'even', stopBits: 1 }), 10);
    assert.equal(frameBits(line({ parity: 'odd' })), 12);
    assert.ok(Math.abs(byteTimeMs(line({ baud: 19200 })) - CHAR_MS / 2) < 1e-12);
    assert.ok(Math.abs(byteTimeMs(line({ baud: 115200, stopBits: 1 })) - 10_000 / 115200) < 1e-12);
  });

  test('sameSettings compares every field', () => {
    assert.equal(sameSettings(consoleLine, { ...consoleLine }), true);
    for (const other of [line({ baud: 19200 }), line({ dataBits: 7 }), line({ parity: 'even' }), line({ stopBits: 1 })]) {
      assert.equal(sameSettings(consoleLine, other), false, JSON.stringify(other));
    }
  });
});

describe('resample: what a receiver with other settings reads', () => {
  const settings = fc.record({
    baud: fc.constantFrom(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200),
    dataBits: fc.constantFrom(5, 6, 7, 8),
    parity: fc.constantFrom('none', 'even', 'odd'),
    stopBits: fc.constantFrom(1, 2),
  }) as fc.Arbitrary<LineSettings>;

  test('property: with equal settings the bytes come through unchanged', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), settings, (data, s) => {
      assert.deepEqual([...resample(data, s, { ...s })], [...data]);
    }), { numRuns: 300 });
  });

  test('property: a frame the sender separates by idle line is read exactly by a receiver with the same framing', () => {
    // Not the identity shortcut: 9600 8N2 against 9600 8N2 read bit by bit, one character at a time,
    // through a receiver that only differs in needing fewer stop bits.
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 32 }), (data) => {
      assert.deepEqual([...resample(data, consoleLine, line({ stopBits: 1 }))], [...data]);
    }), { numRuns: 200 });
  });

  for (const [name, host] of [
    ['19200 baud', line({ baud: 19200 })],
    ['4800 baud', line({ baud: 4800 })],
    ['115200 baud 8N1', line({ baud: 115200, stopBits: 1 })],
    ['7 data bits', line({ dataBits: 7 })],
    ['7 data bits, even parity, 1 stop bit', { baud: 9600, dataBits: 7, parity: 'even', stopBits: 1 } as LineSettings],
    ['even parity', line({ parity: 'even' })],
    ['odd parity', line({ parity: 'odd' })],
  ] as const) {
    test(`a host at ${name} garbles what it sends and what it reads`, () => {
      for (const sent of ['hello', 'SETUP NETWORK\r', '\x1b[B']) {
        const arrived = resample(bytes(sent), host, consoleLine);
        assert.notEqual(text(arrived), sent, `${JSON.stringify(sent)} sent at ${name} arrived intact`);
        const read = resample(bytes(sent), consoleLine, host);
        assert.notEqual(text(read), sent, `${JSON.stringify(sent)} read at ${name} arrived intact`);
      }
      // ENTER alone (what wakes the console) does not survive either, but at even parity: CR has
      // three one bits, so its parity bit is a one, which a receiver without parity takes for
      // its first stop bit (and the real stop bit for its second).
      const enter = text(resample(bytes('\r'), host, consoleLine));
      if (name === 'even parity') assert.equal(enter, '\r');
      else assert.notEqual(enter, '\r', `ENTER at ${name}`);
    });
  }

  test('one stop bit back to back: the next start bit lands on the second stop bit (a framing error, a NUL)', () => {
    const oneStop = line({ stopBits: 1 });
    // Every character followed at once by another fails; the last, followed by idle line, is read.
    assert.deepEqual([...resample(bytes('abc'), oneStop, consoleLine)], [0, 0, 0x63]);
    assert.deepEqual([...resample(bytes('\x1b[B'), oneStop, consoleLine)], [0, 0, 0x42]);
  });

  test('one stop bit, an isolated character: it gets through', () => {
    const oneStop = line({ stopBits: 1 });
    for (const c of ['a', '\r', '\x1b', 'Z']) assert.equal(text(resample(bytes(c), oneStop, consoleLine)), c);
  });

  test('a host reading with one stop bit reads the console\'s two-stop-bit output correctly', () => {
    assert.equal(text(resample(bytes('MAC address 02:d8'), consoleLine, line({ stopBits: 1 }))), 'MAC address 02:d8');
  });
});

describe('the UART', () => {
  test('output goes out at the line rate: never ahead of 1.146 ms a character, all of it when due', () => {
    const r = rig();
    const out = 'x'.repeat(96);
    r.uart.toHost(bytes(out));
    assert.equal(r.delivered.length, 0, 'nothing arrives at the instant it is written');
    r.clock.runAll();
    let total = 0;
    for (const d of r.delivered) {
      total += d.bytes.length;
      assert.ok(total <= d.at / CHAR_MS + 1e-6, `${total} characters arrived by ${d.at.toFixed(3)} ms`);
    }
    assert.equal(r.received(), out);
    const last = r.delivered[r.delivered.length - 1]!;
    assert.ok(Math.abs(last.at - 96 * CHAR_MS) < 1e-6, `the last character arrived at ${last.at} ms, not ${96 * CHAR_MS}`);
    // Delivered in slices as a port's reads see them, not one byte per event nor all at once.
    assert.ok(r.delivered.length > 1 && r.delivered.length < 96, `${r.delivered.length} deliveries`);
    assert.equal(r.uart.counters.queued, 96);
    assert.equal(r.uart.counters.sent, 96);
  });

  test('writes queue behind each other: two writes of 10 take 20 character times', () => {
    const r = rig();
    r.uart.toHost(bytes('0123456789'));
    r.clock.advance(5 * CHAR_MS);
    r.uart.toHost(bytes('abcdefghij'));
    r.clock.advance(14.5 * CHAR_MS);
    assert.ok(r.received().length < 20, 'not all 20 characters within 19.5 character times');
    r.clock.advance(0.5 * CHAR_MS + 1e-6);
    assert.equal(r.received(), '0123456789abcdefghij');
  });

  test('a host with other settings reads garbage from the console', () => {
    const r = rig({ host: line({ baud: 19200 }) });
    r.uart.toHost(bytes('MAC address 02:d8:d5:e1:d3:12'));
    r.clock.runAll();
    assert.notEqual(r.received(), 'MAC address 02:d8:d5:e1:d3:12');
    assert.ok(!r.received().includes('MAC'), JSON.stringify(r.received()));
  });

  test('input crosses the line one character time apart before the firmware reads it', () => {
    const r = rig();
    r.uart.fromHost(bytes('abc'));
    r.clock.advance(CHAR_MS - 1e-6);
    assert.equal(r.read(), '', 'nothing is read before the first character has crossed the line');
    r.clock.advance(3 * CHAR_MS);
    assert.equal(r.read(), 'abc');
    assert.equal(r.uart.counters.received, 3);
    assert.equal(r.uart.counters.read, 3);
    assert.equal(r.uart.counters.overruns, 0);
  });

  test('a host at 8N1 sending in one burst: framing errors (NULs) but the last; a key at a time gets through', () => {
    const burst = rig({ host: line({ stopBits: 1 }) });
    burst.uart.fromHost(bytes('abc'));
    burst.clock.runAll();
    assert.deepEqual([...burst.reads.flatMap((r) => [...r])], [0, 0, 0x63]);

    const paced = rig({ host: line({ stopBits: 1 }) });
    for (const c of 'abc') {
      paced.uart.fromHost(bytes(c));
      paced.clock.advance(5 * CHAR_MS);
    }
    assert.equal(paced.read(), 'abc');
  });

  test('a burst that arrives while the firmware is busy writing overruns the 16-byte FIFO', () => {
    // Every key read is answered by a 50-byte redraw: the firmware writes for 57 ms each time,
    // while the keys of a pasted burst keep arriving every 1.146 ms.
    const r = rig({ answer: () => 'r'.repeat(50) });
    const burst = 'k'.repeat(40);
    r.uart.fromHost(bytes(burst));
    r.clock.runAll();
    const c = r.uart.counters;
    assert.ok(c.overruns > 0, `no overrun: ${JSON.stringify(c)}`);
    assert.equal(c.received, 40);
    assert.equal(r.read().length, 40 - c.overruns, 'every character not lost to an overrun was read');
    // First principles: the first key is read at once and answered (57.3 ms of writing); the FIFO
    // takes the next 16; the other 23 arrive (by 45.8 ms) before the firmware reads again.
    assert.equal(c.overruns, 23);
    assert.equal(c.arrived, c.received, 'at the right settings every character sent arrives');
    assert.equal(c.read + c.overruns, c.arrived, 'lost characters are accounted for');
  });

  test('the same keys sent one at a time, each answer awaited, lose nothing', async () => {
    const r = rig({ answer: () => 'r'.repeat(50) });
    for (let i = 0; i < 40; i++) {
      r.uart.fromHost(bytes('k'));
      const settled = watch(r.uart.settled(r.uart.counters.received));
      const drained = watch(r.uart.drained());
      for (let guard = 0; !(settled.done && drained.done); guard++) {
        assert.ok(guard < 1000, 'the key is never dealt with');
        r.clock.advance(CHAR_MS);
        await flush();
      }
    }
    assert.equal(r.uart.counters.overruns, 0);
    assert.equal(r.read(), 'k'.repeat(40));
    assert.equal(r.received(), 'r'.repeat(50 * 40));
  });

  test('a burst to a firmware that is not writing does not overrun: the FIFO is emptied as it fills', () => {
    const r = rig();
    r.uart.fromHost(bytes('z'.repeat(200)));
    r.clock.runAll();
    assert.equal(r.uart.counters.overruns, 0);
    assert.equal(r.read(), 'z'.repeat(200));
  });

  test('drained() resolves at once when nothing is queued, else only when the last byte has gone', async () => {
    const r = rig();
    const idle = watch(r.uart.drained());
    await flush();
    assert.equal(idle.done, true);
    r.uart.toHost(bytes('0123456789'));
    const drained = watch(r.uart.drained());
    r.clock.advance(9.5 * CHAR_MS);
    await flush();
    assert.equal(drained.done, false, 'drained before the last character went out');
    r.clock.advance(0.5 * CHAR_MS + 1e-6);
    await flush();
    assert.equal(drained.done, true);
    assert.equal(r.received(), '0123456789');
  });

  test('settled(n) resolves once the firmware has read n bytes, not before; at once when nothing is owed', async () => {
    const r = rig({ answer: () => 'ok' });
    const nothing = watch(r.uart.settled(0));
    await flush();
    assert.equal(nothing.done, true);
    r.uart.fromHost(bytes('abc'));
    const settled = watch(r.uart.settled(3));
    r.clock.advance(2.5 * CHAR_MS);
    await flush();
    assert.equal(settled.done, false, 'settled with the third character still on the line');
    r.clock.runAll();
    await flush();
    assert.equal(settled.done, true);
    assert.equal(r.read(), 'abc');
  });

  test('settled(n) counts characters lost to overruns, so a driver is not left waiting forever', async () => {
    const r = rig({ answer: () => 'r'.repeat(50) });
    r.uart.fromHost(bytes('k'.repeat(40)));
    const settled = watch(r.uart.settled(40));
    r.clock.runAll();
    await flush();
    assert.ok(r.uart.counters.overruns > 0);
    assert.equal(settled.done, true);
  });

  test('a host at 4800 baud: its one ENTER is read as two characters at 9600; settled(1) waits for both, and the counts balance', async () => {
    const host = line({ baud: 4800 });
    // A 4800-baud character lasts two 9600-baud characters: the receiver sees two frames.
    assert.deepEqual([...resample(bytes('\r'), host, consoleLine)], [0x00, 0x80]);
    const r = rig({ host });
    r.uart.fromHost(bytes('\r'));
    const settled = watch(r.uart.settled(1));
    for (let guard = 0; !settled.done; guard++) {
      assert.ok(guard < 1000, 'settled never resolved');
      r.clock.advance(CHAR_MS / 4);
      await flush();
    }
    const readsAtSettle = r.reads.flatMap((x) => [...x]);
    r.clock.runAll();
    assert.deepEqual(r.reads.flatMap((x) => [...x]), readsAtSettle, 'the firmware read more after settled(1) resolved');
    assert.deepEqual([...readsAtSettle], [0x00, 0x80]);
    const c = r.uart.counters;
    assert.equal(c.received, 1, 'the host sent one character');
    assert.equal(c.arrived, 2, 'two arrived at 9600 baud');
    assert.equal(c.read + c.overruns, c.arrived, `counters ${JSON.stringify(c)}`);
  });

  test('property: whatever the host\'s settings, the firmware ends having accounted for every byte sent, and settled() waits for the last', async () => {
    const hosts = fc.record({
      baud: fc.constantFrom(2400, 4800, 9600, 19200, 38400),
      dataBits: fc.constantFrom(7, 8),
      parity: fc.constantFrom('none', 'even', 'odd'),
      stopBits: fc.constantFrom(1, 2),
    }) as fc.Arbitrary<LineSettings>;
    await fc.assert(fc.asyncProperty(hosts, fc.uint8Array({ minLength: 1, maxLength: 24 }), async (host, data) => {
      const r = rig({ host });
      r.uart.fromHost(data);
      let readsAtSettle = -1;
      void r.uart.settled(data.length).then(() => { readsAtSettle = r.reads.length; });
      for (let guard = 0; readsAtSettle < 0; guard++) {
        assert.ok(guard < 10_000, 'settled never resolved');
        r.clock.advance(CHAR_MS / 4);
        await flush();
      }
      r.clock.runAll();
      await flush();
      assert.equal(r.reads.length, readsAtSettle, `the firmware read ${r.reads.length - readsAtSettle} more time(s) after settled(${data.length}) resolved`);
      const c = r.uart.counters;
      assert.equal(c.read + c.overruns, c.arrived, `counters ${JSON.stringify(c)}`);
    }), { numRuns: 150 });
  });

  test('close(): nothing more is read or sent', () => {
    const r = rig();
    r.uart.toHost(bytes('before'));
    r.uart.close();
    r.uart.fromHost(bytes('ignored'));
    r.clock.runAll();
    assert.equal(r.read(), '');
    assert.equal(r.received(), '');
  });

  test('the host\'s settings are looked at on every transfer (a terminal set up again)', () => {
    let host: LineSettings = line({ baud: 19200 });
    const r = rig({ host: () => host });
    r.uart.fromHost(bytes('\r'));
    r.clock.runAll();
    assert.notEqual(r.read(), '\r');
    host = consoleLine;
    r.uart.fromHost(bytes('\r'));
    r.clock.runAll();
    assert.ok(r.read().endsWith('\r'), JSON.stringify(r.read()));
  });

  test('a host whose timers fire out of order (a loaded one) still gets the bytes read in the order sent', () => {
    // Every timer due by the time the clock is looked at fires, the latest set first.
    const timers: Array<{ at: number; run: () => void }> = [];
    let now = 0;
    const clock: LineClock = { now: () => now, after: (ms, run) => { timers.push({ at: now + Math.max(0, ms), run }); } };
    const reads: string[] = [];
    const uart = new Uart({ clock, deliver: () => {}, read: (b) => { reads.push(text(b)); } });
    uart.fromHost(bytes('\x1b[B'));
    for (let round = 0; round < 100 && timers.length > 0; round++) {
      now += 10;
      const due = timers.filter((t) => t.at <= now).reverse();
      timers.splice(0, timers.length, ...timers.filter((t) => t.at > now));
      for (const t of due) t.run();
    }
    assert.equal(reads.join(''), '\x1b[B');
  });

  test('unpaced (a pseudo-terminal), an answer written in pieces in one turn goes out in one write', () => {
    const clock = new FakeLineClock();
    const delivered: string[] = [];
    const uart = new Uart({ clock, paced: false, deliver: (b) => { delivered.push(text(b)); }, read: () => {} });
    uart.toHost(bytes('\x1b[2;1H'));
    uart.toHost(bytes('WINS DOMAIN'));
    uart.toHost(bytes('\x1b[2;5H'));
    clock.runAll();
    assert.deepEqual(delivered, ['\x1b[2;1HWINS DOMAIN\x1b[2;5H']);
    assert.equal(uart.counters.sent, uart.counters.queued);
  });

  test('carried counts continue the sequence of the console this one replaces on the cable', () => {
    const clock = new FakeLineClock();
    const uart = new Uart({ clock, carried: { received: 12, queued: 345 }, deliver: () => {}, read: () => {} });
    assert.deepEqual(uart.counters, { received: 12, arrived: 0, read: 0, overruns: 0, sent: 345, queued: 345 });
  });
});
