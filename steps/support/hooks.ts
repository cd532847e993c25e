// Per-scenario set-up and tear-down: a target from the run's session, capability checks
// ("not applicable" rather than pass or fail), and the transcript as evidence in the report.
import { After, AfterAll, AfterStep, Before, Status, setDefaultTimeout } from '@cucumber/cucumber';
import { closeBrowser } from './browser.ts';
import type { Capability, TargetSession } from './protocols.ts';
import { openTarget } from './targets/index.ts';
import type { ApplianceWorld } from './world.ts';
import { NotApplicable } from './world.ts';

// The twin answers at once; a serial line at 9600 baud, or real hardware, takes real time.
setDefaultTimeout(Number(process.env['QSA_STEP_TIMEOUT_MS'] || 60_000));

/** The run's target session: opened by the first scenario, closed after the last. */
let session: Promise<TargetSession> | null = null;

Before(async function (this: ApplianceWorld, { pickle }) {
  const tags = pickle.tags.map((t) => t.name);
  const generation = this.parameters.generation;
  const wrongGeneration = tags.find((t) => /^@fw-[a-z0-9]+$/.test(t) && t !== `@fw-${generation}`);
  if (wrongGeneration && !tags.includes(`@fw-${generation}`)) {
    this.attach(`not applicable: the scenario documents firmware ${wrongGeneration.slice(4)}, the target runs ${generation}`, 'text/plain');
    return 'skipped';
  }
  session ??= openTarget(this.parameters.target, generation);
  const opened = await session;
  const missing = tags.filter((t) => t.startsWith('@needs-')).map((t) => t.slice('@needs-'.length))
    .filter((c) => !opened.capabilities.has(c as Capability));
  if (missing.length > 0) {
    this.attach(`not applicable: target ${opened.name} has no ${missing.join(', ')}`, 'text/plain');
    return 'skipped';
  }
  this.target = await opened.forScenario();
  this.remembered.set('scenario start', this.target.time.now());
  return undefined;
});

After(async function (this: ApplianceWorld, { result, error }) {
  if (!this.hasTarget) return;
  this.recordScreens();
  if (error instanceof NotApplicable) this.attach(`not applicable: ${error.message}`, 'text/plain');
  if (result?.status === Status.FAILED) {
    const screen = await this.target.screen.read();
    this.transcript.push(`last screen: ${this.describe(screen)}`);
  }
  this.attach(this.transcript.join('\n'), { mediaType: 'text/plain', fileName: 'transcript.txt' });
  for (const item of this.target.evidence?.() ?? []) this.attach(item.body, { mediaType: item.mediaType, fileName: item.fileName });
  const start = this.remembered.get('scenario start');
  if (typeof start === 'number') {
    // How long the scenario would have taken on hardware: the report sums these.
    this.attach(JSON.stringify({ ms: this.target.time.now() - start }), 'application/vnd.appliance-time+json');
  }
  await this.portalVisit?.close();
  await this.target.stop();
});

/** A failed step with the portal open: a screenshot of the page goes into the report. */
AfterStep(async function (this: ApplianceWorld, { result }) {
  if (result.status !== Status.FAILED || !this.portalVisit) return;
  const png = await this.portalVisit.screenshot();
  if (png) this.attach(png, { mediaType: 'image/png', fileName: 'portal.png' });
});

AfterAll(async function () {
  await closeBrowser();
  if (session) await (await session).close();
  session = null;
});
