// A remote syslog server for the lab: a real UDP socket and a real TCP server on loopback that
// collect what arrives, and a strict RFC 5424 parser that judges each message. The lab makes
// these sockets stand in for the syslog server of its network (Lab.attachService); the suite
// then reads what the appliances forwarded as a syslog server's operator would.
//
// Framing: UDP carries one message per datagram (RFC 5426); TCP carries octet-counted frames
// "MSG-LEN SP SYSLOG-MSG" or LF-terminated ones (RFC 6587 3.4.1 and 3.4.2), told apart by the
// frame's first octet. Parsing follows the ABNF of RFC 5424 section 6 and refuses anything else,
// naming the field and the offset: a lenient parser would let a malformed message pass.
// Hand-written for that reason: the syslog parsers on npm are lenient by design (glossy takes RFC
// 3164 and 5424 alike), and strictness is the check.
import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

export interface SdElement {
  id: string;
  params: Array<{ name: string; value: string }>;
}

/** A message as RFC 5424 defines it; NILVALUE ("-") fields are null. */
export interface SyslogMessage {
  pri: number;
  facility: number;
  severity: number;
  version: number;
  timestamp: string | null;
  hostname: string | null;
  appName: string | null;
  procId: string | null;
  msgId: string | null;
  structuredData: SdElement[];
  /** The MSG part (null when absent), without a leading BOM. */
  msg: string | null;
  /** Whether MSG began with the UTF-8 BOM (MSG-UTF8). */
  bom: boolean;
}

