// The menus and procedures of the appliance UI, run from a firmware profile: which screen is
// shown, what each key does there, and which keys act (the navigation indicators). Time and
// side effects are the appliance's: this engine only returns what should happen.
import { isFieldStep, isConfirmStep, isChoiceStep, isLinkStep } from '../../fixtures/profiles.ts';
import type { ChoiceStep, FirmwareProfile, FlowStep, Generation, Key, LinkStep, MenuItemSpec } from '../../fixtures/profiles.ts';
import type { ActionOutcome, ConfigContext } from './config.ts';
import { actions, holds, sources } from './config.ts';
import type { Editor, EditorKey } from './editors.ts';
import { createEditor } from './editors.ts';
import type { ScreenContent } from './lcd.ts';

export type UiEffect =
  | { kind: 'none' }
  /** Leave the menus for the status screen. */
  | { kind: 'exit' }
  /** A flow was confirmed: carry out its outcome, showing `message` while it applies. */
  | { kind: 'perform'; outcome: ActionOutcome; message: string | undefined }
  /** A value was refused: show the reason for a moment, then the field again. */
  | { kind: 'refused'; reason: string }
  /** A port link setting was confirmed ("A change to an Ethernet port setting takes effect right away"). */
  | { kind: 'link'; port: 'LAN' | 'WAN'; value: string };

const none: UiEffect = { kind: 'none' };

type FlowScreen =
  | { kind: 'confirm'; ups: number }
  | { kind: 'field'; editor: Editor }
  | { kind: 'choice'; index: number }
  | { kind: 'link'; editor: Editor; confirming: string | null; ups: number };

interface Place {
  menu: string;
  index: number;
}

type Mode =
  | { kind: 'status' }
  | { kind: 'menu'; menu: string; index: number }
  | { kind: 'flow'; flow: string; origin: Place; step: number; draft: Record<string, string>; screen: FlowScreen };

export interface UiHost {
  context(): ConfigContext;
  /** The status screen (name and IP, activation code, error) and what ENTER does there. */
  statusScreen(): ScreenContent;
  /** Whether the status screen's ENTER retries the platform instead of opening the menu. */
  statusEnterRetries(): boolean;
  retry(): void;
  /** The value a link step starts from. */
  linkSetting(port: 'LAN' | 'WAN'): string;
}

export class Ui {
  readonly #fw: FirmwareProfile;
  readonly #window: number;
  readonly #host: UiHost;
  #mode: Mode = { kind: 'status' };

  constructor(generation: Generation, host: UiHost) {
    this.#fw = generation.firmware;
    this.#window = generation.hardware.lcd.fieldWindow;
    this.#host = host;
  }

  /** Back to the status screen (after boot, a change, or EXIT THIS MENU). */
  reset(): void {
    this.#mode = { kind: 'status' };
  }

  /** The editor on screen, if any (holding UP/DOWN repeats only in text fields). */
  get editor(): Editor | null {
    const m = this.#mode;
    if (m.kind !== 'flow') return null;
    return m.screen.kind === 'field' || m.screen.kind === 'link' ? m.screen.editor : null;
  }

