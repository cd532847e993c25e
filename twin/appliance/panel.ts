// The front panel: what the LCD shows (boot messages, a refusal's notice, the status screen, the
// menus) and what the keypad and the remote console's keyboard do. The menus themselves are the
// UI engine's (ui.ts); what a confirmed procedure changes is the appliance's to carry out.
import type { Generation, Key } from '../../fixtures/profiles.ts';
import type { TimerCallback, TimerHandle } from '../clock.ts';
import type { Condition } from '../network/interface.ts';
import type { ActionOutcome, AttemptContext, ConfigContext } from './config.ts';
import type { EditorKey } from './editors.ts';
import type { Identity } from './identity.ts';
import type { LcdScreen, ScreenContent } from './lcd.ts';
import { layout } from './lcd.ts';
import { Ui } from './ui.ts';

export type StorageFault = 'fsck' | 'mount';

export type Status =
  | { kind: 'none' }
  | { kind: 'ready'; name: string; address: string; indicator: string }
  | { kind: 'activation' }
  /** A configuration error: what stopped the attempt, why it was made, an HTTP status if any. */
  | { kind: 'error'; condition: Condition; context: AttemptContext; code?: number }
  | { kind: 'communication-failure' }
  /** The filesystem check or mount failed at boot (2022: "EFS fsck fatal errors"). */
  | { kind: 'storage-fault'; fault: StorageFault };

export type Display = { kind: 'blank' } | { kind: 'message'; text: string } | { kind: 'notice'; content: ScreenContent } | { kind: 'ui' };

/** What the panel needs of the appliance behind it. */
export interface PanelHost {
  context(): ConfigContext;
  status(): Status;
  /** Whether the firmware is up and taking keys (not booting, applying or going down). */
  running(): boolean;
  after(ms: number, callback: TimerCallback): TimerHandle;
  changed(): void;
  /** A confirmed procedure: carry out its outcome, showing `message` while it applies. */
  perform(outcome: ActionOutcome, message: string | undefined): void;
  /** A port link setting confirmed: it takes effect at once. */
  setLink(port: 'LAN' | 'WAN', value: string): void;
  /** ENTER on the ACTIVATION CODE screen: try the platform again. */
  retry(): void;
}

export class FrontPanel {
  readonly #generation: Generation;
  readonly #identity: Identity;
  readonly #host: PanelHost;
  readonly #ui: Ui;
  #display: Display = { kind: 'blank' };

  constructor(generation: Generation, identity: Identity, host: PanelHost) {
    this.#generation = generation;
    this.#identity = identity;
    this.#host = host;
    this.#ui = new Ui(generation, {
      context: () => host.context(),
      statusScreen: () => this.#statusScreen(),
      statusEnterRetries: () => host.status().kind === 'activation',
      retry: () => host.retry(),
      linkSetting: (port) => (port === 'LAN' ? host.context().config.lan.link : host.context().config.wan.link),
    });
  }

  screen(): LcdScreen {
    return layout(this.#content(), this.#generation.hardware.lcd);
  }

  /** Shows something other than the menus, or the menus again (`ui`), and says so. */
  show(display: Display): void {
    this.#display = display;
    this.#host.changed();
  }

  /** Back to the status screen, the next time the menus are shown. */
  reset(): void {
    this.#ui.reset();
  }

  /** Whether the field on screen is a secret one (the proxy password). */
  showsSecret(): boolean {
    return this.#display.kind === 'ui' && this.#ui.showsSecret();
  }

  menuLabels(menu: string): string[] {
    return this.#ui.menuLabels(menu);
  }

  get acceptsKeys(): boolean {
    return this.#host.running() && this.#display.kind === 'ui';
  }

  press(key: EditorKey): void {
    if (!this.acceptsKeys) return;
    const effect = this.#ui.press(key);
    switch (effect.kind) {
      case 'perform': this.#host.perform(effect.outcome, effect.message); break;
      case 'refused': this.#notice(effect.reason); break;
      case 'link': this.#host.setLink(effect.port, effect.value); break;
      default: break;
    }
    this.#host.changed();
  }

  /**
   * Holds a key for `ms`. In text fields UP and DOWN repeat ("you can hold down the Up and Down
   * arrow buttons to scroll through characters quickly"); elsewhere a hold is one press.
   */
  hold(key: Key, ms: number): void {
    this.press(key);
    const editor = this.#ui.editor;
    if (!editor?.repeats || (key !== 'UP' && key !== 'DOWN')) return;
    const { repeatDelayMs, repeatIntervalMs } = this.#generation.hardware.keypad;
    for (let t = repeatDelayMs; t <= ms; t += repeatIntervalMs) {
      this.#host.after(t, () => {
        if (this.#ui.editor === editor) this.press(key);
      });
    }
  }

  /** A character typed on the remote console's keyboard, into the field on screen. */
  type(char: string): void {
    if (!this.acceptsKeys) return;
    this.#ui.type(char);
    this.#host.changed();
  }

  #notice(reason: string): void {
    const prompt = this.#ui.screen().text;
    this.show({ kind: 'notice', content: { text: prompt, body: reason, indicators: [] } });
    this.#host.after(this.#generation.hardware.timing.noticeMs, () => this.show({ kind: 'ui' }));
  }

  #content(): ScreenContent {
    switch (this.#display.kind) {
      case 'blank': return { text: '', indicators: [] };
      case 'message': return { text: this.#display.text, indicators: [] };
      case 'notice': return this.#display.content;
      case 'ui': return this.#ui.screen();
    }
  }

  #statusScreen(): ScreenContent {
    const { texts, errors, storageFaults } = this.#generation.firmware;
    const indicators: Key[] = ['DOWN', 'ENTER'];
    const s = this.#host.status();
    switch (s.kind) {
      case 'ready': return { text: s.name, body: s.address, bodyRight: s.indicator, indicators };
      case 'activation': return { text: texts.activationCode, body: this.#identity.activationCode, indicators };
      case 'communication-failure': return { text: texts.communicationFailure, indicators };
      case 'storage-fault': {
        const report = storageFaults[s.fault];
        return { text: report.show === 'error' ? report.text : '', indicators };
      }
      case 'error': {
        const fill = (text: string) => text.replace('{code}', String(s.code ?? ''));
        if (errors.style === 'long-form') return { text: fill(errors.messages[s.condition]!), indicators };
        const rule = errors.codes.find((c) => (c.contexts.length === 0 || c.contexts.includes(s.context))
          && (c.conditions.length === 0 || c.conditions.includes(s.condition)))!;
        if (errors.style === 'e-codes') return { text: errors.title, body: rule.code, indicators };
        return { text: `${errors.title} ${rule.code}`, body: fill(errors.descriptions[s.condition]!), indicators };
      }
      case 'none': return { text: '', indicators: [] };
    }
  }
}