export class SyslogParseError extends Error {
  override name = 'SyslogParseError';
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} (at octet ${offset})`);
    this.offset = offset;
  }
}

const SP = 0x20;
const NIL = 0x2d; // "-"
const BOM = [0xef, 0xbb, 0xbf];
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
const isPrintUsAscii = (b: number | undefined) => b !== undefined && b >= 33 && b <= 126;

/** Days in a month of a year (proleptic Gregorian). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2}):(\d{2}))$/;

/** FULL-DATE "T" FULL-TIME (RFC 5424 6.2.3, RFC 3339 with its restrictions: upper-case T and Z, no leap second, at most 6 fraction digits). */
export function validTimestamp(text: string): boolean {
  const m = timestampPattern.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return true;
}

/** A strict reader over the octets of one message. */
class Reader {
  readonly bytes: Buffer;
  at = 0;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  fail(message: string, at = this.at): never {
    throw new SyslogParseError(message, at);
  }

  peek(): number | undefined {
    return this.bytes[this.at];
  }

  expect(byte: number, what: string): void {
    if (this.bytes[this.at] !== byte) this.fail(`expected ${what}`);
    this.at++;
  }

  /** A header field: NILVALUE or 1*max PRINTUSASCII, ended by SP. */
  field(name: string, max: number): string | null {
    const start = this.at;
    while (isPrintUsAscii(this.peek())) this.at++;
    const length = this.at - start;
    if (length === 0) this.fail(`${name} is empty or holds a character outside PRINTUSASCII`);
    if (length > max) this.fail(`${name} is longer than ${max} characters`, start);
    this.expect(SP, `SP after ${name}`);
    const text = this.bytes.toString('latin1', start, start + length);
    return text === '-' ? null : text;
  }
}

function parseSdName(r: Reader, what: string): string {
  const start = r.at;
  while (isPrintUsAscii(r.peek()) && ![0x3d, 0x5d, 0x22].includes(r.peek()!)) r.at++; // not '=', ']', '"'
  const length = r.at - start;
  if (length === 0) r.fail(`${what} is empty`);
  if (length > 32) r.fail(`${what} is longer than 32 characters`, start);
  return r.bytes.toString('latin1', start, r.at);
}

/** PARAM-VALUE: UTF-8 with '"', '\' and ']' escaped by a backslash; any other backslash stays. */
function parseParamValue(r: Reader): string {
  const out: number[] = [];
  for (;;) {
    const b = r.peek();
    if (b === undefined) r.fail('PARAM-VALUE is not closed by \'"\'');
    if (b === 0x22) break;
    if (b === 0x5d) r.fail('an unescaped "]" in PARAM-VALUE');
    if (b === 0x5c) {
      const next = r.bytes[r.at + 1];
      if (next === 0x22 || next === 0x5c || next === 0x5d) {
        out.push(next);
        r.at += 2;
        continue;
      }
    }
    out.push(b);
    r.at++;
  }
  r.at++;
  const value = Buffer.from(out);
  const text = value.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(value)) r.fail('PARAM-VALUE is not valid UTF-8');
  return text;
}

function parseStructuredData(r: Reader): SdElement[] {
  if (r.peek() === NIL) {
    r.at++;
    return [];
  }
  const elements: SdElement[] = [];
  if (r.peek() !== 0x5b) r.fail('expected STRUCTURED-DATA: "-" or "["');
  while (r.peek() === 0x5b) {
    r.at++;
    const id = parseSdName(r, 'SD-ID');
    if (elements.some((e) => e.id === id)) r.fail(`SD-ID ${id} appears twice`);
    const params: SdElement['params'] = [];
    while (r.peek() === SP) {
      r.at++;
      const name = parseSdName(r, 'PARAM-NAME');
      r.expect(0x3d, '"=" after PARAM-NAME');
      r.expect(0x22, '\'"\' opening PARAM-VALUE');
      params.push({ name, value: parseParamValue(r) });
    }
    r.expect(0x5d, '"]" closing SD-ELEMENT');
    elements.push({ id, params });
  }
  return elements;
}

/** Parses one syslog message strictly as RFC 5424 (section 6); throws SyslogParseError otherwise. */
export function parseRfc5424(input: Buffer | string): SyslogMessage {
  const r = new Reader(typeof input === 'string' ? Buffer.from(input, 'utf8') : input);
  r.expect(0x3c, '"<" opening PRI');
  const priStart = r.at;
  while (isDigit(r.peek())) r.at++;
  const priDigits = r.at - priStart;
  if (priDigits < 1 || priDigits > 3) r.fail('PRIVAL is 1 to 3 digits', priStart);
  const pri = Number(r.bytes.toString('latin1', priStart, r.at));
  if (pri > 191) r.fail(`PRIVAL ${pri} is above 191`, priStart);
  r.expect(0x3e, '">" closing PRI');
  const versionStart = r.at;
  while (isDigit(r.peek())) r.at++;
  const versionText = r.bytes.toString('latin1', versionStart, r.at);
  if (!/^[1-9]\d{0,2}$/.test(versionText)) r.fail('VERSION is a non-zero digit and up to two more', versionStart);
  r.expect(SP, 'SP after VERSION');
  const timestampStart = r.at;
  const timestamp = r.field('TIMESTAMP', 32);
  if (timestamp !== null && !validTimestamp(timestamp)) r.fail(`TIMESTAMP ${timestamp} is not FULL-DATE "T" FULL-TIME`, timestampStart);
  const hostname = r.field('HOSTNAME', 255);
  const appName = r.field('APP-NAME', 48);
  const procId = r.field('PROCID', 128);
  const msgId = r.field('MSGID', 32);
  const structuredData = parseStructuredData(r);
  let msg: string | null = null;
  let bom = false;
  if (r.at < r.bytes.length) {
    r.expect(SP, 'SP before MSG');
    let rest = r.bytes.subarray(r.at);
    bom = BOM.every((b, i) => rest[i] === b);
    if (bom) {
      rest = rest.subarray(BOM.length);
      const text = rest.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(rest)) r.fail('MSG begins with a BOM but is not valid UTF-8');
    }
    msg = rest.toString('utf8');
  }
  return { pri, facility: pri >> 3, severity: pri & 7, version: Number(versionText), timestamp, hostname, appName, procId, msgId, structuredData, msg, bom };
}

// ---------------------------------------------------------------------------------------------

export type Framing = 'datagram' | 'octet-counting' | 'non-transparent';

/** RFC 6587 framing of a TCP stream: frames as they complete, in order; a broken frame is an error. */
export class TcpFramer {
  #buffer = Buffer.alloc(0);
  #broken: string | null = null;

  /** Octets from the stream in; complete frames out. */
  push(chunk: Buffer): Array<{ framing: Framing; bytes: Buffer } | { error: string }> {
    if (this.#broken) return [];
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const out: Array<{ framing: Framing; bytes: Buffer } | { error: string }> = [];
    for (;;) {
      const first = this.#buffer[0];
      if (first === undefined) break;
      if (isDigit(first)) {
        // Octet counting: MSG-LEN = NONZERO-DIGIT *DIGIT, SP, then MSG-LEN octets.
        const space = this.#buffer.indexOf(SP);
        if (space < 0) {
          if (this.#buffer.length > 10 || !this.#buffer.every(isDigit)) out.push(this.#break('MSG-LEN is not followed by SP'));
          break;
        }
        const lengthText = this.#buffer.toString('latin1', 0, space);
        if (!/^[1-9]\d*$/.test(lengthText)) {
          out.push(this.#break(`MSG-LEN "${lengthText}" is not a number without leading zeros`));
          break;
        }
        const length = Number(lengthText);
        if (this.#buffer.length < space + 1 + length) break;
        out.push({ framing: 'octet-counting', bytes: this.#buffer.subarray(space + 1, space + 1 + length) });
        this.#buffer = this.#buffer.subarray(space + 1 + length);
      } else if (first === 0x3c) {
        // Non-transparent framing: the message ends at LF.
        const lf = this.#buffer.indexOf(0x0a);
        if (lf < 0) break;
        out.push({ framing: 'non-transparent', bytes: this.#buffer.subarray(0, lf) });
        this.#buffer = this.#buffer.subarray(lf + 1);
      } else {
        out.push(this.#break(`a frame starts with octet ${first}, neither a digit (octet counting) nor "<" (non-transparent framing)`));
        break;
      }
    }
    return out;
  }

  /** What is left when the stream ends: an incomplete frame is an error. */
  end(): { error: string } | null {
    if (this.#broken || this.#buffer.length === 0) return null;
    return { error: `the connection ended inside a frame (${this.#buffer.length} octets)` };
  }

  #break(error: string): { error: string } {
    this.#broken = error;
    this.#buffer = Buffer.alloc(0);
    return { error };
  }
}