  #items(menu: string): MenuItemSpec[] {
    const config = this.#host.context().config;
    return this.#fw.menus[menu]!.items.filter((item) => holds(item.when, config));
  }

  /** The visible label of each item of a menu, in order. */
  menuLabels(menu: string): string[] {
    return this.#items(menu).map((i) => i.label);
  }

  #placeOf(menu: string, pick: (item: MenuItemSpec) => boolean): Place {
    return { menu, index: Math.max(0, this.#items(menu).findIndex(pick)) };
  }

  #setupNetworkPlace(): Place {
    return this.#placeOf(this.#fw.mainMenu, (i) => i.opens === this.#fw.setupNetworkMenu);
  }

  press(key: EditorKey): UiEffect {
    const m = this.#mode;
    switch (m.kind) {
      case 'status':
        if (key === 'ENTER' && this.#host.statusEnterRetries()) {
          this.#host.retry();
          return none;
        }
        if (key === 'ENTER' || key === 'DOWN') this.#mode = { kind: 'menu', menu: this.#fw.mainMenu, index: 0 };
        return none;
      case 'menu':
        return this.#pressMenu(m, key);
      case 'flow':
        return this.#pressFlow(m, key);
    }
  }

  type(char: string): UiEffect {
    const editor = this.editor;
    if (!editor || this.#mode.kind !== 'flow' || this.#mode.screen.kind !== 'field') return none;
    editor.type(char);
    return none;
  }

  #pressMenu(m: Extract<Mode, { kind: 'menu' }>, key: EditorKey): UiEffect {
    const items = this.#items(m.menu);
    if (key === 'UP' && m.index > 0) m.index--;
    else if (key === 'DOWN' && m.index < items.length - 1) m.index++;
    else if (key === 'ENTER') {
      const item = items[m.index]!;
      if (item.opens) this.#mode = { kind: 'menu', menu: item.opens, index: 0 };
      else if (item.starts) return this.#startFlow(item.starts, { menu: m.menu, index: m.index });
      else return this.#exitMenu(m.menu);
    }
    return none;
  }

  #exitMenu(menu: string): UiEffect {
    const parent = this.#fw.menus[menu]!.parent;
    if (parent === undefined) {
      this.#mode = { kind: 'status' };
      return { kind: 'exit' };
    }
    const place = this.#placeOf(parent, (i) => i.opens === menu);
    this.#mode = { kind: 'menu', ...place };
    return none;
  }

  #startFlow(flow: string, origin: Place): UiEffect {
    const mode: Extract<Mode, { kind: 'flow' }> = { kind: 'flow', flow, origin, step: -1, draft: {}, screen: { kind: 'confirm', ups: 0 } };
    this.#mode = mode;
    return this.#enterStep(mode, 0);
  }

  #steps(flow: string): FlowStep[] {
    return this.#fw.flows[flow]!.steps;
  }

  /** Shows step `index` of the flow, or carries out a `do` step. */
  #enterStep(m: Extract<Mode, { kind: 'flow' }>, index: number): UiEffect {
    const step = this.#steps(m.flow)[index];
    if (!step) return this.#quit(m, 'origin');
    m.step = index;
    // A link step carries its own confirmation ("REALLY SET LAN TO"): it opens on its prompt.
    if (isConfirmStep(step) && !isLinkStep(step)) m.screen = { kind: 'confirm', ups: 0 };
    else if (isChoiceStep(step)) m.screen = { kind: 'choice', index: 0 };
    else if (isFieldStep(step)) {
      const ctx = this.#host.context();
      const editorName = ctx.config.mode === 'ipv6-only' && step.editorIpv6Only ? step.editorIpv6Only : step.editor;
      const initial = m.draft[step.field] ?? sources[step.initial]!(ctx);
      m.screen = { kind: 'field', editor: createEditor(this.#fw, this.#fw.editors[editorName]!, this.#window, initial) };
    } else if (isLinkStep(step)) {
      const editor = createEditor(this.#fw, this.#fw.editors[step.editor]!, this.#window, this.#host.linkSetting(step.link));
      m.screen = { kind: 'link', editor, confirming: null, ups: 0 };
    } else {
      return this.#perform(m, step.do);
    }
    return none;
  }

  #perform(m: Extract<Mode, { kind: 'flow' }>, action: string): UiEffect {
    const outcome = actions[action]!(this.#host.context().config, m.draft);
    const message = this.#fw.flows[m.flow]!.message;
    this.#mode = { kind: 'status' };
    return { kind: 'perform', outcome, message };
  }

  #quit(m: Extract<Mode, { kind: 'flow' }>, to: 'setup-network' | 'origin'): UiEffect {
    const place = to === 'origin' ? m.origin : this.#setupNetworkPlace();
    this.#mode = { kind: 'menu', ...place };
    return none;
  }

  #pressFlow(m: Extract<Mode, { kind: 'flow' }>, key: EditorKey): UiEffect {
    const step = this.#steps(m.flow)[m.step]!;
    const screen = m.screen;
    if (screen.kind === 'confirm' && isConfirmStep(step)) {
      if (key === 'ENTER') return this.#enterStep(m, m.step + 1);
      if (key === 'UP' && ++screen.ups >= step.cancel.upPresses) return this.#quit(m, step.cancel.returnTo);
      return none;
    }
    if (screen.kind === 'choice' && isChoiceStep(step)) {
      const options = this.#choiceOptions(step);
      // "Press the Down arrow to advance through the menu options": they stop at the last (ERRATA-244).
      if (key === 'DOWN') screen.index = Math.min(screen.index + 1, options.length - 1);
      else if (key === 'UP') return this.#quit(m, step.cancel.returnTo);
      else if (key === 'ENTER') {
        const then = options[screen.index]!.then;
        return this.#fw.flows[then] ? this.#startFlow(then, m.origin) : this.#perform(m, then);
      }
      return none;
    }
    if (screen.kind === 'field' && isFieldStep(step)) {
      // 2022 Manual DNS1: "Or press the Up arrow to quit" while nothing is entered (ERRATA-027).
      if (key === 'UP' && step.cancel && screen.editor.blank()) return this.#quit(m, step.cancel.returnTo);
      const result = screen.editor.press(key);
      if (result.kind === 'done') {
        m.draft[step.field] = result.value;
        return this.#enterStep(m, m.step + 1);
      }
      if (result.kind === 'refused') return { kind: 'refused', reason: result.reason };
      return none;
    }
    if (screen.kind === 'link' && isLinkStep(step)) return this.#pressLink(m, step, screen, key);
    return none;
  }

  #pressLink(m: Extract<Mode, { kind: 'flow' }>, step: LinkStep, screen: Extract<FlowScreen, { kind: 'link' }>, key: EditorKey): UiEffect {
    if (screen.confirming !== null) {
      // "When the REALLY SET LAN TO <value> prompt appears, press ENTER to store the configuration
      // setting"; UP cancels the confirmation, as at every confirmation message.
      const value = screen.confirming;
      if (key !== 'ENTER' && key !== 'UP') return none;
      screen.confirming = null;
      screen.ups = 0;
      return key === 'ENTER' ? { kind: 'link', port: step.link, value } : none;
    }
    if (key === 'UP') {
      if (++screen.ups >= step.cancel.upPresses) return this.#quit(m, step.cancel.returnTo);
      return none;
    }
    screen.ups = 0;
    if (key === 'DOWN') {
      if (step.next && holds(step.next.when, this.#host.context().config)) return this.#enterStep(m, step.next.step);
      return none;
    }
    const result = screen.editor.press(key);
    if (result.kind === 'done') screen.confirming = result.value;
    return none;
  }

  #choiceOptions(step: ChoiceStep) {
    const config = this.#host.context().config;
    return step.choose.filter((o) => holds(o.when, config));
  }

  /** What the UI shows now. */
  screen(): ScreenContent {
    const m = this.#mode;
    if (m.kind === 'status') return this.#host.statusScreen();
    if (m.kind === 'menu') {
      const items = this.#items(m.menu);
      const indicators: Key[] = [];
      if (m.index > 0) indicators.push('UP');
      if (m.index < items.length - 1) indicators.push('DOWN');
      indicators.push('ENTER');
      return { text: items[m.index]!.label, indicators };
    }
    const step = this.#steps(m.flow)[m.step]!;
    const screen = m.screen;
    if (screen.kind === 'confirm' && isConfirmStep(step)) return { text: step.confirm, indicators: ['UP', 'ENTER'] };
    if (screen.kind === 'choice' && isChoiceStep(step)) {
      const options = this.#choiceOptions(step);
      const indicators: Key[] = screen.index < options.length - 1 ? ['UP', 'DOWN', 'ENTER'] : ['UP', 'ENTER'];
      return { text: options[screen.index]!.text, indicators };
    }
    if (screen.kind === 'field' && isFieldStep(step)) {
      const view = screen.editor.view();
      return { text: view.title ?? step.prompt, body: view.text, cursor: view.cursor, indicators: screen.editor.acts() };
    }
    if (screen.kind === 'link' && isLinkStep(step)) {
      const value = screen.editor.view().text;
      if (screen.confirming !== null) return { text: `${step.confirm} ${screen.confirming}`, indicators: ['UP', 'ENTER'] };
      const indicators: Key[] = ['UP'];
      if (step.next && holds(step.next.when, this.#host.context().config)) indicators.push('DOWN');
      indicators.push('LEFT', 'RIGHT', 'ENTER');
      return { text: step.prompt, body: value, indicators };
    }
    throw new Error(`flow ${m.flow} step ${m.step} has no screen`);
  }

  /** Whether the field on screen holds a secret (its value stays out of transcripts). */
  showsSecret(): boolean {
    return this.editor?.secret ?? false;
  }
}
