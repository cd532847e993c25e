// Per-scenario set-up and tear-down: a target from the run's session, capability checks ("not
// applicable" rather than pass or fail), a unit given up on ("inconclusive"), scenarios that
// test the twin's reading of a silence ("informative" on other appliances), and the transcript
// as evidence in the report; after the scenario, every resource it opened is stopped.
import { After, AfterAll, AfterStep, Before, Status, setDefaultTimeout, setParallelCanAssign } from '@cucumber/cucumber';
import type { Pickle } from '@cucumber/messages';
import { informativeErrata, loadErrataRegister } from '../../fixtures/registers.ts';
import type { Erratum } from '../../fixtures/registers.ts';
import { closeBrowser } from './browser.ts';
import type { Capability, TargetSession } from './protocols.ts';
import { openTarget, statementFor } from './targets/index.ts';
import { takeOver } from './targets/preopened.ts';
import type { ApplianceWorld } from './world.ts';
import { IDENTITY_MEDIA_TYPE, Inconclusive, NotApplicable, SCREEN_MEDIA_TYPE } from './errors.ts';
import { noteKey } from './notes.ts';

/** When the scenario began on the unit's clock. */
const scenarioStart = noteKey<number>('scenario start');

// The twin answers at once; a serial line at 9600 baud, or real hardware, takes real time.
setDefaultTimeout(Number(process.env['QSA_STEP_TIMEOUT_MS'] || 60_000));

// A portal page of thousands of wizard rows takes a browser's whole core to lay out: beside
// other scenarios on a 2-core machine it misses the page-load timeout. It runs alone.
const alone = (pickle: Pickle) => pickle.tags.some((t) => t.name === '@many-rows');
setParallelCanAssign((pickle, running) => running.length === 0 || (!alone(pickle) && !running.some(alone)));

/** The run's target session: opened by the first scenario, closed after the last. */
let session: Promise<TargetSession> | null = null;
let errata: Map<string, Erratum> | null = null;
/** The appliance's identity is attached once per process (one per worker), by its first scenario that has a target. */
let identityShown = false;

Before(async function (this: ApplianceWorld, { pickle }) {
  const tags = pickle.tags.map((t) => t.name);
  const generation = this.parameters.generation;
  const wrongGeneration = tags.find((t) => /^@fw-[a-z0-9]+$/.test(t) && t !== `@fw-${generation}`);
  if (wrongGeneration && !tags.includes(`@fw-${generation}`)) {
    return this.endWith({ outcome: 'not-applicable', reason: `the scenario documents firmware ${wrongGeneration.slice(4)}, the target runs ${generation}` });
  }
  session ??= Promise.resolve(takeOver(this.parameters.target, generation))
    .then((ready) => ready ?? openTarget(this.parameters.target, generation, statementFor(this.parameters.target, this.parameters.statement)));
  let opened: TargetSession;
  try {
    opened = await session;
  } catch (error) {
    // The lab broke before the first scenario could use it: every scenario says so.
    return this.endWith({ outcome: 'inconclusive', reason: (error as Error).message });
  }
  const missing = tags.filter((t) => t.startsWith('@needs-')).map((t) => t.slice('@needs-'.length))
    .filter((c) => !opened.capabilities.has(c as Capability));
  if (missing.length > 0) return this.endWith({ outcome: 'not-applicable', reason: `target ${opened.name} has no ${missing.join(', ')}` });
  if (opened.broken) return this.endWith({ outcome: 'inconclusive', reason: `the unit could not be recovered earlier: ${opened.broken}` });
  const actor = this.actor;
  actor.session = opened;
  if (tags.includes('@arrows')) actor.entryMeans = 'arrows';
  if (opened.statement.readings === 'informative') {
    errata ??= loadErrataRegister();
    const readings = informativeErrata(tags, generation, errata);
    if (readings.length > 0) this.informative = readings;
  }
  try {
    actor.target = await opened.forScenario();
  } catch (error) {
    if (error instanceof Inconclusive || error instanceof NotApplicable) return this.endWith({ outcome: error instanceof Inconclusive ? 'inconclusive' : 'not-applicable', reason: error.message });
    throw error;
  }
  // Registered first, so stopped last: the other resources (the portal, a syslog server) may still ask the lab.
  const target = actor.target;
  actor.onStop(() => target.stop());
  actor.notes.set(scenarioStart, target.time.now());
  return undefined;
});

After(async function (this: ApplianceWorld, { result }) {
  const actor = this.actor;
  try {
    if (!actor.hasTarget) return;
    actor.recordScreens();
    if (result?.status === Status.PASSED && this.informative && !this.outcome) {
      this.endWith({ outcome: 'informative', agrees: true, errata: this.informative, reason: `the unit takes the twin's reading of ${this.informative.join(', ')}` });
    }
    if (result?.status === Status.FAILED || this.outcome?.outcome === 'informative') {
      const screen = await actor.target.screen.read();
      actor.transcript.push(`last screen: ${actor.describe(screen)}`);
      const secret = screen.cursor !== null && actor.isSecretPrompt(screen.lines[0]);
      this.attach(JSON.stringify({ ...screen, lines: [screen.lines[0], secret ? '•'.repeat(screen.lines[1].length) : screen.lines[1]] }), SCREEN_MEDIA_TYPE);
    }
    if (!identityShown && actor.target.identity) {
      identityShown = true;
      this.attach(JSON.stringify(await actor.target.identity()), IDENTITY_MEDIA_TYPE);
    }
    this.attach(actor.transcript.join('\n'), { mediaType: 'text/plain', fileName: 'transcript.txt' });
    for (const item of actor.target.evidence?.() ?? []) this.attach(item.body, { mediaType: item.mediaType, fileName: item.fileName });
    const start = actor.notes.get(scenarioStart);
    if (start !== undefined) {
      // How long the scenario would have taken on hardware: the report sums these.
      this.attach(JSON.stringify({ ms: actor.target.time.now() - start }), 'application/vnd.appliance-time+json');
    }
  } finally {
    await actor.stop();
  }
});

/** A failed step with the portal open: a screenshot of the page goes into the report. */
AfterStep(async function (this: ApplianceWorld, { result }) {
  const visit = this.actor.portalVisit;
  if (result.status !== Status.FAILED || !visit) return;
  const png = await visit.screenshot();
  if (png) this.attach(png, { mediaType: 'image/png', fileName: 'portal.png' });
});

AfterAll(async function () {
  await closeBrowser();
  if (session) await (await session.catch(() => null))?.close();
  session = null;
});
