// The probe (npm run probe): finds how an unknown unit's remote console lays out the LCD, which
// firmware generation it runs and how it answers, and writes that down as a capability
// statement. The guide says nothing of the layout ("Both the LCD display and Remote Console offer
// the same functionality and share the same menus and navigation"), so nothing of it is assumed:
// keys are pressed the guide's safe way and the 80x24 grid is watched for where the guide's texts
// appear and which cells change. Once the layout is known, the suite's own target and tasks do the
// rest (the generation read off SETUP NETWORK, the way back to the status screen).
import type { ConsoleLayout } from '../../../../fixtures/consoles.ts';
import { listGenerations, loadGeneration } from '../../../../fixtures/profiles.ts';
import type { TargetStatement } from '../../../../fixtures/targets.ts';
import { loadTargetStatement, validateStatement } from '../../../../fixtures/targets.ts';
import { Actor } from '../../actor.ts';
import type { Capability, ScreenSnapshot } from '../../protocols.ts';
import { recognize } from '../../recognize.ts';
import { describeScreen } from '../../screens.ts';
import { readSetupNetwork } from '../../tasks/menus.ts';
import { goToStatus } from '../../tasks/navigation.ts';
import { generationsFitting } from '../claims.ts';
import { classify, gist, guideTexts } from './guide-texts.ts';
import type { Exploration } from './layout-search.ts';
import { explore, layoutOf, toStatus } from './layout-search.ts';
import { LinkError, openLink } from './link.ts';
import { ProbeError, RawConsole } from './raw-console.ts';
import { garbled, keepPicture, WAKE_MS } from './session.ts';
import { AnswerTiming, SerialLine } from './line.ts';
import { SerialTarget } from './target.ts';

export { ProbeError };

export interface ProbeOptions {
  /** serial:<path> or tcp:<host>:<port>. */
  target: string;
  /** The statement's name (default "probed"). */
  name?: string;
  /** The date written into the description. */
  now?: Date;
}

export interface ProbeResult {
  /** The statement as checked (defaults filled in). */
  statement: TargetStatement;
  /** The statement as it is written: what was found, no defaults. */
  written: Record<string, unknown>;
  layout: ConsoleLayout;
  generation: string;
  /** The SETUP NETWORK menu as read. */
  labels: string[];
  /** The status screen the unit was left on. */
  final: ScreenSnapshot;
  /** What the probe did to the unit beyond looking (the wake ENTER on an awake console). */
  notes: string[];
}

// A unit on a line runs on its own clock: network-pace (fixtures/targets.ts).
const capabilities: Capability[] = ['keypad', 'screen', 'console', 'network-pace'];

export async function probe(options: ProbeOptions): Promise<ProbeResult> {
  const port = options.target;
  const link = await openLink(port);
  const raw = new RawConsole(link);
  let line: SerialLine | null = null;
  // A silent or garbled line leaves no picture worth keeping.
  let keep = true;
  try {
    return await probeOn(raw, options, (l) => { line = l; });
  } catch (error) {
    if (error instanceof LinkError) keep = false;
    throw error;
  } finally {
    // The terminal's picture for the next run on this line, as `wake()` expects it.
    const kept = line as SerialLine | null;
    if (keep && kept) keepPicture(kept);
    else if (keep) raw.keepPicture();
    raw.dispose();
    await link.close();
  }
}

