// The certificate page of a certification bundle (<bundle>/index.html): what a person reads
// first. One standalone file (no script, no external asset, so it opens offline years later and
// shows nothing the signed files do not) with the guide chapters' outcomes as bars, each failure
// with the guide's words, the reason and the screen the unit showed, and links to evidence files
// written beside it (evidence/<generation>/<key>.txt and .png, taken from the run's messages).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { parse as parseYaml } from 'yaml';
import type { Key } from '../../fixtures/profiles.ts';
import { projectRoot } from '../../fixtures/load.ts';
import { requirementIds } from './coverage.ts';
import { filesOf } from './bundle.ts';
import type { CertificationRecord } from './certify.ts';
import type { StatementRecord } from './probed.ts';
import { glyphs } from '../support/screens.ts';
import { html } from './report.ts';
import { nodeLines, scenarioKey } from './tally.ts';

interface Screen { lines: [string, string]; indicators: string[]; cursor: { row: number; col: number } | null }
interface Result { key: string; name: string; tags: string[]; status: string; expected?: true; reason?: string | null; screen?: Screen }
interface Run { generation: string; wallMs?: number; applianceMs?: number; results: Result[] }
interface Shown { mac?: string | null; model?: string | null; serialNumber?: string | null; how: string }
interface Identity { declared: { model?: string; serialNumber?: string } | null; shown: Record<string, Shown> }
interface Evidence { texts: Array<{ name: string; body: string }>; pngs: Buffer[] }
type Failure = Result & { generation: string; links: Array<{ href: string; label: string }> };

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const readOptional = <T>(file: string): T | null => (existsSync(file) ? readJson<T>(file) : null);
/** A key or generation as a file name: letters and digits kept, everything else '-'. */
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9]/g, '-');

// The bar's segments, left to right; informative apart from passed (it never says the unit agrees).
const segments = [
  { status: 'passed', label: 'passed', colour: '#2e7d32' },
  { status: 'informative', label: 'informative', colour: '#1565c0' },
  { status: 'failed', label: 'failed', colour: '#c62828' },
  { status: 'not-applicable', label: 'not applicable', colour: '#9e9e9e' },
  { status: 'inconclusive', label: 'inconclusive', colour: '#f9a825' },
] as const;
const OTHER = 'Other (no requirement of the guide)';

/** The guide's chapters in register order, and each requirement's chapter and quote. */
function loadRegisters(): { chapters: string[]; requirements: Map<string, { chapter: string; quote: string }> } {
  const dir = join(projectRoot, 'fixtures', 'requirements');
  const chapters: string[] = [];
  const requirements = new Map<string, { chapter: string; quote: string }>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const data = parseYaml(readFileSync(join(dir, name), 'utf8')) as { chapter: string; requirements: Array<{ id: string; quote: string }> };
    chapters.push(data.chapter);
    for (const r of data.requirements) requirements.set(r.id, { chapter: data.chapter, quote: r.quote });
  }
  return { chapters, requirements };
}

