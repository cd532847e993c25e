// npm run bench -- fuzz: the fuzzer's pace (npm run fuzz). Runs per minute per input field on the
// in-process twin and on twin-unit (its console on a pseudo-terminal, as a unit on a line), key
// sequences per minute of a differential run (twin-unit against the in-process twin), and the wall
// time of the last mutation run (npm run mutation, which takes hours and is not run here).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGeneration } from '../../fixtures/profiles.ts';
import { fuzzFields } from '../support/fuzz/fields.ts';
import { fuzzField } from '../support/fuzz/run.ts';
import { besideReferenceTwin, runDifferential } from '../support/fuzz/differential.ts';
import { openTarget } from '../support/targets/index.ts';
import { mutationDir, TARGET_SCORE } from './mutation.ts';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** Each field of 2022 fuzzed `runs` times on one session of `target`: runs per minute, field by field. */
async function fieldsPerMinute(target: string, runs: number): Promise<void> {
  const generation = '2022';
  const session = await openTarget(target, generation);
  try {
    const rates: number[] = [];
    // A unit of its own per field where the target hands out fresh ones (as npm run fuzz does).
    for (const field of fuzzFields(loadGeneration(generation).firmware)) {
      const unit = await session.forScenario();
      try {
        const r = await fuzzField({ session, target: unit, field, targetName: target, runs, seed: 1, reportsDir: null });
        const perMinute = (r.tries / r.ms) * 60_000;
        rates.push(perMinute);
        process.stdout.write(`fuzz on ${target} ${generation}: "${field.prompt}" ${fmt(perMinute)} runs/min (${r.tries} runs in ${(r.ms / 1000).toFixed(1)} s${r.ok ? '' : ', FAILED'})\n`);
      } finally {
        await unit.stop();
      }
    }
    process.stdout.write(`fuzz on ${target} ${generation}: ${rates.length} fields, the slowest at ${fmt(Math.min(...rates))} runs/min\n`);
  } finally {
    await session.close();
  }
}

async function differentialPerMinute(): Promise<void> {
  const generation = '2022';
  await besideReferenceTwin('twin-unit', generation, undefined, async (pair) => {
    const r = await runDifferential({ targetName: 'twin-unit', ...pair, maxKeys: 20, runs: 20, seed: 1, reportsDir: null });
    process.stdout.write(`differential twin-unit against the twin ${generation}: ${fmt((r.runs / r.ms) * 60_000)} sequences/min of up to 20 steps (${r.runs} in ${(r.ms / 1000).toFixed(1)} s${r.ok ? '' : ', a difference found'})\n`);
  });
}

function lastMutationRun(): void {
  const file = join(mutationDir, 'scores.json');
  if (!existsSync(file)) {
    process.stdout.write('mutation: no run yet (npm run mutation writes reports/mutation/scores.json; its wall time is printed here)\n');
    return;
  }
  const run = JSON.parse(readFileSync(file, 'utf8')) as { generations: string[]; mutate: string[]; minutes: number; files: Array<{ score: number }> };
  const under = run.files.filter((f) => f.score < TARGET_SCORE).length;
  process.stdout.write(`mutation: the last run (${run.mutate.join(' ')}; generations ${run.generations.join(', ')}) took ${run.minutes} min wall; ${run.files.length} files, ${under} under ${TARGET_SCORE}%\n`);
}

export async function benchFuzz(): Promise<void> {
  await fieldsPerMinute('twin', 50);
  await fieldsPerMinute('twin-unit', 3);
  await differentialPerMinute();
  lastMutationRun();
}
