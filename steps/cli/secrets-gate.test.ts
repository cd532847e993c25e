// The secrets gate finds a secret planted in a reports folder in every form a run writes it, names
// the file and the secret (never its value), and passes on a clean folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadGeneration } from '../../fixtures/profiles.ts';
import { loadConsoleLayout } from '../../fixtures/consoles.ts';
import { FieldMask, unmaskedSecretFields } from '../support/redact.ts';
import { scanReports } from './secrets-gate.ts';

const secret = { name: 'proxy-test', value: 'Pl4nt<ed>&!x' };
const other = { name: 'portal-test', value: 'Other-Secret-991' };
const secrets = [secret, other];

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** A reports folder with one run's files; `plant` puts text into each of them. */
function reportsDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qsa-gate-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

const attachment = (body: string, fileName: string, base64 = false) => JSON.stringify({
  attachment: { body: base64 ? Buffer.from(body).toString('base64') : body, contentEncoding: base64 ? 'BASE64' : 'IDENTITY', mediaType: 'text/plain', fileName },
});
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** A serial log as the serial target writes it: the field drawn a character at a time, as typed. */
function serialLog(value: string, masked: boolean): string {
  const lines = ['< \\e[4;2HPROXY PASSW'];
  const mask = new FieldMask(5);
  for (let i = 0; i < value.length; i++) {
    const draw = Buffer.from(`\x1b[5;${3 + i}H${value[i]}\x1b[5;${3 + i}H`, 'latin1');
    const bytes = masked ? mask.mask(draw) : draw;
    lines.push('> \\e[A', `< ${bytes.toString('latin1').split('\x1b').join('\\e')}`);
  }
  return lines.join('\n');
}

const clean = {
  'README.md': 'reports of the suite',
  'twin-2022/messages.ndjson': [attachment('0:00.0  enter the password named "proxy-test" at PROXY PASSW', 'transcript.txt'), attachment('89504e47', 'portal.png', true).replace('text/plain', 'image/png'), attachment(serialLog(secret.value, true), 'serial.log')].join('\n'),
  'twin-2022/junit.xml': '<testsuite><testcase name="a"/></testsuite>',
  'twin-2022/cucumber.html': `<script>\nwindow.CUCUMBER_MESSAGES = [${attachment('nothing here', 'transcript.txt')}];\n</script>`,
  'twin-2022/screenshot.png': png,
};

