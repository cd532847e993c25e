// The run's own reports beside cucumber's HTML and messages: JUnit XML and an HTML index that
// keep the outcomes apart (passed, failed, not applicable, inconclusive, and informative), which
// cucumber's formatters cannot: to them all but passed and failed are "skipped".
//
// JUnit: a failure is <failure>; inconclusive is <error type="inconclusive"> (the environment
// broke, as JUnit's errors are); not applicable is <skipped>; informative is a passing test case
// with its result in a property and in system-out. Every test case carries its outcome as the
// property "outcome".
// Hand-written: the mapping of five outcomes onto JUnit's elements is ours, and the XML it needs is
// a few escaped elements, not worth a writer library's own model of a test report.
import { writeFileSync } from 'node:fs';
import type { Outcome, RunTally, ScenarioResult } from './tally.ts';
import { outcomes } from './tally.ts';

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => xmlEscapes[c]!);
}

export const outcomeLabels: Record<Outcome, string> = {
  passed: 'passed',
  failed: 'failed',
  'not-applicable': 'not applicable',
  inconclusive: 'inconclusive',
  informative: 'informative',
};

function informativeText(s: ScenarioResult): string {
  if (!s.informative) return '';
  return `${s.informative.agrees ? "took the twin's reading" : 'took another reading'} of ${s.informative.errata.join(', ')}`;
}

function testCase(s: ScenarioResult): string {
  const seconds = (s.wallMs / 1000).toFixed(3);
  const open = `    <testcase classname="${xml(s.uri)}" name="${xml(s.name)}" time="${seconds}">`;
  const property = `      <properties><property name="outcome" value="${s.status}"/><property name="scenario" value="${xml(s.key)}"/>${s.expected ? `<property name="expected" value="${xml(s.expected.tracking)}"/>` : ''}</properties>`;
  const reason = xml(s.reason ?? '');
  let body = '';
  // Known and tracked: not a failure of this run, and not hidden either.
  if (s.expected) body = `      <skipped message="expected ${s.status} (${xml(s.expected.tracking)}): ${xml(s.expected.reason)}; ${reason}"/>`;
  else switch (s.status) {
    case 'failed': body = `      <failure type="failed" message="${reason}">${reason}</failure>`; break;
    case 'inconclusive': body = `      <error type="inconclusive" message="${reason}">${reason}</error>`; break;
    case 'not-applicable': body = `      <skipped message="not applicable: ${reason}"/>`; break;
    case 'informative': body = `      <system-out>informative: ${xml(informativeText(s))}: ${reason}</system-out>`; break;
    case 'passed': break;
  }
  return [open, property, body, '    </testcase>'].filter((l) => l !== '').join('\n');
}

export function junitXml(suiteName: string, tally: RunTally): string {
  const total = tally.scenarios.length;
  const seconds = (tally.scenarios.reduce((sum, s) => sum + s.wallMs, 0) / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(suiteName)}" tests="${total}" failures="${tally.failed}" errors="${tally.inconclusive}" skipped="${tally.notApplicable + tally.expected}" time="${seconds}">`,
    `  <testsuite name="${xml(suiteName)}" tests="${total}" failures="${tally.failed}" errors="${tally.inconclusive}" skipped="${tally.notApplicable + tally.expected}" time="${seconds}">`,
    `    <properties>${outcomes.map((o) => `<property name="${o}" value="${tally.scenarios.filter((s) => s.status === o).length}"/>`).join('')}</properties>`,
    ...tally.scenarios.map(testCase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export function writeJunit(file: string, suiteName: string, tally: RunTally): void {
  writeFileSync(file, junitXml(suiteName, tally));
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML: escaped; control characters (a unit's terminal codes in a reason) dropped. */
// eslint-disable-next-line no-control-regex
export const html = (text: unknown) => String(text ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"']/g, (c) => htmlEscapes[c]!);

/** A standalone page: the counts of each outcome, then each outcome's scenarios with their reasons. */
export function outcomesHtml(title: string, tally: RunTally): string {
  const item = (s: ScenarioResult, text: string | null) => `<li><code>${html(s.key)}</code> ${html(s.name)}${text ? `<br><span class="reason">${html(text)}</span>` : ''}</li>`;
  const section = (id: string, label: string, items: string[]) => `<section aria-labelledby="${id}"><h2 id="${id}">${label}: ${items.length}</h2>${items.length ? `<ul>${items.join('')}</ul>` : '<p>none</p>'}</section>`;
  const sections = outcomes.map((o) => section(o, outcomeLabels[o], tally.scenarios.filter((s) => s.status === o && !s.expected)
    .map((s) => item(s, s.reason && o === 'informative' ? `${informativeText(s)}: ${s.reason}` : s.reason))));
  const expected = tally.scenarios.filter((s) => s.expected);
  if (expected.length > 0) {
    sections.push(section('expected', 'expected failures (known, tracked; not failing the run)',
      expected.map((s) => item(s, `${outcomeLabels[s.status]} as expected (${s.expected!.tracking}: ${s.expected!.reason}): ${s.reason ?? ''}`))));
  }
  const counts = [...outcomes.map((o) => `<tr><th scope="row">${outcomeLabels[o]}</th><td>${tally.scenarios.filter((s) => s.status === o && !s.expected).length}</td></tr>`),
    ...(expected.length > 0 ? [`<tr><th scope="row">expected failures</th><td>${expected.length}</td></tr>`] : [])].join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}table{border-collapse:collapse}th,td{padding:.2rem .8rem;text-align:left}.reason{color:#444}</style>
</head><body><main>
<h1>${html(title)}</h1>
<p>Failed: the appliance departs from the guide. Not applicable: the target lacks what the scenario needs, or the unit is not in a state it can use. Inconclusive: the lab or the environment broke. Informative: the scenario tests the twin's reading of something the guide leaves open, on an appliance that is not the twin; never counted as failed. Every scenario's transcript and evidence are in <a href="cucumber.html">cucumber.html</a>.</p>
<table><caption>Outcomes</caption><tbody>${counts}</tbody></table>
${sections.join('\n')}
</main></body></html>
`;
}
