// The model-based property (issue 3) against fresh twin targets of both generations: for any
// sequence of configuration procedures, confirmations and cancels, the stored configuration is
// exactly what was confirmed, the SETUP NETWORK and WAN menu labels agree with it, and a reset
// restores the documented defaults. The model and the commands are in steps/support/model/;
// they reach the appliance only through the target protocols, so another target can run them.
//
// Bounded for the unit stage: MODEL_RUNS runs (default 30) of up to MODEL_COMMANDS commands
// (default 25) per generation; MODEL_SEED fixes the seed. A failure is shrunk and saved with its
// seed, path and replayPath in reports/model-failures/; MODEL_REPLAY=<that file> replays it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ModelGeneration } from './support/model/model.ts';
import { runModelProperty } from './support/model/property.ts';
import { openTarget } from './support/targets/index.ts';

const numberFromEnv = (name: string, fallback: number): number => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};

interface Replay {
  generation: ModelGeneration;
  seed: number;
  path: string;
  replayPath: string | null;
  maxCommands?: number;
}

const replay: Replay | null = process.env['MODEL_REPLAY'] ? JSON.parse(readFileSync(process.env['MODEL_REPLAY'], 'utf8')) as Replay : null;
const generations: ModelGeneration[] = replay ? [replay.generation] : ['2017', '2022'];

describe('model-based property: network configuration procedures', () => {
  for (const generation of generations) {
    test(`${generation}: stored configuration and menu labels follow every confirmed procedure, never a cancelled one`, async () => {
      const session = await openTarget('twin', generation);
      try {
        const seed = replay?.seed ?? (process.env['MODEL_SEED'] ? Number(process.env['MODEL_SEED']) : undefined);
        const result = await runModelProperty({
          generation,
          session,
          numRuns: numberFromEnv('MODEL_RUNS', 30),
          maxCommands: replay?.maxCommands ?? numberFromEnv('MODEL_COMMANDS', 25),
          ...(seed === undefined ? {} : { seed }),
          ...(replay ? { path: replay.path } : {}),
          ...(replay?.replayPath ? { replayPath: replay.replayPath } : {}),
        });
        if (!result.ok) {
          const f = result.failure!;
          assert.fail([
            `the property failed after ${result.runs} runs (seed ${f.seed}, path "${f.path}", replayPath "${f.replayPath}")`,
            `saved in ${f.file}`,
            `commands: ${f.commands}`,
            f.error,
            'transcript (last lines):',
            ...f.transcript.slice(-40),
          ].join('\n'));
        }
        assert.ok(result.executed > 0, 'commands were carried out');
      } finally {
        await session.close();
      }
    });
  }
});
