// npm run bench: speed and memory figures, printed against their targets (never asserted in
// tests). The suite's wall time and median time per scenario against the twin, the network
// features' scenarios per second, the portal's scenarios (time each, the browser's start-up),
// key presses per second through the twin target's keypad protocol, the soak's keys per second
// (npm run fuzz -- --soak), fuzz runs per minute per field and differential sequences per minute
// with the last mutation run's wall time (bench-fuzz.ts), model-based runs (steps/support/model/) per minute, the serial targets (twin-serial, twin-unit) against their
// line's lower bound, the live lab's time to come up and to reconfigure, and twin-live's time
// per scenario.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { projectRoot } from '../../fixtures/load.ts';
import type { ModelGeneration } from '../support/model/model.ts';
import { runOfCommands } from '../support/model/property.ts';
import { soak } from '../support/fuzz/soak.ts';
import type { Key, Target } from '../support/protocols.ts';
import { openTarget } from '../support/targets/index.ts';
import { browserStarts, closeBrowser } from '../support/browser.ts';
import { checkInputs, parseRequest, preflight, runGeneration } from './start.ts';
import { closeUnclaimed } from '../support/targets/preopened.ts';
import { loadNetwork } from '../../fixtures/networks.ts';
import { ensureEngine } from '../support/lab/live/engine.ts';
import { ensureImage, labImage } from '../support/lab/live/images.ts';
import { LiveNetwork } from '../support/lab/live/network.ts';
import { liveLabSelection } from './calibration.ts';
import { benchFuzz } from './bench-fuzz.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function benchSuite(): Promise<void> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  try {
    // In this process, one scenario at a time: the figures are per scenario, not per core.
    const request = { ...parseRequest(['--quiet', '--parallel', '1', '--reports', reportsDir]), progress: false };
    await checkInputs(request);
    for (const generation of request.generations) {
      const outcome = await runGeneration(request, generation);
      const times = outcome.tally.scenarios.map((s) => s.wallMs);
      const inScenarios = times.reduce((a, b) => a + b, 0);
      const m = median(times);
      process.stdout.write(`suite against twin ${generation}: ${times.length} scenarios, ${fmt(outcome.wallMs / 1000, 2)} s wall `
        + `(${fmt(inScenarios / 1000, 2)} s in scenarios); per scenario median ${fmt(m, 2)} ms, p90 ${fmt(percentile(times, 0.9), 2)} ms `
        + `(target: median under 5 ms — ${verdict(m < 5)}); ${outcome.tally.failed} failed\n`);
    }
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/** The network features (features/network and features/troubleshooting): scenarios per second. */
async function benchNetworkFeatures(): Promise<void> {
  const paths = ['features/network', 'features/troubleshooting'].filter((p) => existsSync(join(projectRoot, p)));
  if (paths.length === 0) {
    process.stdout.write('network features: none yet (features/network, features/troubleshooting)\n');
    return;
  }
  const reportsDir = mkdtempSync(join(tmpdir(), 'bench-network-'));
  try {
    const request = { ...parseRequest(['--quiet', '--parallel', '1', '--reports', reportsDir, ...paths]), progress: false };
    for (const generation of request.generations) {
      const outcome = await runGeneration(request, generation);
      const count = outcome.tally.scenarios.length;
      process.stdout.write(`network features against twin ${generation}: ${count} scenarios in ${fmt(outcome.wallMs / 1000, 2)} s, `
        + `${fmt(count / (outcome.wallMs / 1000))} scenarios/s; ${outcome.tally.failed} failed\n`);
    }
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/** Model-based runs of 50 commands each (fresh twin per run, menus checked after every command). */
async function benchModel(): Promise<void> {
  const commands = 50;
  const budgetMs = 20_000;
  for (const generation of ['2017', '2022'] as ModelGeneration[]) {
    const session = await openTarget('twin', generation);
    let runs = 0;
    let executed = 0;
    const failures: string[] = [];
    const started = performance.now();
    while (performance.now() - started < budgetMs && runs < 2000) {
      try {
        executed += await runOfCommands(session, generation, commands, 1000 * runs++);
      } catch (error) {
        failures.push((error as Error).message.split('\n')[0]!);
      }
    }
    const elapsed = (performance.now() - started) / 1000;
    const perMinute = (runs / elapsed) * 60;
    process.stdout.write(`model-based runs against twin ${generation}: ${runs} runs of ${commands} commands (${executed} commands) in ${fmt(elapsed, 2)} s, `
      + `${fmt(runs / elapsed)} runs/s = ${fmt(perMinute, 0)} runs/min `
      + `(target: over 1,000 runs of 50 commands per minute — ${verdict(perMinute > 1000)}); ${failures.length} failed`
      + `${failures.length ? ` (first: ${failures[0]}; npm run unit finds, shrinks and saves them)` : ''}\n`);
    await session.close();
  }
}

async function bootedTwin(generation: string): Promise<Target> {
  const session = await openTarget('twin', generation);
  const target = await session.forScenario();
  await target.power!.pressButton();
  const ready = await target.screen.waitFor((s) => s.indicators.length > 0, 10 * 60_000);
  if (!ready) throw new Error('the twin did not boot');
  return target;
}

async function measure(target: Target, keys: readonly Key[], presses: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < presses; i++) await target.keypad.press(keys[i % keys.length]!);
  return presses / ((performance.now() - started) / 1000);
}

async function benchKeys(): Promise<void> {
  for (const generation of ['2017', '2022']) {
    const presses = 200_000;
    // Menus: into the main menu, then down and up through it.
    const menu = await bootedTwin(generation);
    await menu.keypad.press('DOWN');
    const menuRate = await measure(menu, ['DOWN', 'DOWN', 'DOWN', 'UP', 'UP', 'UP'], presses);
    // A text field: scrolling characters and moving the cursor, as a fuzzer would.
    const field = await bootedTwin(generation);
    // DOWN opens the menu from the status screen; SETUP NETWORK > ENABLE PROXY > ... > PROXY USER:.
    for (const k of ['DOWN', 'ENTER', 'DOWN', 'DOWN', 'DOWN', 'ENTER'] as const) await field.keypad.press(k);
    for (let i = 0; i < 6 && !(await field.screen.read()).lines[0].startsWith('PROXY USER'); i++) await field.keypad.press('ENTER');
    const fieldScreen = await field.screen.read();
    const fieldRate = await measure(field, ['UP', 'UP', 'RIGHT', 'UP', 'LEFT', 'DOWN'], presses);
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
    process.stdout.write(`key presses through the twin ${generation}: menus ${fmt(menuRate, 0)}/s, text field "${fieldScreen.lines[0]}" ${fmt(fieldRate, 0)}/s `
      + `(target: over 50,000/s — ${verdict(Math.min(menuRate, fieldRate) > 50_000)}); heap ${fmt(heapMb)} MB\n`);
  }
}

/** The soak (npm run fuzz -- --soak) over a million keys, power cuts and checks included, on a fixed seed. */
async function benchSoak(): Promise<void> {
  const keys = 1_000_000;
  for (const generation of ['2017', '2022']) {
    const r = await soak({ generation, keys, seed: 1 });
    const outcome = r.violation ? `; FAILED ${r.violation.check} at key ${r.violation.keyIndex} (npm run fuzz -- --soak ${keys} --generation ${generation} --seed 1)` : '';
    process.stdout.write(`soak: keys per second over 1,000,000 keys on twin ${generation}: ${fmt(r.keysPerSecond, 0)}/s, the million in ${fmt(r.ms / 1000)} s `
      + `(target: the million in under 60 s — ${verdict(r.violation === null && r.ms < 60_000)}); ${fmt(r.powerCuts, 0)} power cuts, ${fmt(r.saves, 0)} saves${outcome}\n`);
  }
}

/**
 * The serial target on pseudo-terminals at 9600 baud, over the whole suite: bytes each way per
 * scenario, the scenario's time, and the ratio of that time to what the line needs at least
 * (every byte, either way, takes 11 bits at 9600 baud: 8 data, a start and two stop bits).
 */
async function benchSerial(): Promise<void> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'bench-serial-'));
  try {
    // One line per core: more lines than cores would measure CPU contention, not the line.
    // The portal's scenarios spend their time in the browser, not on the line: measured apart.
    const request = { ...parseRequest(['--target', 'twin-serial', '--quiet', '--parallel', '2', '--tags', 'not @needs-portal', '--reports', reportsDir]), progress: false };
    await checkInputs(request);
    let allMs = 0;
    let allBound = 0;
    for (const generation of request.generations) {
      const outcome = await runGeneration(request, generation);
      const ran = outcome.tally.scenarios.filter((x) => x.status !== 'not-applicable' && x.consoleBytes);
      const sent = ran.map((x) => x.consoleBytes!.sent);
      const received = ran.map((x) => x.consoleBytes!.received);
      const ms = ran.reduce((t, x) => t + x.wallMs, 0);
      const lower = ran.reduce((t, x) => t + lineBoundMs(x.consoleBytes!), 0);
      allMs += ms;
      allBound += lower;
      process.stdout.write(`twin-serial ${generation} at 9600 baud: ${ran.length} scenarios (${outcome.tally.notApplicable} not applicable), `
        + `bytes per scenario median ${median(sent)} sent / ${median(received)} received, time per scenario median ${fmt(median(ran.map((x) => x.wallMs)) / 1000, 2)} s; `
        + `${fmt(ms / 1000)} s against a line bound of ${fmt(lower / 1000)} s: ratio ${fmt(ms / lower, 2)} ; ${outcome.tally.failed} failed\n`);
    }
    process.stdout.write(`twin-serial whole suite: ratio of time to the line's lower bound ${fmt(allMs / allBound, 2)} (target: within 1.3 — ${verdict(allMs / allBound <= 1.3)}); `
      + `${request.parallel} lines in parallel\n`);
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/**
 * The portal's scenarios against the twin: time per scenario (log in, pages, the appliance's
 * side), and the browser's start-up. One browser serves every scenario of the process; each
 * scenario has its own browser context (cookies, session), so sharing it is safe.
 */
async function benchPortal(): Promise<void> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'bench-portal-'));
  try {
    // In this process (its browser's start-ups are counted here), one scenario at a time.
    const request = { ...parseRequest(['--quiet', '--parallel', '1', '--tags', '@needs-portal', '--reports', reportsDir]), progress: false };
    for (const generation of request.generations) {
      const startsBefore = browserStarts.length;
      const outcome = await runGeneration(request, generation);
      const times = outcome.tally.scenarios.filter((x) => x.status !== 'not-applicable').map((x) => x.wallMs);
      if (times.length === 0) continue;
      const starts = browserStarts.slice(startsBefore);
      process.stdout.write(`portal scenarios against twin ${generation}: ${times.length}, per scenario median ${fmt(median(times), 0)} ms, p90 ${fmt(percentile(times, 0.9), 0)} ms `
        + `(target: median under 1500 ms — ${verdict(median(times) < 1500)}); browser start-ups ${starts.length} (${starts.map((ms) => `${fmt(ms, 0)} ms`).join(', ') || 'shared from before'}); ${outcome.tally.failed} failed
`);
    }
    await closeBrowser();
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/** The line's lower bound for a scenario's bytes: 11 bits a byte at 9600 baud. */
function lineBoundMs(b: { sent: number; received: number }): number {
  return ((b.sent + b.received) * 11 * 1000) / 9600;
}

/**
 * twin-unit (the twin as hardware: one unit, no bench, the line paced at 9600 baud, twenty times
 * real time): its time per scenario over the whole selection a serial-only unit runs, against
 * the line's lower bound for the bytes each scenario carried. What is over the bound is waiting:
 * for answers the suite could not predict, and for the appliance's own time (boots, contacting).
 */
async function benchTwinUnit(): Promise<void> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'bench-twin-unit-'));
  try {
    const request = { ...parseRequest(['--target', 'twin-unit', '--generation', '2022', '--seed', '11', '--quiet', '--reports', reportsDir]), progress: false };
    await checkInputs(request);
    await preflight(request);
    const outcome = await runGeneration(request, '2022');
    const ran = outcome.tally.scenarios.filter((x) => x.status !== 'not-applicable' && x.consoleBytes);
    const ms = ran.reduce((t, x) => t + x.wallMs, 0);
    const bound = ran.reduce((t, x) => t + lineBoundMs(x.consoleBytes!), 0);
    process.stdout.write(`twin-unit 2022 at 9600 baud, one unit: ${ran.length} scenarios, time per scenario median ${fmt(median(ran.map((x) => x.wallMs)) / 1000, 2)} s; `
      + `${fmt(ms / 1000)} s against a line bound of ${fmt(bound / 1000)} s: ratio ${fmt(ms / bound, 2)} (target: within 1.5 — ${verdict(ms / bound <= 1.5)}); `
      + `${outcome.tally.failed} failed, ${outcome.tally.inconclusive} inconclusive\n`);
  } finally {
    await closeUnclaimed();
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/**
 * twin-live (the twin's firmware in a container of the live lab, on real DHCP, DNS, proxy and
 * platform, at forty times real time): its median time per scenario over npm test's selection.
 */
async function benchTwinLive(): Promise<void> {
  try {
    await ensureEngine();
  } catch (error) {
    process.stdout.write(`twin-live: not measured (${(error as Error).message})\n`);
    return;
  }
  const reportsDir = mkdtempSync(join(tmpdir(), 'bench-twin-live-'));
  try {
    const request = { ...parseRequest(['--target', 'twin-live', '--generation', '2022', '--seed', '11', '--quiet', '--reports', reportsDir, ...liveLabSelection()]), progress: false };
    await checkInputs(request);
    await preflight(request);
    const outcome = await runGeneration(request, '2022');
    const ran = outcome.tally.scenarios.filter((x) => x.status !== 'not-applicable');
    process.stdout.write(`twin-live 2022 on the live lab (fixtures/live-lab-selection.txt): ${ran.length} scenarios in ${fmt(outcome.wallMs / 1000)} s, `
      + `time per scenario median ${fmt(median(ran.map((x) => x.wallMs)) / 1000, 2)} s, p90 ${fmt(percentile(ran.map((x) => x.wallMs), 0.9) / 1000, 2)} s; `
      + `${outcome.tally.failed} failed, ${outcome.tally.inconclusive} inconclusive\n`);
  } finally {
    await closeUnclaimed();
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/**
 * The live lab: from nothing (images built) to a lab whose DHCP gives a host on the LAN its
 * lease, whose DNS answers and whose proxy tunnels to the platform, which answers; then the time to make the
 * running services realize a changed spec (a lease without a gateway, and back), per change.
 */
async function benchLiveLab(): Promise<void> {
  try {
    await ensureEngine();
  } catch (error) {
    process.stdout.write(`live lab: not measured (${(error as Error).message})\n`);
    return;
  }
  const { reference } = await ensureImage(labImage);
  const spec = structuredClone(loadNetwork('office-proxy'));
  spec.proxy = { ...spec.proxy!, auth: { kind: 'basic', user: 'scanner', password: 'bench-Secret-1' } };
  const started = performance.now();
  const lab = await LiveNetwork.realize(spec, { image: reference });
  try {
    // The host goes with the lab (lab.stop()).
    const client = await lab.attachHost('client', 'office');
    await client.copyContentToContainer([{ content: await lab.platformCa(), target: '/tmp/platform-ca.pem' }]);
    const answers = await client.exec(['sh', '-c', 'timeout 30 dhclient -1 eth0 && dig +short +time=2 +tries=1 @198.18.10.53 qualysguard.us1.qualys.test && curl -s -o /dev/null -w "%{http_connect} %{http_code}" --max-time 5 --cacert /tmp/platform-ca.pem -p -x http://scanner:bench-Secret-1@198.18.10.8:3128 https://qualysguard.us1.qualys.test/']);
    const upMs = performance.now() - started;
    const ok = /198\.19\.255\.10\s+200 303/.test(answers.output);
    process.stdout.write(`live lab from nothing to DHCP, DNS, the proxy and the platform answering a host on the LAN: ${fmt(upMs / 1000, 1)} s (target: under 10 s — ${verdict(upMs < 10_000)})${ok ? '' : ` [answers: ${answers.output.trim()}]`}\n`);
    const changes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const changed = structuredClone(spec);
      if (i % 2 === 0) changed.subnets.office!.dhcp!.gateway = null;
      const t = performance.now();
      await lab.reconfigure(changed);
      changes.push(performance.now() - t);
    }
    process.stdout.write(`live lab reconfiguration per change: median ${fmt(median(changes), 0)} ms over ${changes.length} (target: under 1 s — ${verdict(median(changes) < 1000)})\n`);
  } finally {
    await lab.stop();
  }
}

/** Each figure by name: `npm run bench -- twin-live lab` prints only those. */
const figures: Record<string, () => Promise<void>> = {
  suite: benchSuite,
  lab: benchLiveLab,
  portal: benchPortal,
  network: benchNetworkFeatures,
  keys: benchKeys,
  soak: benchSoak,
  fuzz: benchFuzz,
  model: benchModel,
  serial: benchSerial,
  'twin-unit': benchTwinUnit,
  'twin-live': benchTwinLive,
};
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in figures));
if (unknown.length > 0) {
  process.stderr.write(`npm run bench: no figure named ${unknown.map((n) => `"${n}"`).join(', ')} (there are: ${Object.keys(figures).join(', ')})\n`);
  process.exit(2);
}
for (const [name, figure] of Object.entries(figures)) if (asked.length === 0 || asked.includes(name)) await figure();
process.stdout.write(`memory: peak RSS ${fmt(process.resourceUsage().maxRSS / 1024)} MB\n`);