describe('the secrets gate', () => {
  test('passes a folder with no secret in it, and lists what it cannot search', () => {
    const result = scanReports(reportsDir(clean), secrets);
    assert.deepEqual(result.findings, []);
    assert.equal(result.scanned.length, 4);
    assert.deepEqual(result.unsearchable.map((u) => u.what).sort(), ['attachment portal.png (image/png)', 'binary file (.png)']);
  });

  const planted: Array<[string, Record<string, string>, string]> = [
    ['as typed, in a text file', { 'summary-twin.txt': `typed ${secret.value} here` }, 'text'],
    ['in a JSON string', { 'summary-twin.json': JSON.stringify({ reason: `expected ${secret.value}` }) }, 'text'],
    ['HTML-escaped in JUnit XML', { 'twin-2022/junit.xml': `<failure message="${secret.value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"/>` }, 'text'],
    ['in the HTML report, < written as \\x3C', { 'twin-2022/cucumber.html': `window.CUCUMBER_MESSAGES = [${attachment(`x ${secret.value}`, 'transcript.txt').replace(/</g, '\\x3C')}];` }, 'text'],
    ['in a base64 attachment of the messages', { 'twin-2022/messages.ndjson': attachment(`the field reads ${secret.value}`, 'transcript.txt', true) }, 'attachment transcript.txt (base64)'],
    ['in a base64 attachment embedded in the HTML report', { 'twin-2022/cucumber.html': `window.CUCUMBER_MESSAGES = [${attachment(`the field reads ${secret.value}`, 'transcript.txt', true)}];` }, 'attachment transcript.txt (base64)'],
    ['drawn a character at a time in a serial log', { 'twin-serial-2022/messages.ndjson': attachment(serialLog(secret.value, false), 'serial.log') }, 'serial.log as a terminal shows it'],
    ['typed a key at a time in a serial log', { 'twin-serial-2022/messages.ndjson': attachment([...secret.value].map((c) => `> ${c}`).join('\n'), 'serial.log') }, 'serial.log as a terminal shows it'],
  ];
  for (const [how, files, where] of planted) {
    test(`finds a secret ${how}, naming the file and the secret`, () => {
      const dir = reportsDir({ ...clean, ...files });
      const result = scanReports(dir, secrets);
      const file = Object.keys(files)[0]!;
      assert.ok(result.findings.some((f) => f.file.endsWith(file) && f.secret === 'proxy-test' && f.where === where), JSON.stringify(result.findings));
      assert.ok(result.findings.every((f) => f.secret === 'proxy-test'), 'only the planted secret is found');
    });
  }

  const gate = (dir: string, secretsFile: string) => spawnSync(process.execPath, [join(import.meta.dirname, 'secrets-gate.ts'), '--reports', dir], {
    encoding: 'utf8', env: { ...process.env, QSA_SECRETS: secretsFile },
  });
  const secretsFile = join(reportsDir({}), 'secrets.yaml');
  writeFileSync(secretsFile, `secrets:\n  ${secret.name}: "${secret.value}"\n  ${other.name}: "${other.value}"\n`);

  test('the command fails on a planted secret, naming file and secret but never the value', () => {
    const run = gate(reportsDir({ ...clean, 'twin-2017/messages.ndjson': attachment(`x ${secret.value}`, 'transcript.txt', true) }), secretsFile);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /SECRET FOUND: .*twin-2017\/messages\.ndjson: secret "proxy-test"/);
    assert.ok(!run.stdout.includes(secret.value) && !run.stderr.includes(secret.value), 'the value is printed');
  });

  test('the command passes a clean folder, and refuses a missing one', () => {
    const run = gate(reportsDir(clean), secretsFile);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /no secret found/);
    assert.equal(gate(join(tmpdir(), 'qsa-no-such-reports'), secretsFile).status, 2);
  });
});

describe('masking the console\'s field', () => {
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

  test('what the console writes on the field row becomes *, the rest is kept', () => {
    const mask = new FieldMask(5);
    assert.equal(text(mask.mask(Buffer.from('\x1b[4;2HPROXY PASSW\x1b[5;2Hsecret\x1b[5;7H', 'latin1'))), '\x1b[4;2HPROXY PASSW\x1b[5;2H******\x1b[5;7H');
    // Still on the field row: the next chunk's text is masked without positioning first.
    assert.equal(text(mask.mask(Buffer.from('ab'))), '**');
    assert.equal(text(mask.mask(Buffer.from('\x1b[4;2Hab'))), '\x1b[4;2Hab');
  });

  test('a replayed log shows whether the password field was ever drawn unmasked', () => {
    const { firmware } = loadGeneration('2022');
    const count = (log: string) => unmaskedSecretFields(log, firmware, loadConsoleLayout('boxed'));
    // PROXY USER: with its entry, then PROXY PASSW drawn over it: the user name left on the field
    // line until the password field is drawn is not the password's.
    const user = '< \\e[4;2HPROXY USER:\\e[5;2Hscanner';
    assert.equal(count(serialLog(secret.value, true)), 0);
    assert.equal(count(`${user}\n< \\e[4;8HPASSW\n< \\e[5;2H*******`), 0);
    assert.equal(count(serialLog(secret.value, false)), secret.value.length);
    assert.equal(count(`${user}\n< \\e[4;8HPASSW\n< \\e[5;2H*S*****`), 1);
  });

  test('an escape sequence split across reads of the line is followed across them', () => {
    // As a serial line delivers it: "\e[4;25H# \e[5;2HS" cut after "\e[" and inside "5;2H".
    const mask = new FieldMask(5);
    const chunks = ['\x1b[4;25H# \x1b[', '5;', '2HS\x1b[5', ';3Hc'].map((c) => text(mask.mask(Buffer.from(c, 'latin1'))));
    assert.deepEqual(chunks, ['\x1b[4;25H# \x1b[', '5;', '2H*\x1b[5', ';3H*']);
  });
});