async function probeOn(raw: RawConsole, options: ProbeOptions, handOver: (line: SerialLine) => void): Promise<ProbeResult> {
  const port = options.target;
  const texts = guideTexts();
  const notes: string[] = [];

  // 1. The picture the terminal kept: an awake console sends only what changed.
  const before = await raw.restorePicture();

  // 2. One ENTER: "Press the ENTER key on the VT100 terminal's keyboard to display the Remote Console interface".
  if (!(await raw.send('\r', WAKE_MS, false))) {
    throw new LinkError(`${port}: the console answered nothing to ENTER within ${WAKE_MS / 1000} s: is the appliance on, and was the console cable connected before it started (the guide: reboot the appliance after connecting the console)?`);
  }
  const bytes = Uint8Array.from(raw.firstBytes);
  if (garbled(bytes) > bytes.length / 10) {
    throw new LinkError(`${port}: the console answered ${raw.received} bytes of garbage, not a VT100 screen: check 9600 baud, 8 data bits, no parity, 2 stop bits, no flow control, VT100`);
  }
  const woken = classify(raw.rows(), texts);
  if (!woken) throw new ProbeError(`${port}: the console shows ${gist(raw.rows())}, where no text of any firmware profile (${listGenerations().join(', ')}) appears`);
  // A console that was awake took the ENTER as a key (the status screen opens the main menu).
  const earlier = before ? classify(before, texts) : null;
  if (earlier && earlier.text !== woken.text) notes.push(`the console was awake: the waking ENTER took the unit from "${earlier.text}" to "${woken.text}"`);

  // 3. The status screen, then the main menu: "The first menu option displayed is SETUP NETWORK".
  await toStatus(raw, texts, port);
  let explored: Exploration;
  let layout: ConsoleLayout;
  try {
    explored = await explore(raw, texts, port);
    layout = layoutOf(port, explored, explored.width);
  } catch (error) {
    // The unit goes back to its status screen the documented way before the error is told.
    await toStatus(raw, texts, port, 30_000).catch(() => {});
    throw error;
  }
  const { width, provisional, entry } = explored;
  const generation0 = loadGeneration(provisional);

  // 6. From here the suite's own line, target and tasks: back to the status screen the documented
  // way (ENTER through the fields, the Up arrow at the confirmation), then SETUP NETWORK read.
  const timing = new AnswerTiming({ firstByteMs: Math.max(1000, ...raw.latencies.map((l) => 4 * l)), quietMs: Math.max(100, ...raw.gaps.map((g) => 3 * g)) });
  const provisionalStatement = validateStatement(statementData(options, port, provisional, layout, entry, undefined, undefined, ''), `the probe of ${port}`);
  const line = new SerialLine(raw.link, generation0.firmware, layout, timing);
  await line.decoder.write(Buffer.from(raw.picture(), 'latin1'));
  handOver(line);
  if (recognize(line.decoder.snapshot(0), generation0.firmware).kind !== 'field') {
    await toStatus(raw, texts, port, 30_000).catch(() => {});
    throw new ProbeError(`${port}: the layout found does not read the field back: it reads ${describeScreen(line.decoder.snapshot(0))}`);
  }
  raw.live = false;
  const target = new SerialTarget({ name: provisionalStatement.name, generation: provisional, capabilities: new Set(capabilities), statement: provisionalStatement }, line, 0);
  const actor = Actor.using(target);
  let labels: string[];
  let final: ScreenSnapshot;
  try {
    await goToStatus(actor);
    labels = await readSetupNetwork(actor);
    final = await target.screen.read();
  } finally {
    await target.stop();
  }

  // 7. The generation, from its SETUP NETWORK menu.
  const generations = generationsFitting(labels);
  if (generations.length !== 1) {
    throw new ProbeError(`${port}: SETUP NETWORK shows ${labels.join(' / ')}, the menu of ${generations.length === 0 ? 'no known firmware generation' : `generations ${generations.join(' and ')} alike`}: cannot tell which the unit runs`);
  }
  const generation = generations[0]!;
  const { firmware, hardware } = loadGeneration(generation);
  if (hardware.lcd.columns !== width) layout = layoutOf(port, explored, hardware.lcd.columns);
  const shown = recognize(final, firmware);
  if (shown.kind !== 'status') throw new ProbeError(`${port}: the unit did not end on its status screen; it shows ${describeScreen(final)}`);
  const activated = shown.shows === 'name-and-ip' ? true : shown.shows === 'activation-code' ? false : undefined;
  const user = activated ? /^is_(\S+)$/.exec(final.lines[0].trim())?.[1] : undefined;

  // 8. Timing with generous margins over the worst seen.
  const slowest = Math.max(timing.slowestLatencyMs, ...raw.latencies);
  const longestPause = Math.max(timing.longestGapMs, ...raw.gaps);
  const measured = {
    firstByteMs: Math.min(10_000, Math.ceil(Math.max(200, 4 * slowest))),
    quietMs: Math.min(5_000, Math.ceil(Math.max(10, 3 * longestPause))),
  };
  const statusNote = activated === undefined ? `its status screen shows ${describeScreen(final)}, which says nothing of its activation`
    : activated ? `activated${user ? ` by ${user}` : ''}` : 'not activated (ACTIVATION CODE)';
  const reset = labels.find((l) => /^RESET NETWORK/.test(l));
  const description = `${port} as probed on ${(options.now ?? new Date()).toISOString().slice(0, 10)}: firmware ${generation}${reset ? ` (SETUP NETWORK shows ${reset})` : ''}, `
    + `${statusNote}, ${entry === 'typing' ? 'characters typed into fields' : 'fields entered with the arrows only'}, `
    + `keys answered within ${slowest.toFixed(0)} ms${notes.length ? `; ${notes.join('; ')}` : ''}`;
  const written = statementData(options, port, generation, layout, entry, measured, activated === undefined ? undefined : { activated, ...(user ? { activatedBy: user } : {}) }, description);
  const statement = validateStatement(written, `the probe of ${port}`);
  return { statement, written, layout, generation, labels, final, notes };
}

/** The statement as data, in the order a person would write it. */
function statementData(options: ProbeOptions, port: string, generation: string, layout: ConsoleLayout, entry: 'typing' | 'arrows',
  timing: { firstByteMs: number; quietMs: number } | undefined, unit: { activated: boolean; activatedBy?: string } | undefined, description: string): Record<string, unknown> {
  const { draw: _draw, ...written } = layout;
  return {
    name: options.name ?? 'probed',
    description: description || `${port}, being probed`,
    driver: 'serial',
    generations: [generation],
    capabilities,
    units: 'one',
    readings: 'informative',
    // A unit on a real line is slow (boots, 9600 baud): the serial target's own step timeout.
    stepTimeoutSeconds: loadTargetStatement('serial').stepTimeoutSeconds,
    console: written,
    entry,
    ...(timing ? { timing } : {}),
    ...(unit ? { unit } : {}),
  };
}
