// The twin's network model checked against the live lab: for every scenario both twin (the
// modeled network) and twin-live (real services) ran, the two outcomes must be the same. Read
// from the two runs' summaries; written as reports/lab-calibration.md with, for each
// disagreement, what each side reported (the screen it stopped on).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';

interface Listed { key: string; name: string; uri: string; reason?: string }
interface RunSummary {
  generation: string;
  results: Array<{ key: string; uri: string; name: string; status: string }>;
  failures: Listed[];
  inconclusiveScenarios: Listed[];
  notApplicableScenarios: Listed[];
}

/** The locations npm test and npm run bench run on twin-live (fixtures/live-lab-selection.txt; # starts a comment). */
export function liveLabSelection(): string[] {
  return readFileSync(join(projectRoot, 'fixtures', 'live-lab-selection.txt'), 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter((l) => l.length > 0);
}

export interface Side { status: string; reason?: string }
export interface Compared { generation: string; key: string; name: string; twin: Side; live: Side }

export interface Calibration {
  /** Scenarios both ran (neither not applicable), each with both outcomes. */
  compared: Compared[];
  disagreements: Compared[];
  /** Scenarios twin-live could not run, with its reason. */
  notRealized: Compared[];
}

function load(file: string): RunSummary[] {
  if (!existsSync(file)) throw new Error(`${file}: no summary (the run did not finish)`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunSummary[];
}

function sideOf(run: RunSummary, key: string, status: string): Side {
  const listed = [...run.failures, ...run.inconclusiveScenarios, ...run.notApplicableScenarios].find((s) => s.key === key);
  return listed?.reason ? { status, reason: listed.reason } : { status };
}

/** Both runs' outcomes, scenario by scenario (by location: file, line and example row). */
export function calibrate(twinSummary: string, liveSummary: string): Calibration {
  const twin = load(twinSummary);
  const live = load(liveSummary);
  const compared: Compared[] = [];
  const notRealized: Compared[] = [];
  for (const run of live) {
    const other = twin.find((r) => r.generation === run.generation);
    if (!other) throw new Error(`${twinSummary}: no run of firmware ${run.generation} to compare twin-live's with`);
    const theirs = new Map(other.results.map((r) => [r.key, r.status]));
    for (const r of run.results) {
      const status = theirs.get(r.key) ?? 'absent';
      const row = { generation: run.generation, key: r.key, name: r.name, twin: sideOf(other, r.key, status), live: sideOf(run, r.key, r.status) };
      if (r.status === 'not-applicable') notRealized.push(row);
      else if (status !== 'not-applicable') compared.push(row);
    }
  }
  return { compared, disagreements: compared.filter((c) => c.twin.status !== c.live.status), notRealized };
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function calibrationMarkdown(c: Calibration): string {
  const lines = [
    '# Lab calibration: the modeled network (twin) against real services (twin-live)',
    '',
    `${c.compared.length} scenarios run by both, ${c.disagreements.length} disagreements; ${c.notRealized.length} not realized by the live lab.`,
    '',
  ];
  if (c.disagreements.length > 0) {
    lines.push('## Disagreements', '');
    for (const d of c.disagreements) {
      lines.push(`### ${d.generation} ${d.key}: ${d.name}`, '', `- twin: ${d.twin.status}${d.twin.reason ? `: ${d.twin.reason}` : ''}`, `- twin-live: ${d.live.status}${d.live.reason ? `: ${d.live.reason}` : ''}`, '');
    }
  }
  lines.push('## Every scenario both ran', '', '| firmware | scenario | twin | twin-live |', '| --- | --- | --- | --- |');
  for (const r of c.compared) lines.push(`| ${r.generation} | ${cell(`${r.key}: ${r.name}`)} | ${r.twin.status} | ${r.live.status} |`);
  if (c.notRealized.length > 0) {
    lines.push('', '## Not realized by the live lab', '', '| firmware | scenario | why |', '| --- | --- | --- |');
    for (const r of c.notRealized) lines.push(`| ${r.generation} | ${cell(`${r.key}: ${r.name}`)} | ${cell(r.live.reason ?? '')} |`);
  }
  return lines.join('\n') + '\n';
}

/** Writes the report; the calibration for the caller to judge. */
export function writeCalibration(twinSummary: string, liveSummary: string, out: string): Calibration {
  const c = calibrate(twinSummary, liveSummary);
  writeFileSync(out, calibrationMarkdown(c));
  return c;
}
