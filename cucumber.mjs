// Cucumber configuration. Node 24 strips TypeScript types, so step files load with no loader.
// The run's target and firmware generation come in as world parameters (see steps/cli/start.ts);
// feature paths default to features/**/*.feature.
const base = {
  import: ['steps/support/parameter-types.ts', 'steps/support/world.ts', 'steps/support/hooks.ts', 'steps/definitions/**/*.ts'],
  strict: true,
  worldParameters: { target: 'twin', generation: '2022' },
};
export default base;

// npm run mutation (steps/cli/mutation.ts): Stryker's cucumber runner takes a profile, not world
// parameters, so each generation the suite runs in on the twin is one.
export const mutation2022 = { ...base, worldParameters: { target: 'twin', generation: '2022' } };
export const mutation2017 = { ...base, worldParameters: { target: 'twin', generation: '2017' } };
