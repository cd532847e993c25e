// Cucumber configuration. Node 24 strips TypeScript types, so step files load with no loader.
// The run's target and firmware generation come in as world parameters (see steps/cli/start.ts);
// feature paths default to features/**/*.feature.
export default {
  import: ['steps/support/parameter-types.ts', 'steps/support/world.ts', 'steps/support/hooks.ts', 'steps/definitions/**/*.ts'],
  strict: true,
  worldParameters: { target: 'twin', generation: '2022' },
};
