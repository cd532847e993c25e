// Lint rules. The boundary that matters most: step code reaches the appliance only through
// target protocols, so nothing under steps/ may import twin/ except the twin target adapter.
// Inside the twin, the network and the platform meet the appliance only through interfaces (the
// network's, the API's wire types), so neither may import twin/appliance/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export const twinBoundary = {
  patterns: [{
    regex: '^(\\.\\./)+twin/|^twin/',
    message: 'Steps reach the appliance only through target protocols (steps/support/protocols.ts); only steps/support/targets/twin/ may import twin/.',
  }],
};

export const applianceBoundary = {
  patterns: [{
    regex: '^(\\.\\./)+(twin/)?appliance/|^twin/appliance/',
    message: 'The network and the platform meet the appliance only through twin/network/interface.ts and the wire types of twin/cloud/api.ts; nothing under twin/network/ or twin/cloud/ may import twin/appliance/.',
  }],
};

/** Erasable syntax only (Node strips types): held everywhere. */
const erasableOnly = [
  { selector: 'TSEnumDeclaration', message: 'Node strips types only: no enums.' },
  { selector: 'TSParameterProperty', message: 'Node strips types only: no parameter properties.' },
];

/**
 * Step definitions and model commands act only through tasks (steps/support/tasks/): a target's
 * keypad and screen, its other protocols (taken with actor.need: power, LEDs, label, ports, the
 * lab), and the portal page's locators, are reached there, so each interaction is written once;
 * and an action is performed as a task object (actor.attemptsTo), whose description the task
 * carries, never described on the spot (the former actor.act). The scenario's notes keep their
 * need(): a note, not a protocol.
 */
const interactionMessage = 'Steps and model commands act only through tasks (steps/support/tasks/)';
export const throughTasks = [
  { selector: "MemberExpression[property.name='keypad']", message: `${interactionMessage}: no target.keypad here.` },
  { selector: "MemberExpression[property.name='screen']", message: `${interactionMessage}: no target.screen here.` },
  { selector: 'CallExpression[callee.property.name=/^getBy[A-Z]/]', message: `${interactionMessage}: no Playwright getBy* here.` },
  { selector: "CallExpression[callee.property.name='locator']", message: `${interactionMessage}: no Playwright locator() here.` },
  {
    selector: "CallExpression[callee.property.name='need']:not([callee.object.property.name='notes'])",
    message: `${interactionMessage}: no protocol taken with need() here; a task takes what it needs.`,
  },
  { selector: "CallExpression[callee.property.name='act']", message: `${interactionMessage}: no act() here; perform a task with attemptsTo().` },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...erasableOnly],
    },
  },
  {
    files: ['steps/**/*.ts'],
    ignores: ['steps/support/targets/twin/**'],
    rules: { 'no-restricted-imports': ['error', twinBoundary] },
  },
  {
    files: ['twin/network/**/*.ts', 'twin/cloud/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', applianceBoundary] },
  },
  {
    // A later block's no-restricted-syntax replaces the earlier one's: the erasable rule comes along.
    files: ['steps/definitions/**/*.ts', 'steps/support/model/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...erasableOnly, ...throughTasks] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
