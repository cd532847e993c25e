// npm run secrets-gate [-- --reports <dir>]: no secret of the lab (fixtures/secrets.yaml, or the
// file QSA_SECRETS names) is in any file a run wrote under reports/. Every file is searched for
// every value in each form a report gives it (as typed; JSON-, HTML- and URL-escaped); cucumber's
// messages (messages.ndjson, and the copy the HTML report embeds) have their base64 attachments
// decoded first, and each serial line log is replayed on a terminal, as a person reading it would
// see it. Binary files and attachments (PNG screenshots of the portal) cannot be searched: they
// are listed as such. A finding names the file and the secret's NAME, never its value. Exit 1 on
// a finding, 2 when there is nothing to search.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { filesOf } from './bundle.ts';
import { extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../fixtures/load.ts';
import { Secrets } from '../../fixtures/secrets.ts';
import type { NamedSecret } from '../support/redact.ts';
import { secretsIn, secretsInSerialLog } from '../support/redact.ts';

export interface Finding { file: string; secret: string; where: string }
export interface GateResult {
  /** Files searched. */
  scanned: string[];
  findings: Finding[];
  /** Files and attachments that are not text, and why. */
  unsearchable: Array<{ file: string; what: string }>;
}

/** Formats whose bytes are not text: images (the portal's screenshots), archives, fonts, PDFs. */
const binaryExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.ico', '.pdf', '.zip', '.gz', '.tgz', '.br', '.woff', '.woff2']);

interface Attachment { body: string; contentEncoding?: string; mediaType?: string; fileName?: string }

/** Cucumber's messages in a file: one a line (NDJSON), or the array the HTML report embeds. */
function messagesOf(file: string, text: string): Array<{ attachment?: Attachment }> {
  if (file.endsWith('.ndjson')) {
    return text.split('\n').filter((l) => l.trim()).flatMap((l) => {
      try { return [JSON.parse(l) as { attachment?: Attachment }]; } catch { return []; }
    });
  }
  if (file.endsWith('.html')) {
    const embedded = /window\.CUCUMBER_MESSAGES = (\[.*\]);?\s*$/m.exec(text);
    if (embedded) {
      // The report writes < as the JavaScript escape \x3C, which JSON does not know.
      const json = embedded[1]!.replace(/(?<!\\)((?:\\\\)*)\\x3C/g, '$1\\u003C');
      try { return JSON.parse(json) as Array<{ attachment?: Attachment }>; } catch { return []; }
    }
  }
  return [];
}

const textual = (mediaType: string) => /^text\/|[/+](json|xml|ndjson)$/.test(mediaType);

/** Searches every file under `dir` for every secret. */
export function scanReports(dir: string, secrets: readonly NamedSecret[]): GateResult {
  const result: GateResult = { scanned: [], findings: [], unsearchable: [] };
  const seen = new Set<string>();
  const found = (file: string, names: string[], where: string) => {
    for (const secret of names) {
      const key = `${file}\0${secret}\0${where}`;
      if (!seen.has(key)) result.findings.push({ file, secret, where });
      seen.add(key);
    }
  };
  // The HTML report embeds the same serial logs as messages.ndjson: each is replayed once.
  const replayed = new Map<string, string[]>();
  // Links are passed over (reports/latest and the like lead into runs/, read there).
  for (const path of filesOf(dir).map((f) => join(dir, f))) {
    const file = relative(projectRoot, path).startsWith('..') ? path : relative(projectRoot, path);
    const bytes = readFileSync(path);
    if (binaryExtensions.has(extname(path).toLowerCase()) || bytes.subarray(0, 8192).includes(0)) {
      result.unsearchable.push({ file, what: `binary file (${extname(path) || 'no extension'})` });
      continue;
    }
    result.scanned.push(file);
    const text = bytes.toString('utf8');
    found(file, secretsIn(text, secrets), 'text');
    for (const { attachment } of messagesOf(path, text)) {
      if (!attachment) continue;
      const name = attachment.fileName ?? attachment.mediaType ?? 'attachment';
      const mediaType = attachment.mediaType ?? 'application/octet-stream';
      if (!textual(mediaType)) {
        if (attachment.contentEncoding === 'BASE64') result.unsearchable.push({ file, what: `attachment ${name} (${mediaType})` });
        continue;
      }
      const body = attachment.contentEncoding === 'BASE64' ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
      if (attachment.contentEncoding === 'BASE64') found(file, secretsIn(body, secrets), `attachment ${name} (base64)`);
      if (attachment.fileName === 'serial.log') {
        let names = replayed.get(body);
        if (!names) replayed.set(body, names = secretsInSerialLog(body, secrets));
        found(file, names, 'serial.log as a terminal shows it');
      }
    }
  }
  return result;
}

export function report(dir: string, source: string, secretCount: number, result: GateResult): string {
  const lines = [`secrets gate: ${result.scanned.length} files under ${dir} searched for the ${secretCount} secrets of ${source}`];
  if (result.unsearchable.length > 0) {
    lines.push(`not searchable (binary; a PNG screenshot cannot be read for text): ${result.unsearchable.length}`);
    for (const u of result.unsearchable.slice(0, 20)) lines.push(`  ${u.file}: ${u.what}`);
    if (result.unsearchable.length > 20) lines.push(`  ... and ${result.unsearchable.length - 20} more`);
  }
  for (const f of result.findings) lines.push(`SECRET FOUND: ${f.file}: secret "${f.secret}" (${f.where})`);
  lines.push(result.findings.length === 0 ? 'secrets gate: no secret found' : `secrets gate: ${result.findings.length} finding(s) in ${new Set(result.findings.map((f) => f.file)).size} file(s)`);
  return lines.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { reports: { type: 'string', default: join(projectRoot, 'reports') } } });
  const dir = values.reports;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`error: no reports at ${dir}: run the suite first (npm start)\n`);
    return 2;
  }
  const store = new Secrets();
  const secrets = store.names().map((name) => ({ name, value: store.value(name) }));
  const result = scanReports(dir, secrets);
  process.stdout.write(report(dir, relative(projectRoot, store.file), secrets.length, result));
  if (result.scanned.length === 0) {
    process.stderr.write(`error: no file to search under ${dir}\n`);
    return 2;
  }
  return result.findings.length === 0 ? 0 : 1;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 2;
  });
}
