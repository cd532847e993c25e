// npm run probe: finds how a unit's remote console lays out its screen, which firmware
// generation it runs, whether it is activated and how fast it answers, and prints that as a
// capability statement (written to --out too), for `npm start -- --target <same> --statement <file>`.
// Bad input ends with one line naming what is wrong and exit code 2, as does a line or unit that
// cannot be probed (silent, garbled, no guide text, no cursor, no single generation).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Document } from 'yaml';
import { FixtureError } from '../../fixtures/load.ts';
import { loadStatementFile } from '../../fixtures/targets.ts';
import { NavigationError } from '../support/errors.ts';
import { LinkError } from '../support/targets/serial/link.ts';
import { probe, ProbeError } from '../support/targets/serial/probe.ts';
import type { ProbeResult } from '../support/targets/serial/probe.ts';

import { UsageError, exitCodeFor } from './usage.ts';

export { UsageError };

export interface ProbeRequest {
  /** serial:<path> or tcp:<host>:<port>. */
  target: string;
  /** Where the statement is written, besides stdout. */
  out: string | undefined;
  name: string;
}

const usage = 'usage: npm run probe -- --target serial:<path>|tcp:<host>:<port> [--out <file>] [--name <statement name>]';

export function parseProbeRequest(argv: string[]): ProbeRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        target: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string', default: 'probed' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
  if (values.help) throw new UsageError(usage);
  const target = values.target;
  if (target === undefined) throw new UsageError(`--target is missing: say which line to probe; ${usage}`);
  if (!/^serial:.+$/.test(target) && !/^tcp:[^:\s]+:\d{1,5}$/.test(target)) {
    throw new UsageError(`--target ${target}: expected serial:<path> (a serial port or pseudo-terminal) or tcp:<host>:<port> (a terminal server)`);
  }
  if (!/^[a-z0-9-]+$/.test(values.name)) throw new UsageError(`--name ${values.name}: a statement name is lower-case letters, digits and hyphens`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out: expected a file name');
  return { target, out: values.out, name: values.name };
}

/** The statement as YAML, with a header saying where it came from. */
export function statementYaml(result: ProbeResult, target: string): string {
  const doc = new Document(result.written);
  doc.commentBefore = ` Written by npm run probe -- --target ${target}. Run the suite against the same unit with\n npm start -- --target ${target} --statement <this file> --generation ${result.generation}`;
  return doc.toString({ lineWidth: 0 });
}

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export async function main(argv: string[], io: Io = process): Promise<number> {
  let request: ProbeRequest;
  try {
    request = parseProbeRequest(argv);
  } catch (error) {
    const code = exitCodeFor(error, io.stderr);
    if (code === null) throw error;
    return code;
  }
  let result: ProbeResult;
  try {
    result = await probe({ target: request.target, name: request.name });
  } catch (error) {
    // What the line or the unit did is a finding, in one line; anything else is a bug, with its stack.
    if (error instanceof LinkError || error instanceof ProbeError || error instanceof FixtureError) {
      io.stderr.write(`error: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    if (error instanceof NavigationError) {
      io.stderr.write(`error: ${request.target}: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    throw error;
  }
  const text = statementYaml(result, request.target);
  io.stdout.write(text);
  if (request.out !== undefined) {
    const file = resolve(request.out);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      // What a run will read must load: the probe checks it as the suite will.
      loadStatementFile(file);
    } catch (error) {
      io.stderr.write(`error: --out ${request.out}: ${(error as Error).message.split('\n')[0]}\n`);
      return 2;
    }
  }
  return 0;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
}
