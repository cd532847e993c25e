// The README's step vocabulary must be the step definitions' own (regenerate with
// `npm run vocabulary -- --write`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../../fixtures/load.ts';
import { readmeWithVocabulary, vocabulary } from './vocabulary.ts';

test('the README lists exactly the steps the step definitions define', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  assert.equal(readme, readmeWithVocabulary(readme), 'README.md is out of date: run npm run vocabulary -- --write');
});

test('every step definition file contributes patterns to the vocabulary', () => {
  for (const { file, steps } of vocabulary()) assert.ok(steps.length > 0, `${file} defines no step the vocabulary reader understands`);
});
