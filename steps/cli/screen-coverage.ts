// Screen-text coverage: which of a firmware profile's screen texts (messages, menu items,
// prompts, confirmations, error texts) appeared in the transcript of a passing scenario of the
// last run against the twin. `npm run screen-coverage` writes reports/screen-texts.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { projectRoot } from '../../fixtures/load.ts';
import type { FirmwareProfile } from '../../fixtures/profiles.ts';
import { isChoiceStep, isConfirmStep, isFieldStep, isLinkStep, listGenerations, loadGeneration } from '../../fixtures/profiles.ts';
import { normalize } from '../support/screens.ts';

export interface ScreenTextEntry {
  kind: string;
  text: string;
}

/** Every text a profile can put on the screen, by kind. */
export function screenTexts(fw: FirmwareProfile): ScreenTextEntry[] {
  const out: ScreenTextEntry[] = [];
  const add = (kind: string, text: string) => {
    if (!out.some((e) => e.text === text)) out.push({ kind, text });
  };
  fw.texts.boot.forEach((t) => add('boot message', t));
  fw.texts.contacting.forEach((t) => add('contacting message', t));
  for (const key of ['activationCode', 'rebooting', 'safeToUnplug', 'communicationFailure', 'cancelingScan'] as const) add('message', fw.texts[key]);
  if (fw.texts.insertDelete) Object.values(fw.texts.insertDelete).forEach((t) => add('insert/delete option', t));
  for (const menu of Object.values(fw.menus)) menu.items.forEach((i) => add('menu item', i.label));
  for (const flow of Object.values(fw.flows)) {
    if (flow.message) add('message', flow.message);
    for (const step of flow.steps) {
      if (isConfirmStep(step)) add('confirmation', step.confirm);
      else if (isFieldStep(step)) add('prompt', step.prompt);
      else if (isLinkStep(step)) {
        add('prompt', step.prompt);
        add('confirmation', step.confirm);
      } else if (isChoiceStep(step)) step.choose.forEach((o) => add('choice', o.text));
    }
  }
  // A refusal counts only where some field of the profile can give it.
  const specs = Object.values(fw.editors);
  const can = {
    ipv4Octet: specs.some((e) => e.kind === 'ipv4'),
    numberRange: specs.some((e) => e.kind === 'digits'),
    embeddedSpace: specs.some((e) => e.kind === 'text' && e.embeddedSpaces === 'refuse'),
    hostSyntax: specs.some((e) => e.kind === 'text' && (e.syntax === 'host-ipv4' || e.syntax === 'host-ipv6')),
    ipv6Syntax: specs.some((e) => e.kind === 'text' && e.syntax === 'ipv6'),
  };
  for (const [reason, text] of Object.entries(fw.refusals)) if (can[reason as keyof typeof can]) add('refusal', text);
  if (fw.errors.style === 'network-err') {
    add('error title', fw.errors.title);
    Object.values(fw.errors.descriptions).forEach((t) => add('error description', t));
  } else if (fw.errors.style === 'long-form') {
    Object.values(fw.errors.messages).forEach((t) => add('error message', t));
  } else {
    add('error title', fw.errors.title);
    fw.errors.codes.forEach((c) => add('error code', c.code));
  }
  for (const fault of Object.values(fw.storageFaults)) if (fault.show === 'error') add('storage error', fault.text);
  return out;
}

/** The screens of passing scenarios' transcripts, each as its two lines and as one text. */
export function passingScreens(messagesFile: string): string[] {
  const envelopes = readFileSync(messagesFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Envelope);
  const failed = new Set<string>();
  for (const e of envelopes) {
    if (e.testStepFinished && e.testStepFinished.testStepResult.status !== 'PASSED') failed.add(e.testStepFinished.testCaseStartedId);
  }
  const screens: string[] = [];
  for (const e of envelopes) {
    const a = e.attachment;
    if (!a || a.fileName !== 'transcript.txt' || !a.testCaseStartedId || failed.has(a.testCaseStartedId)) continue;
    for (const m of a.body.matchAll(/\[(.*?) \| (.*?)\]/g)) {
      screens.push(normalize(m[1]!), normalize(m[2]!), normalize(`${m[1]} ${m[2]}`));
    }
  }
  return screens;
}

export function unseenTexts(generation: string, reportsDir = join(projectRoot, 'reports')): { seen: ScreenTextEntry[]; unseen: ScreenTextEntry[] } | null {
  const file = join(reportsDir, `twin-${generation}`, 'messages.ndjson');
  if (!existsSync(file)) return null;
  const screens = passingScreens(file);
  const firmware = loadGeneration(generation).firmware;
  // A profile documented only by its errors (the older model) is held to its error screens.
  const texts = screenTexts(firmware).filter((t) => firmware.scope === 'all' || t.kind.startsWith('error'));
  const shown = (text: string) => {
    if (text.includes('{code}')) {
      const [before, after] = normalize(text).split('{code}') as [string, string];
      return screens.some((s) => s.startsWith(before) && /^\d{3}/.test(s.slice(before.length)) && s.slice(before.length + 3).startsWith(after));
    }
    const want = normalize(text);
    // An error title is followed by its code; a link confirmation by the setting.
    return screens.some((s) => s === want || s.startsWith(`${want} `));
  };
  return { seen: texts.filter((t) => shown(t.text)), unseen: texts.filter((t) => !shown(t.text)) };
}

if (import.meta.main) {
  const lines = ['# Screen texts seen in passing scenarios', '', 'From the transcripts of the last `npm start` against the twin.', ''];
  let missing = 0;
  for (const generation of listGenerations()) {
    const result = unseenTexts(generation);
    if (!result) {
      lines.push(`## ${generation}: no run found`, '');
      continue;
    }
    missing += result.unseen.length;
    lines.push(`## ${generation}: ${result.seen.length} of ${result.seen.length + result.unseen.length} seen`, '');
    for (const t of result.unseen) lines.push(`- not seen: ${t.kind} "${t.text}"`);
    lines.push('');
    process.stdout.write(`${generation}: ${result.seen.length} seen, ${result.unseen.length} not seen${result.unseen.length ? `: ${result.unseen.map((t) => `"${t.text}"`).join(', ')}` : ''}\n`);
  }
  writeFileSync(join(projectRoot, 'reports', 'screen-texts.md'), lines.join('\n'));
  process.exitCode = missing > 0 ? 1 : 0;
}
