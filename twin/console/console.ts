// The appliance's remote console: the same state model as the LCD (a key here is a key there),
// drawn for a VT100 over a 9600 8N2 line. "Press the ENTER key on the VT100 terminal's keyboard
// to display the Remote Console interface. You will notice the MAC address for the Scanner
// Appliance appears." A console connected while the appliance is already on works only after a
// reboot ("you must reboot the Scanner Appliance before taking the next step").
import type { ConsoleLayout } from '../../fixtures/consoles.ts';
import { loadConsoleLayout } from '../../fixtures/consoles.ts';
import type { Key } from '../../fixtures/profiles.ts';
import type { Appliance } from '../appliance/appliance.ts';
import type { LineClock, LineSettings } from './uart.ts';
import { Uart } from './uart.ts';
import { Vt100Renderer } from './vt100.ts';

/** A console cable's far end: a terminal (or a driver) reached through some transport. */
export interface ConsoleTransport {
  /** Bytes from the terminal. */
  onData(listener: (bytes: Uint8Array) => void): void;
  /** Bytes to the terminal. */
  write(bytes: Uint8Array): void;
  /** The terminal side's line settings, when the transport can see them (a pseudo-terminal's termios). */
  hostSettings?(): LineSettings | null;
}

type Input = { key: Key } | { char: string };

/** Turns terminal input into keys: VT100 arrows (ESC [ A..D or ESC O A..D), Enter, characters. */
export class KeyDecoder {
  #pending = '';
  /** The last character was CR: an LF right after it (even in the next read) is the same Enter. */
  #afterCr = false;

  decode(bytes: Uint8Array): Input[] {
    const out: Input[] = [];
    let text = this.#pending + Buffer.from(bytes).toString('latin1');
    this.#pending = '';
    const arrows: Record<string, Key> = { A: 'UP', B: 'DOWN', C: 'RIGHT', D: 'LEFT' };
    while (text.length > 0) {
      const c = text[0]!;
      if (this.#afterCr && c === '\n') {
        this.#afterCr = false;
        text = text.slice(1);
        continue;
      }
      this.#afterCr = false;
      if (c === '\x1b') {
        if (text.length < 3) {
          this.#pending = text;
          break;
        }
        const key = (text[1] === '[' || text[1] === 'O') ? arrows[text[2]!] : undefined;
        if (key) out.push({ key });
        text = text.slice(key || text[1] === '[' || text[1] === 'O' ? 3 : 1);
        continue;
      }
      if (c === '\r') {
        out.push({ key: 'ENTER' });
        this.#afterCr = true;
        text = text.slice(1);
        continue;
      }
      if (c === '\n') out.push({ key: 'ENTER' });
      else if (c >= ' ' && c <= '~') out.push({ char: c });
      text = text.slice(1);
    }
    return out;
  }
}

export interface RemoteConsoleOptions {
  lineClock?: LineClock;
  /** How the console lays out its screen (default: the boxed layout). */
  layout?: ConsoleLayout;
  /** false: no line time (a pseudo-terminal has no baud rate). */
  paced?: boolean;
  /** Byte counts of the console this one replaces on the same cable (see Uart). */
  carried?: { received: number; queued: number };
}

export class RemoteConsole {
  readonly uart: Uart;
  readonly #appliance: Appliance;
  readonly #renderer: Vt100Renderer;
  readonly #decoder = new KeyDecoder();
  /** The console service runs: started by a boot with the cable already connected. */
  #serving: boolean;
  /** Woken by ENTER since the service started. */
  #awake = false;
  #lastPhase: string;

  constructor(appliance: Appliance, transport: ConsoleTransport, options: RemoteConsoleOptions = {}) {
    this.#appliance = appliance;
    this.#renderer = new Vt100Renderer(options.layout ?? loadConsoleLayout('boxed'));
    this.uart = new Uart({
      ...(options.lineClock ? { clock: options.lineClock } : {}),
      ...(options.paced === undefined ? {} : { paced: options.paced }),
      hostSettings: () => transport.hostSettings?.() ?? null,
      ...(options.carried ? { carried: options.carried } : {}),
      deliver: (bytes) => transport.write(bytes),
      read: (bytes) => this.#input(bytes),
    });
    this.#lastPhase = appliance.phase;
    // Connected to a running appliance, the console stays dead until the next boot.
    this.#serving = false;
    transport.onData((bytes) => this.uart.fromHost(bytes));
    appliance.subscribe(() => this.#applianceChanged());
  }

  /** The cable goes to another unit: this console reads and sends nothing more. */
  close(): void {
    this.uart.close();
  }

  get serving(): boolean {
    return this.#serving;
  }

  get awake(): boolean {
    return this.#awake;
  }

  #applianceChanged(): void {
    const phase = this.#appliance.phase;
    if (phase !== this.#lastPhase) {
      if (phase === 'booting') {
        // The boot starts the console service on the connected cable. A terminal that woke it
        // before is redrawn at once; a new one sees nothing until ENTER ("it may be necessary to
        // press the ENTER key ... to display the Remote Console interface").
        this.#serving = true;
        if (this.#awake) {
          this.uart.toHost(Buffer.from(this.#renderer.full(this.#frame()), 'latin1'));
          this.#lastPhase = phase;
          return;
        }
      } else if (phase === 'off' || phase === 'halted') {
        // The last words ("It's now safe to unplug the box") still reach the terminal.
        this.#draw();
        this.#serving = false;
        this.#lastPhase = phase;
        return;
      }
      this.#lastPhase = phase;
    }
    this.#draw();
  }

  #frame() {
    return { mac: this.#appliance.identity.lanMac, screen: this.#appliance.screen(), awake: this.#awake };
  }

  #draw(): void {
    if (!this.#serving || !this.#awake) return;
    const bytes = this.#renderer.update(this.#frame());
    if (bytes !== '') this.uart.toHost(Buffer.from(bytes, 'latin1'));
  }

  #input(bytes: Uint8Array): void {
    if (!this.#serving) return;
    for (const input of this.#decoder.decode(bytes)) {
      if (!this.#awake) {
        if ('key' in input && input.key === 'ENTER') {
          this.#awake = true;
          this.uart.toHost(Buffer.from(this.#renderer.full(this.#frame()), 'latin1'));
        }
        continue;
      }
      if ('key' in input) this.#appliance.press(input.key);
      else this.#appliance.typeCharacter(input.char);
    }
  }
}
