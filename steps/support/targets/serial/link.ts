// The line to an appliance's remote console: a serial port (a USB-to-RS232 adapter, or a
// pseudo-terminal) opened with the settings the guide requires, or a TCP port of a terminal
// server. Failures are one line naming the port and the likely cause.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { constants, existsSync, openSync, write } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { ReadStream } from 'node:tty';
import { SerialPort, SerialPortMock } from 'serialport';
import { Inconclusive } from '../../errors.ts';

export interface SerialLink {
  /** What the link is, for messages: "/dev/ttyUSB0", "tcp:127.0.0.1:7000". */
  readonly name: string;
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (bytes: Uint8Array) => void): void;
  close(): Promise<void>;
}

/** The line to the appliance failed (missing, busy, silent, garbled): the lab's fault, not the appliance's. */
export class LinkError extends Inconclusive {
  override name = 'LinkError';
}

/** "Bits per second 9600, Data Bits 8, Parity None, Stop Bits 2, Flow Control None". */
export const guideSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 2, rtscts: false, xon: false, xoff: false } as const;

function describeOpenError(path: string, error: Error): string {
  const text = error.message;
  if (/ENOENT|No such file/i.test(text) || !existsSync(path)) return `serial port ${path} does not exist: is the USB-to-RS232 cable plugged in (or the twin started)?`;
  if (/lock|EBUSY|busy/i.test(text)) return `serial port ${path} is busy: another program (a terminal such as picocom?) has it open`;
  if (/EACCES|permission/i.test(text)) return `serial port ${path} cannot be opened: permission denied (add yourself to the dialout group)`;
  return `serial port ${path} cannot be opened: ${text.split('\n')[0]}`;
}

export async function openSerialPort(path: string, settings: Partial<typeof guideSettings> = {}): Promise<SerialLink> {
  if (!existsSync(path)) throw new LinkError(describeOpenError(path, new Error('ENOENT')));
  const port = new SerialPort({ path, ...guideSettings, ...settings, autoOpen: false, lock: true });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(new LinkError(describeOpenError(path, e))) : resolve())));
  return portLink(path, port);
}

/** A link over an open serialport stream (a real port or serialport's mock binding). */
function portLink(path: string, port: SerialPort | SerialPortMock): SerialLink {
  return {
    name: path,
    write: (bytes) => new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (e) => (e ? reject(new LinkError(`serial port ${path}: ${e.message}`)) : port.drain(() => resolve())));
    }),
    onData: (listener) => { port.on('data', (chunk: Buffer) => listener(chunk)); },
    close: () => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}

/** The far end of a mock port's cable: the device (a twin console, in unit tests). */
export interface MockDevice {
  /** Bytes the device sends to the host. */
  send(bytes: Uint8Array): void;
  /** Bytes the host wrote, as they are written. */
  onData(listener: (bytes: Uint8Array) => void): void;
  /** The line settings the host opened the port with. */
  readonly hostSettings: { baudRate: number; dataBits: number; parity: string; stopBits: number };
}

/**
 * A port of serialport's mock binding, created afresh at `path` and opened like a real one (the
 * guide's settings unless told otherwise), for unit tests: the link, and the device at its far end.
 */
export async function openMockPort(
  path: string,
  settings: { baudRate?: number; dataBits?: 5 | 6 | 7 | 8; parity?: 'none' | 'even' | 'odd'; stopBits?: 1 | 2 } = {},
): Promise<SerialLink & { device: MockDevice }> {
  SerialPortMock.binding.createPort(path, { echo: false, record: true });
  const port = new SerialPortMock({ path, ...guideSettings, ...settings, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(new LinkError(`serial port ${path} cannot be opened: ${e.message}`)) : resolve())));
  const binding = port.port!;
  // The mock cannot tell a device that the host wrote: its write is wrapped to do so.
  const listeners: Array<(bytes: Uint8Array) => void> = [];
  const write = binding.write.bind(binding);
  binding.write = async (buffer: Buffer) => {
    await write(buffer);
    for (const l of listeners) l(Uint8Array.from(buffer));
  };
  const { baudRate, dataBits, parity, stopBits } = binding.openOptions;
  const device: MockDevice = {
    // Sent to a closed port, bytes are lost, as on a real line.
    send: (bytes) => { if (binding.isOpen) binding.emitData(Buffer.from(bytes)); },
    onData: (listener) => { listeners.push(listener); },
    hostSettings: { baudRate, dataBits, parity, stopBits },
  };
  return { ...portLink(path, port), device };
}

/**
 * A terminal device opened directly (a pseudo-terminal): stty sets the guide's line settings,
 * a tty.ReadStream reads it. No native binding, so it works in cucumber's worker threads.
 */
export async function openTty(path: string): Promise<SerialLink> {
  if (!existsSync(path)) throw new LinkError(describeOpenError(path, new Error('ENOENT')));
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
    // 9600 baud, 8 data bits, no parity, 2 stop bits, no flow control, raw.
    execFileSync('stty', ['-F', path, '9600', 'cs8', '-parenb', 'cstopb', '-crtscts', '-ixon', '-ixoff', 'raw', '-echo'], { stdio: 'ignore' });
  } catch (error) {
    throw new LinkError(describeOpenError(path, error as Error));
  }
  const input = new ReadStream(fd);
  const listeners: Array<(bytes: Uint8Array) => void> = [];
  input.on('data', (chunk: Buffer | string) => { for (const l of listeners) l(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk); });
  input.on('error', () => {});
  return {
    name: path,
    write: (bytes) => new Promise((resolve, reject) => write(fd, bytes, (e) => (e ? reject(new LinkError(`${path}: ${e.message}`)) : resolve()))),
    onData: (listener) => { listeners.push(listener); },
    close: async () => { input.destroy(); },
  };
}

export async function openTcp(host: string, port: number): Promise<SerialLink> {
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connect({ host, port });
    const timer = setTimeout(() => { s.destroy(); reject(new LinkError(`tcp:${host}:${port}: no answer within 5 seconds (is the terminal server up?)`)); }, 5000);
    s.once('connect', () => { clearTimeout(timer); resolve(s); });
    s.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new LinkError(`tcp:${host}:${port}: ${e.code === 'ECONNREFUSED' ? 'connection refused (is the terminal server or the twin listening?)' : e.code ?? e.message}`));
    });
  });
  socket.setNoDelay(true);
  return {
    name: `tcp:${host}:${port}`,
    write: (bytes) => new Promise((resolve, reject) => socket.write(bytes, (e) => (e ? reject(new LinkError(`tcp:${host}:${port}: ${e.message}`)) : resolve()))),
    onData: (listener) => { socket.on('data', (chunk: Buffer) => listener(chunk)); },
    close: async () => { socket.destroy(); },
  };
}

/** "serial:/dev/ttyUSB0", "/dev/ttyUSB0", "tcp:host:port". */
export async function openLink(spec: string): Promise<SerialLink> {
  const tcp = /^tcp:([^:]+):(\d+)$/.exec(spec);
  if (tcp) return openTcp(tcp[1]!, Number(tcp[2]));
  if (spec.startsWith('tcp:')) throw new LinkError(`${spec}: expected tcp:<host>:<port>`);
  return openSerialPort(spec.replace(/^serial:/, ''));
}