/** Each scenario's attachments (text and PNG) from a run's messages, by run.json's key. */
function readEvidence(messagesFile: string): Map<string, Evidence> {
  const byKey = new Map<string, Evidence>();
  if (!existsSync(messagesFile)) return byKey;
  const lines = new Map<string, Map<string, number>>();
  const pickleKeys = new Map<string, string>();
  const testCases = new Map<string, string>();
  const started = new Map<string, string>();
  for (const text of readFileSync(messagesFile, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    const e = JSON.parse(text) as Envelope;
    if (e.gherkinDocument?.uri) lines.set(e.gherkinDocument.uri, nodeLines(e.gherkinDocument));
    else if (e.pickle) pickleKeys.set(e.pickle.id, scenarioKey(e.pickle, lines.get(e.pickle.uri) ?? new Map()));
    else if (e.testCase) testCases.set(e.testCase.id, e.testCase.pickleId);
    else if (e.testCaseStarted) started.set(e.testCaseStarted.id, e.testCaseStarted.testCaseId);
    else if (e.attachment?.testCaseStartedId) {
      const a = e.attachment;
      const key = pickleKeys.get(testCases.get(started.get(a.testCaseStartedId!) ?? '') ?? '');
      if (!key) continue;
      const evidence = byKey.get(key) ?? { texts: [], pngs: [] };
      byKey.set(key, evidence);
      const bytes = Buffer.from(a.body, a.contentEncoding === 'BASE64' ? 'base64' : 'utf8');
      if (a.mediaType === 'image/png') evidence.pngs.push(bytes);
      else if (a.mediaType.startsWith('text/')) evidence.texts.push({ name: a.fileName ?? `${a.mediaType} attachment`, body: bytes.toString('utf8') });
    }
  }
  // The transcript first: it is what a person reads to see what happened.
  for (const evidence of byKey.values()) evidence.texts.sort((a, b) => Number(b.name === 'transcript.txt') - Number(a.name === 'transcript.txt'));
  return byKey;
}

/** Writes a scenario's evidence files; the relative links to them. */
function writeEvidence(bundle: string, generation: string, key: string, evidence: Evidence | undefined): Failure['links'] {
  if (!evidence) return [];
  const dir = join('evidence', fileSafe(generation));
  mkdirSync(join(bundle, dir), { recursive: true });
  const base = `${dir}/${fileSafe(key)}`;
  const links: Failure['links'] = [];
  if (evidence.texts.length > 0) {
    writeFileSync(join(bundle, `${base}.txt`), evidence.texts.map((t) => `==== ${t.name} ====\n${t.body.endsWith('\n') ? t.body : `${t.body}\n`}`).join('\n'));
    links.push({ href: `${base}.txt`, label: `transcript and logs (${evidence.texts.map((t) => t.name).join(', ')})` });
  }
  evidence.pngs.forEach((png, i) => {
    const href = `${base}${i === 0 ? '' : `-${i + 1}`}.png`;
    writeFileSync(join(bundle, href), png);
    links.push({ href, label: `screenshot${evidence.pngs.length > 1 ? ` ${i + 1}` : ''} (PNG)` });
  });
  return links;
}

function chapterBars(chapters: string[], requirements: Map<string, { chapter: string }>, runs: Run[]): string {
  const counts = new Map<string, Map<string, number>>([...chapters, OTHER].map((c) => [c, new Map()]));
  const add = (chapter: string, status: string) => counts.get(chapter)!.set(status, (counts.get(chapter)!.get(status) ?? 0) + 1);
  for (const r of runs.flatMap((run) => run.results)) {
    const inChapters = new Set(requirementIds(r.tags).map((id) => requirements.get(id)?.chapter).filter((c) => c !== undefined));
    for (const chapter of inChapters.size > 0 ? inChapters : [OTHER]) {
      add(chapter, r.status);
      if (r.expected) add(chapter, 'expected');
    }
  }
  const rows = [...counts].filter(([chapter, c]) => chapter !== OTHER || c.size > 0).map(([chapter, c]) => {
    const n = (status: string) => c.get(status) ?? 0;
    const total = segments.reduce((sum, s) => sum + n(s.status), 0);
    const words = `${chapter}: ${segments.map((s) => `${n(s.status)} ${s.label}`).join(', ')}${n('expected') ? `; ${n('expected')} of them expected failures` : ''}`;
    let x = 0;
    const rects = segments.filter((s) => n(s.status) > 0).map((s) => {
      const width = (n(s.status) / total) * 300;
      x += width;
      return `<rect x="${(x - width).toFixed(1)}" y="0" width="${width.toFixed(1)}" height="20" fill="${s.colour}"/>`;
    });
    const svg = `<svg role="img" aria-label="${html(words)}" width="300" height="20" viewBox="0 0 300 20"><title>${html(words)}</title><rect width="300" height="20" fill="#eee"/>${rects.join('')}</svg>`;
    return `<tr><th scope="row">${html(chapter)}</th><td>${svg}</td>${segments.map((s) => `<td>${n(s.status)}</td>`).join('')}<td>${n('expected')}</td></tr>`;
  });
  const legend = segments.map((s) => `<span class="swatch" style="background:${s.colour}"></span> ${s.label}`).join(', ');
  return `<table><caption>Scenarios per chapter of the guide, over all generations. Bars, left to right: ${legend}.</caption>
<thead><tr><th scope="col">Chapter</th><th scope="col">Outcomes</th>${segments.map((s) => `<th scope="col">${s.label}</th>`).join('')}<th scope="col">of which expected failures</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/** The two-line, 16-character LCD as the unit showed it: cursor underlined, indicators as arrows. */
function lcd(screen: Screen): string {
  const lines = screen.lines.map((line, row) => [...line.padEnd(16)].map((ch, col) => {
    const at = screen.cursor?.row === row && screen.cursor.col === col;
    return at ? `<span class="cursor">${html(ch)}</span>` : html(ch);
  }).join(''));
  const indicators = screen.indicators.map((i) => glyphs[i as Key] ?? i);
  const cursor = screen.cursor ? `cursor at line ${screen.cursor.row + 1}, column ${screen.cursor.col + 1} (underlined)` : 'no cursor';
  const shown = screen.indicators.length ? `indicators ${screen.indicators.map((i) => `${glyphs[i as Key] ?? ''} ${i}`.trim()).join(', ')}` : 'no indicators';
  return `<figure class="lcd"><pre>${lines.join('\n')}</pre><div class="indicators" aria-hidden="true">${html(indicators.join(' ') || '\u00a0')}</div>
<figcaption>The screen the unit showed last: ${cursor}; ${html(shown)}.</figcaption></figure>`;
}

function failureEntry(f: Failure, requirements: Map<string, { quote: string }>): string {
  const quotes = requirementIds(f.tags).filter((id) => requirements.has(id))
    .map((id) => `<blockquote><p>${html(requirements.get(id)!.quote)}</p><footer>${html(id)}</footer></blockquote>`);
  const links = f.links.map((l) => `<li><a href="${html(l.href)}">${html(l.label)}</a></li>`);
  return `<article><h3>${html(f.name)}</h3><dl>
<dt>Scenario</dt><dd><code>${html(f.key)}</code>, generation ${html(f.generation)}</dd>
<dt>The guide says</dt><dd>${quotes.join('') || 'no requirement of the guide'}</dd>
<dt>Reason</dt><dd class="reason">${html(f.reason ?? 'none given')}</dd>
<dt>Screen</dt><dd>${f.screen ? lcd(f.screen) : 'not recorded'}</dd>
<dt>Evidence</dt><dd>${links.length ? `<ul>${links.join('')}</ul>` : 'none recorded'}</dd></dl></article>`;
}

function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return 'not recorded';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(1)} s`;
  const parts = [[Math.floor(s / 3600), 'h'], [Math.floor(s / 60) % 60, 'min'], [s % 60, 's']] as const;
  return parts.filter(([n], i) => n > 0 || i === 2).map(([n, unit]) => `${n} ${unit}`).join(' ');
}

function identityTable(identity: Identity | null): string {
  if (!identity) return '<p>Identity: not recorded (this bundle predates identity.json).</p>';
  const cell = (v: string | null | undefined) => `<td>${v ? html(v) : 'not shown'}</td>`;
  const declared = identity.declared
    ? `<tr><th scope="row">declared by the lab</th><td>—</td>${cell(identity.declared.model)}${cell(identity.declared.serialNumber)}<td>the lab's statement</td></tr>` : '';
  const shown = Object.entries(identity.shown).map(([g, s]) => `<tr><th scope="row">shown, generation ${html(g)}</th>${cell(s.mac)}${cell(s.model)}${cell(s.serialNumber)}<td>${html(s.how)}</td></tr>`);
  return `<table><thead><tr><th scope="col">Source</th><th scope="col">MAC address</th><th scope="col">Model</th><th scope="col">Serial number</th><th scope="col">How</th></tr></thead><tbody>${declared}${shown.join('')}</tbody></table>`;
}

/** The statement as each unit was probed, and where it departs from the declared one. */
function probedSection(bundle: string, record: StatementRecord | undefined): string {
  if (!record) return '<h3>As probed</h3><p>Not recorded (this bundle predates probed statements).</p>';
  const probed = record.probed.map((p) => `<h3>As probed: ${html(p.unit)}</h3>${p.differences.length === 0
    ? '<p>The probe agrees with the declared statement (generation, console layout, entry, activation).</p>'
    : `<table><caption>Where the probe departs from the declared statement</caption><thead><tr><th scope="col">Field</th><th scope="col">Declared</th><th scope="col">Probed</th></tr></thead><tbody>${
      p.differences.map((d) => `<tr><th scope="row"><code>${html(d.field)}</code></th><td><code>${html(d.declared)}</code></td><td><code>${html(d.probed)}</code></td></tr>`).join('')}</tbody></table>`}<pre class="statement">${html(readFileSync(join(bundle, p.file), 'utf8'))}</pre>`);
  const unprobed = record.notProbed.length ? `<h3>Not probed</h3><ul>${record.notProbed.map((n) => `<li>${html(n)}</li>`).join('')}</ul>` : '';
  return probed.join('\n') + unprobed;
}

function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${html(title)}</h2>\n${body}\n</section>`;
}

/** Writes <bundle>/index.html and the evidence files it links to, from the bundle's files. */
export function writeCertificate(bundle: string): void {
  const statementText = readFileSync(join(bundle, 'statement.yaml'), 'utf8');
  const statement = (parseYaml(statementText) ?? {}) as { name?: string; description?: string };
  const suite = readJson<{ version: string; commit: string; modified: string[] }>(join(bundle, 'suite.json'));
  const identity = readOptional<Identity>(join(bundle, 'identity.json'));
  const certification = readJson<CertificationRecord>(join(bundle, 'certification.json'));
  const timing = readOptional<Record<string, { wallMs: number | null; applianceMs: number | null }>>(join(bundle, 'timing.json')) ?? {};
  const table = readJson<Record<string, { outcome: string }>>(join(bundle, 'requirements.json'));
  const runs = certification.generations.map((g) => readJson<Run>(join(bundle, 'runs', g, 'run.json')));
  const { chapters, requirements } = loadRegisters();

  const listed: Failure[] = [];
  for (const run of runs) {
    const wanted = run.results.filter((r) => r.status === 'failed' || r.status === 'inconclusive');
    // A merged bundle keeps each shard's messages under runs/<generation>/shards/<k>/.
    const evidence = new Map<string, Evidence>(wanted.length === 0 ? [] : filesOf(join(bundle, 'runs', run.generation)).filter((f) => basename(f) === 'messages.ndjson')
      .flatMap((f) => [...readEvidence(join(bundle, 'runs', run.generation, f))]));
    for (const r of wanted) listed.push({ ...r, generation: run.generation, links: writeEvidence(bundle, run.generation, r.key, evidence.get(r.key)) });
  }
  const entries = (pick: (f: Failure) => boolean, none: string) => {
    const chosen = listed.filter(pick);
    return chosen.length ? chosen.map((f) => failureEntry(f, requirements)).join('\n') : `<p>${none}</p>`;
  };
  const outcomeCount = (o: string) => Object.values(table).filter((r) => r.outcome === o).length;
  const idsWith = (o: string) => Object.entries(table).filter(([, r]) => r.outcome === o).map(([id]) => `<code>${html(id)}</code>`).join(', ');
  const sections: Array<[string, string, string]> = [
    ['chapters', 'Guide chapters', chapterBars(chapters, requirements, runs)],
    ['failures', 'Failures', entries((f) => f.status === 'failed' && !f.expected, 'No scenario failed.')],
    ['expected', 'Expected failures (known and tracked; they do not fail the certification)', entries((f) => Boolean(f.expected), 'None.')],
    ['inconclusive', 'Inconclusive results (the lab or environment broke; nothing is said of the unit)', entries((f) => f.status === 'inconclusive' && !f.expected, 'None.')],
    ['requirements', 'Requirements', `<table><thead><tr><th scope="col">Outcome</th><th scope="col">Requirements</th><th scope="col">Which</th></tr></thead><tbody>${
      ['verified', 'failed', 'not applicable', 'inconclusive'].map((o) => `<tr><th scope="row">${o}</th><td>${outcomeCount(o)}</td><td>${o === 'verified' || o === 'not applicable' ? '' : idsWith(o)}</td></tr>`).join('')}</tbody></table>`],
    ['timing', 'Timing', `<table><thead><tr><th scope="col">Generation</th><th scope="col">Wall time</th><th scope="col">Appliance time</th></tr></thead><tbody>${
      certification.generations.map((g) => `<tr><th scope="row">${html(g)}</th><td>${duration(timing[g]?.wallMs)}</td><td>${duration(timing[g]?.applianceMs)}</td></tr>`).join('')}</tbody></table>`],
    ['identity', 'Appliance identity', identityTable(identity)],
    ['suite', 'Suite', `<dl><dt>Version</dt><dd>${html(suite.version)}</dd><dt>Commit</dt><dd><code>${html(suite.commit)}</code></dd><dt>Modified</dt><dd>${
      suite.modified.length ? `yes: uncommitted changes to ${suite.modified.map((m) => `<code>${html(m)}</code>`).join(', ')}` : 'no (the commit as it is)'}</dd></dl>`],
    ['statement', 'Capability statement', `<h3>As declared</h3><p><strong>${html(statement.name ?? 'unnamed')}</strong>: ${html(statement.description ?? 'no description')}</p><pre class="statement">${html(statementText)}</pre>\n${probedSection(bundle, certification.statement)}`],
  ];
  const title = `Certification of ${certification.target}`;
  const verdict = certification.exitCode === 0 ? 'certified: every scenario passed, was not applicable or was an expected failure' : `not certified (exit code ${html(certification.exitCode)})`;
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(title)}</title>
<style>body{font-family:sans-serif;max-width:64rem;margin:1rem auto;padding:0 1rem;line-height:1.4}table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.2rem .6rem;text-align:left;vertical-align:top;border-bottom:1px solid #ddd}
caption{text-align:left;font-style:italic}.swatch{display:inline-block;width:.8em;height:.8em;border:1px solid #000}nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
article{border-left:4px solid #c62828;padding-left:1rem;margin:1rem 0}blockquote{margin:.2rem 0 .2rem 1rem;font-style:italic}blockquote footer{font-style:normal;font-size:.9em}
.lcd{display:inline-block;margin:0}.lcd pre{background:#9bbc0f;color:#0f380f;font:1.4rem/1.3 monospace;padding:.4rem .6rem;margin:0;border:3px solid #333;width:max-content}
.lcd .cursor{text-decoration:underline;text-decoration-thickness:3px}.indicators{font:1.2rem monospace}.statement{background:#f4f4f4;padding:.5rem;overflow-x:auto}</style>
</head><body>
<header><h1>${html(title)}</h1><p>Generations ${html(certification.generations.join(', '))}${certification.expect ? `, expectations ${html(certification.expect)}` : ''}, at ${html(certification.at)}: <strong>${verdict}</strong>.</p></header>
<nav aria-label="Sections"><ul>${sections.map(([id, t]) => `<li><a href="#${id}">${html(t.replace(/ \(.*\)$/, ''))}</a></li>`).join('')}</ul></nav>
<main>
${sections.map(([id, t, body]) => section(id, t, body)).join('\n')}
</main>
<footer><p>Written from the bundle's files; the signed manifest (npm run verify) is what vouches for them.</p></footer>
</body></html>
`;
  writeFileSync(join(bundle, 'index.html'), page);
}
