// npm run reports -- prune --keep <n> [--reports <dir>]: removes all but the n newest runs of each
// target and generation under reports/runs/ (runs.ts); a run that reports/<target>-<generation> or
// reports/latest leads to always stays. A bad command or flag is one line on stderr and exit 2.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../fixtures/load.ts';
import { pruneRuns } from './runs.ts';

const usage = 'usage: npm run reports -- prune --keep <n> [--reports <dir>]';

function fail(message: string): never {
  process.stderr.write(`error: ${message}; ${usage}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { keep: { type: 'string' }, reports: { type: 'string', default: join(projectRoot, 'reports') } } });
} catch (error) {
  fail((error as Error).message.split('\n')[0]!);
}
const [command, ...rest] = parsed.positionals;
if (command !== 'prune') fail(command === undefined ? 'say what to do with the reports' : `unknown command "${command}"`);
if (rest.length > 0) fail(`prune takes no ${rest.join(' ')}`);
const keep = Number(parsed.values.keep);
if (parsed.values.keep === undefined || !Number.isInteger(keep) || keep < 1) fail(`--keep ${parsed.values.keep ?? ''}: how many runs of each target and generation to keep (a whole number, 1 or more)`.replace('--keep :', '--keep:'));
const { removed, kept } = pruneRuns(parsed.values.reports, keep);
for (const run of removed) process.stdout.write(`removed ${run}\n`);
process.stdout.write(`${removed.length} runs removed, ${kept.length} kept in ${join(parsed.values.reports, 'runs')}\n`);
