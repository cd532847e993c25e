// The certificate page, from a small synthetic bundle (two generations; a failure with a reason,
// a screen and evidence, an expected failure on an Examples row, an inconclusive, a not
// applicable, an informative and an untagged scenario): the words and numbers a person reads,
// the evidence files it links to, and, in Chromium, its landmarks, headings and bar labels.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { chromiumPath } from '../support/browser.ts';
import { writeCertificate } from './certificate.ts';

const dir = mkdtempSync(join(tmpdir(), 'qsa-certificate-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const VLAN_QUOTE = 'The Scanner Appliance supports VLAN trunking on the LAN interface for scanning traffic.';
const REASON = 'expected the screen to show "VLAN ID: 0042" but it showed "VLAN ID: 0000"';
const TRANSCRIPT = '0:00.0  press OK\n0:00.4  screen: VLAN ID: 0000\n';
const FAILED_KEY = 'features/network/vlan.feature:20';
const EXPECTED_KEY = 'features/get-started/kit.feature:30:41';
// A 1x1 PNG: the portal's screenshot as the messages carry it (base64).
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const runs = {
  '2017': [
    { key: 'features/network/vlan.feature:10', name: 'VLAN trunking on the LAN', tags: ['@VLAN-001'], status: 'passed' },
    {
      key: FAILED_KEY, name: 'Set a VLAN ID', tags: ['@guide:vlan-appliance-ui', '@VLAN-001'], status: 'failed', reason: REASON,
      screen: { lines: ['VLAN ID:', '0000'], indicators: ['UP', 'DOWN'], cursor: { row: 1, col: 3 } },
    },
    { key: 'features/troubleshooting/errors.feature:5', name: 'Network error shown', tags: ['@TRB-001'], status: 'not-applicable', reason: 'the unit has no WAN port' },
    { key: 'features/tour/welcome.feature:7', name: 'Welcome on first connection', tags: ['@FP-001'], status: 'inconclusive', reason: "the lab's power switch did not answer" },
  ],
  '2022': [
    { key: EXPECTED_KEY, name: 'Starter kit contents', tags: ['@PKG-001'], status: 'failed', expected: true, reason: 'expected a power cord but the kit list had none' },
    { key: 'features/misc/untagged.feature:3', name: 'Untagged scenario', tags: [], status: 'passed' },
    { key: 'features/network/vlan.feature:50', name: 'VLAN reading', tags: ['@VLAN-001'], status: 'informative' },
  ],
};

/** The envelopes that tie one scenario's attachments to its key (and an Examples row's). */
function messages(uri: string, scenarioLine: number, rowLine: number | null, attachments: object[]): string {
  const examples = rowLine === null ? [] : [{ tableBody: [{ id: 'row', location: { line: rowLine } }] }];
  return [
    { gherkinDocument: { uri, feature: { children: [{ scenario: { id: 'scenario', location: { line: scenarioLine }, examples } }] } } },
    { pickle: { id: 'pickle', uri, name: 'x', astNodeIds: rowLine === null ? ['scenario'] : ['scenario', 'row'], tags: [], steps: [] } },
    { testCase: { id: 'case', pickleId: 'pickle', testSteps: [] } },
    { testCaseStarted: { id: 'started', testCaseId: 'case', attempt: 0, timestamp: { seconds: 0, nanos: 0 } } },
    ...attachments.map((a) => ({ attachment: { testCaseStartedId: 'started', ...a } })),
  ].map((e) => JSON.stringify(e)).join('\n') + '\n';
}

function makeBundle(name: string, withIdentity: boolean): string {
  const bundle = join(dir, name);
  const write = (file: string, data: unknown) => {
    mkdirSync(join(bundle, file, '..'), { recursive: true });
    writeFileSync(join(bundle, file), typeof data === 'string' ? data : JSON.stringify(data));
  };
  write('statement.yaml', 'name: lab-unit\ndescription: "The lab\'s unit <A>"\ngenerations: ["2017", "2022"]\n');
  write('suite.json', { version: '1.4.0', commit: 'abc123def', modified: ['steps/cli/x.ts'], files: {} });
  if (withIdentity) {
    write('identity.json', { declared: { model: 'QGS-2000', serialNumber: 'SN-42' }, shown: { '2017': { mac: '00:11:22:33:44:55', model: 'QGS-2000', serialNumber: null, how: 'status screen' } } });
  }
  write('statement.probed.yaml', 'name: lab-unit\nentry: typing\n');
  const statement = { declared: 'statement.yaml', probed: [{ file: 'statement.probed.yaml', unit: 'serial:/dev/ttyUSB0', differences: [{ field: 'entry', declared: 'arrows', probed: 'typing' }] }], notProbed: ['tcp:lab:7000: the probe failed: no answer <at all>'] };
  write('certification.json', { target: 'serial:/dev/ttyUSB0', generations: ['2017', '2022'], expect: null, exitCode: 1, at: '2026-12-06T07:00:00.000Z', ...(withIdentity ? { statement } : {}) });
  write('timing.json', { '2017': { wallMs: 3_723_000, applianceMs: 1500 }, '2022': { wallMs: null, applianceMs: null } });
  write('requirements.json', {
    'VLAN-001': { outcome: 'failed', scenarios: [] }, 'TRB-001': { outcome: 'not applicable', scenarios: [] },
    'FP-001': { outcome: 'inconclusive', scenarios: [] }, 'PKG-001': { outcome: 'failed', scenarios: [] },
  });
  for (const [generation, results] of Object.entries(runs)) {
    write(`runs/${generation}/run.json`, { target: 'serial', generation, stamp: 'x', statement: null, seed: null, wallMs: 1, applianceMs: 1, results: results.map((r) => ({ uri: r.key.split(':')[0], ...r })) });
  }
  write('runs/2017/messages.ndjson', messages('features/network/vlan.feature', 20, null, [
    { body: TRANSCRIPT, mediaType: 'text/plain', fileName: 'transcript.txt', contentEncoding: 'IDENTITY' },
    { body: 'boot: link up\n', mediaType: 'text/plain', fileName: 'serial.log', contentEncoding: 'IDENTITY' },
    { body: PNG_BASE64, mediaType: 'image/png', fileName: 'portal.png', contentEncoding: 'BASE64' },
  ]));
  write('runs/2022/messages.ndjson', messages('features/get-started/kit.feature', 30, 41, [
    { body: 'kit transcript\n', mediaType: 'text/plain', fileName: 'transcript.txt', contentEncoding: 'IDENTITY' },
  ]));
  writeCertificate(bundle);
  return bundle;
}

const bundle = makeBundle('bundle', true);
const page = readFileSync(join(bundle, 'index.html'), 'utf8');
const chapterLabels = {
  'Network Configuration': 'Network Configuration: 1 passed, 1 informative, 1 failed, 0 not applicable, 0 inconclusive',
  'Get Started': 'Get Started: 0 passed, 0 informative, 1 failed, 0 not applicable, 0 inconclusive; 1 of them expected failures',
  Troubleshooting: 'Troubleshooting: 0 passed, 0 informative, 0 failed, 1 not applicable, 0 inconclusive',
  'Scanner Appliance Tour': 'Scanner Appliance Tour: 0 passed, 0 informative, 0 failed, 0 not applicable, 1 inconclusive',
  Appendices: 'Appendices: 0 passed, 0 informative, 0 failed, 0 not applicable, 0 inconclusive',
  'Other (no requirement of the guide)': 'Other (no requirement of the guide): 1 passed, 0 informative, 0 failed, 0 not applicable, 0 inconclusive',
};
const h2Names = ['Guide chapters', 'Failures', 'Requirements', 'Timing', 'Appliance identity', 'Suite', 'Capability statement'];

describe('the certificate page', () => {
  test('shows each chapter with its counts as a labelled bar', () => {
    for (const [chapter, label] of Object.entries(chapterLabels)) {
      assert.ok(page.includes(`<th scope="row">${chapter}</th>`), chapter);
      assert.ok(page.includes(`<svg role="img" aria-label="${label}"`), label);
    }
    assert.equal(page.match(/<svg /g)?.length, Object.keys(chapterLabels).length);
  });

  test("shows the failure with the guide's words, the reason, the screen and its evidence", () => {
    const failures = page.slice(page.indexOf('<h2 id="failures">'), page.indexOf('<h2 id="expected">'));
    assert.ok(failures.includes('Set a VLAN ID') && failures.includes(FAILED_KEY), 'the failed scenario, by name and key');
    assert.ok(failures.includes(VLAN_QUOTE), "the guide's words");
    assert.ok(failures.includes(REASON.replaceAll('"', '&quot;')), 'the reason');
    assert.ok(failures.includes('<pre>VLAN ID:        \n000<span class="cursor">0</span>            </pre>'), 'the LCD, cursor marked');
    assert.ok(failures.includes('▲ ▼') && failures.includes('cursor at line 2, column 4') && failures.includes('indicators ▲ UP, ▼ DOWN'), 'indicators and cursor in words');
    assert.ok(failures.includes('href="evidence/2017/features-network-vlan-feature-20.txt"'), 'the transcript link');
    assert.ok(failures.includes('href="evidence/2017/features-network-vlan-feature-20.png"'), 'the screenshot link');
    assert.ok(!failures.includes('Starter kit contents'), 'an expected failure is not among the failures');
    const evidence = readFileSync(join(bundle, 'evidence/2017/features-network-vlan-feature-20.txt'), 'utf8');
    assert.equal(evidence, `==== transcript.txt ====\n${TRANSCRIPT}\n==== serial.log ====\nboot: link up\n`);
    assert.deepEqual(readFileSync(join(bundle, 'evidence/2017/features-network-vlan-feature-20.png')), Buffer.from(PNG_BASE64, 'base64'));
  });

  test('lists expected failures (an Examples row) and inconclusive results apart', () => {
    const expected = page.slice(page.indexOf('<h2 id="expected">'), page.indexOf('<h2 id="inconclusive">'));
    assert.ok(expected.includes(EXPECTED_KEY) && expected.includes('Your starter kit package should contain these components.'));
    assert.ok(expected.includes('href="evidence/2022/features-get-started-kit-feature-30-41.txt"'), 'the row key maps to its attachments');
    const inconclusive = page.slice(page.indexOf('<h2 id="inconclusive">'), page.indexOf('<h2 id="requirements">'));
    assert.ok(inconclusive.includes('Welcome on first connection') && inconclusive.includes('the lab&#39;s power switch did not answer'));
    assert.ok(inconclusive.includes('Evidence</dt><dd>none recorded'));
  });

  test('shows the statement, suite, identity, timing and requirement counts, escaped', () => {
    assert.ok(page.includes('<strong>lab-unit</strong>: The lab&#39;s unit &lt;A&gt;'));
    assert.ok(page.includes('<pre class="statement">name: lab-unit\n'));
    const statement = page.slice(page.indexOf('<h2 id="statement">'));
    assert.ok(statement.includes('<h3>As declared</h3>') && statement.includes('<h3>As probed: serial:/dev/ttyUSB0</h3>'), 'both statements');
    assert.ok(statement.includes('<tr><th scope="row"><code>entry</code></th><td><code>arrows</code></td><td><code>typing</code></td></tr>'), 'the difference');
    assert.ok(statement.includes('<pre class="statement">name: lab-unit\nentry: typing\n</pre>'), 'the probed statement');
    assert.ok(statement.includes('<li>tcp:lab:7000: the probe failed: no answer &lt;at all&gt;</li>'), 'a unit not probed, and why');
    assert.ok(page.includes('1.4.0') && page.includes('abc123def') && page.includes('yes: uncommitted changes to <code>steps/cli/x.ts</code>'));
    assert.ok(page.includes('00:11:22:33:44:55') && page.includes('SN-42') && page.includes('status screen'));
    assert.ok(page.includes('<td>1 h 2 min 3 s</td><td>1.5 s</td>') && page.includes('<th scope="row">2022</th><td>not recorded</td>'));
    assert.ok(page.includes('<th scope="row">failed</th><td>2</td><td><code>VLAN-001</code>, <code>PKG-001</code></td>'));
    assert.ok(page.includes('<th scope="row">verified</th><td>0</td>'));
  });

  test('is standalone: relative links to files that exist, no URL, no script', () => {
    assert.ok(page.startsWith('<!doctype html>') && page.includes('<html lang="en">') && page.includes('<meta charset="utf-8">'));
    assert.equal(page.match(/<h1>/g)?.length, 1);
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(hrefs.length > 5);
    for (const href of hrefs) {
      if (href.startsWith('#')) assert.ok(page.includes(`id="${href.slice(1)}"`), href);
      else assert.ok(!href.includes(':') && !href.startsWith('/') && existsSync(join(bundle, href)), href);
    }
    assert.doesNotMatch(page, /https?:|<script|src=/i);
  });

  test('in Chromium: landmarks, headings, labelled bars, a screenshot, and no request leaves the page', async () => {
    assert.ok(existsSync(chromiumPath), `Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set QSA_CHROMIUM`);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const tab = await browser.newPage();
      const requests: string[] = [];
      tab.on('request', (r) => requests.push(r.url()));
      await tab.goto(pathToFileURL(join(bundle, 'index.html')).href);
      for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) assert.equal(await tab.getByRole(role).count(), 1, role);
      assert.equal(await tab.getByRole('heading', { level: 1 }).textContent(), 'Certification of serial:/dev/ttyUSB0');
      for (const name of h2Names) assert.equal(await tab.getByRole('heading', { level: 2, name, exact: true }).count(), 1, name);
      for (const label of Object.values(chapterLabels)) assert.equal(await tab.getByRole('img', { name: label, exact: true }).count(), 1, label);
      assert.equal(await tab.getByRole('navigation').getByRole('link', { name: 'Failures', exact: true }).getAttribute('href'), '#failures');
      const shot = join(bundle, 'index.png');
      await tab.screenshot({ path: shot, fullPage: true });
      assert.equal(readFileSync(shot).subarray(1, 4).toString(), 'PNG');
      assert.ok(statSync(shot).size > 20_000, `screenshot of ${statSync(shot).size} bytes`);
      assert.ok(requests.length > 0 && requests.every((url) => url.startsWith('file:')), requests.join(', '));
    } finally {
      await browser.close();
    }
  });

  test('a bundle without identity.json says the identity was not recorded', () => {
    const older = readFileSync(join(makeBundle('older', false), 'index.html'), 'utf8');
    assert.ok(older.includes('Identity: not recorded'));
    assert.ok(older.includes('<h3>As probed</h3><p>Not recorded (this bundle predates probed statements).</p>'));
    assert.ok(!older.includes('00:11:22:33:44:55'));
  });
});