// ---------------------------------------------------------------------------------------------

/** One message as it arrived, with what the parser made of it. */
export interface Received {
  transport: 'udp' | 'tcp';
  framing: Framing;
  /** The message's octets as text (UTF-8), for evidence and searching. */
  raw: string;
  /** Real time of arrival (ms since 1970). */
  arrivedAt: number;
  /** The parsed message, or null with `error` saying why it is not RFC 5424. */
  message: SyslogMessage | null;
  error: string | null;
}

export class SyslogReceiver {
  readonly udpPort: number;
  readonly tcpPort: number;
  readonly host: string;
  readonly received: Received[] = [];
  readonly #udp: UdpSocket;
  readonly #tcp: Server;
  readonly #connections = new Set<Socket>();
  readonly #events = new EventEmitter();
  #stopped = false;

  private constructor(host: string, udp: UdpSocket, tcp: Server) {
    this.host = host;
    this.#udp = udp;
    this.#tcp = tcp;
    this.udpPort = udp.address().port;
    const address = tcp.address();
    if (address === null || typeof address === 'string') throw new Error('the TCP server has no port');
    this.tcpPort = address.port;
    udp.on('message', (bytes) => this.#take('udp', 'datagram', bytes));
    tcp.on('connection', (socket) => this.#accept(socket));
  }

  /** Listens on `host` (loopback by default), on ports the system picks. */
  static async start(host = '127.0.0.1'): Promise<SyslogReceiver> {
    const udp = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const tcp = createServer();
    try {
      await new Promise<void>((resolve, reject) => {
        udp.once('error', reject);
        udp.bind(0, host, () => { udp.off('error', reject); resolve(); });
      });
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(0, host, () => { tcp.off('error', reject); resolve(); });
      });
    } catch (error) {
      udp.close();
      tcp.close();
      throw error;
    }
    return new SyslogReceiver(host, udp, tcp);
  }

  /** The real endpoint for a protocol, to attach to a modeled service. */
  endpoint(protocol: 'udp' | 'tcp'): { host: string; port: number } {
    return { host: this.host, port: protocol === 'udp' ? this.udpPort : this.tcpPort };
  }

  #accept(socket: Socket): void {
    this.#connections.add(socket);
    const framer = new TcpFramer();
    const take = (frames: ReturnType<TcpFramer['push']>) => {
      for (const frame of frames) {
        if ('error' in frame) this.#record({ transport: 'tcp', framing: 'octet-counting', raw: '', arrivedAt: Date.now(), message: null, error: `framing: ${frame.error}` });
        else this.#take('tcp', frame.framing, frame.bytes);
      }
    };
    socket.on('data', (chunk: Buffer) => take(framer.push(chunk)));
    socket.on('end', () => {
      const rest = framer.end();
      if (rest) take([rest]);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.#connections.delete(socket));
  }

  #take(transport: 'udp' | 'tcp', framing: Framing, bytes: Buffer): void {
    let message: SyslogMessage | null = null;
    let error: string | null = null;
    try {
      message = parseRfc5424(bytes);
    } catch (e) {
      if (!(e instanceof SyslogParseError)) throw e;
      error = e.message;
    }
    this.#record({ transport, framing, raw: bytes.toString('utf8'), arrivedAt: Date.now(), message, error });
  }

  #record(received: Received): void {
    if (this.#stopped) return;
    this.received.push(received);
    this.#events.emit('received');
  }

  /**
   * Waits, in real time and event by event, until `done` holds of everything received so far,
   * for at most `timeoutMs`; whether it did.
   */
  waitFor(done: (received: readonly Received[]) => boolean, timeoutMs: number): Promise<boolean> {
    if (done(this.received)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!done(this.received)) return;
        finish(true);
      };
      const finish = (result: boolean) => {
        clearTimeout(timer);
        this.#events.off('received', check);
        resolve(result);
      };
      const timer = setTimeout(() => finish(done(this.received)), timeoutMs);
      this.#events.on('received', check);
    });
  }

  /** Closes both sockets and every connection. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const socket of this.#connections) socket.destroy();
    await Promise.all([
      new Promise<void>((resolve) => this.#tcp.close(() => resolve())),
      new Promise<void>((resolve) => this.#udp.close(() => resolve())),
    ]);
  }
}
