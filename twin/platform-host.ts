// The platform twin alone, as a host of the live lab serves it: the appliance API (the same msw
// handlers) and the portal on HTTPS on every address of the host, which the lab's DNS gives the
// POD's names; its test CA written beside it for the lab's hosts to trust. The live lab runs it in
// its platform container, with the project mounted read-only:
//   node twin/platform-host.ts --generation 2022 --port 443 --ca-out /run/lab/platform-ca.pem
//   --unit <serial>          the platform knows that unit as shipped (the generation's model)
//   --activated-by <login>   and it is activated by that user of the lab's account
//   --ca-dir <dir>           signs with the CA kept there (ca.pem, ca-key.pem; made when missing)
//   --speed <factor>         its clock runs as fast as the units' (slow answers take their time)
//   --control <socket>       serves the lab's platform protocol (fixtures/lab-protocols.ts) there,
//                            one JSON request per line, as the twin's bench does; and "tls"
//                            ({certificate, handshake}: the spec's TLS faults); and the portal
//                            on portal.sock in the same folder, for the browser of the lab's machine;
//                            and "reset" (the platform as it started, before each scenario)
// It prints "platform: listening on <port>" once it answers. A bad option is one line on stderr
// and exit status 2.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { FixtureError } from '../fixtures/load.ts';
import { loadAccount, platformHostnames } from '../fixtures/platform.ts';
import type { Generation } from '../fixtures/profiles.ts';
import { loadFirmware } from './appliance/firmware.ts';
import { identityOf } from './appliance/identity.ts';
import { RealTimeClock } from './clock.ts';
import type { Authority } from './cloud/certificates.ts';
import { keptAuthority, makeServerCredentials } from './cloud/certificates.ts';
import { createPortal } from './cloud/portal/index.ts';
import { Refused } from './cloud/records.ts';
import { PlatformServer, platformSite } from './cloud/server.ts';
import type { TlsFaults } from './cloud/server.ts';
import { activateAs, platformOf } from './lab-bench.ts';
import { platformProtocol } from './lab-protocols.ts';
import { listenForRequests } from './request-lines.ts';
import { PORTAL_SOCKET, platformTable } from '../fixtures/lab-protocols.ts';
import { dispatcher, provide } from '../fixtures/method-tables.ts';

const usage = 'usage: node twin/platform-host.ts [--generation 2017|2022|older] [--port <number>] [--ca-out <file>] [--ca-dir <dir>] [--unit <serial> [--activated-by <login>]] [--control <socket>] [--speed <factor>]';

function fail(message: string): never {
  process.stderr.write(`platform-host: ${message}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      generation: { type: 'string', default: '2022' },
      port: { type: 'string', default: '443' },
      'ca-out': { type: 'string' },
      'ca-dir': { type: 'string' },
      unit: { type: 'string' },
      'activated-by': { type: 'string' },
      control: { type: 'string' },
      speed: { type: 'string', default: '1' },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}; ${usage}`);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port ${values.port}: not a TCP port`);
if (values.unit !== undefined && !/^[1-9]\d*$/.test(values.unit)) fail(`--unit ${values.unit}: not a serial number (a positive whole number)`);
const activatedBy = values['activated-by'];
if (activatedBy !== undefined && values.unit === undefined) fail('--activated-by needs --unit <serial>');
let generation: Generation;
try {
  generation = loadFirmware(values.generation);
} catch (error) {
  if (error instanceof FixtureError) fail(error.message.split('\n')[0]!);
  throw error;
}
const speed = Number(values.speed);
if (!(speed > 0 && speed <= 1000)) fail(`--speed ${values.speed}: must be a positive number (the units' clock speed)`);
const clock = new RealTimeClock(speed);
const shipped = values.unit === undefined ? undefined : identityOf(Number(values.unit));
/** The platform as the lab starts it: the account's fixture, with the unit shipped (and activated) as the options say. */
function freshPlatform(): { platform: ReturnType<typeof platformOf>['platform']; api: ReturnType<typeof platformOf>['api']; site: ReturnType<typeof platformSite> } {
  const { platform, api } = platformOf(generation, clock);
  if (shipped !== undefined) {
    // The unit as it left the factory, then (a lab's shelf) activated as LabBench.activate does.
    platform.ship(shipped, generation.hardware.model);
    if (activatedBy !== undefined) {
      try {
        activateAs(platform, shipped.activationCode, activatedBy);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        const known = error.kind === 'not-found' ? ` (known: ${loadAccount().users.map((u) => u.login).join(', ')})` : '';
        fail(`--activated-by ${activatedBy}: ${error.message}${known}`);
      }
    }
  }
  return { platform, api, site: platformSite(api, createPortal(platform).handle) };
}
let current = freshPlatform();
/** The "tls" operation's arguments, checked: what the lab asks for must be a fault the spec names. */
function tlsFaults(args: unknown): TlsFaults {
  const { certificate, handshake } = (args ?? {}) as Record<string, unknown>;
  if ((certificate !== 'valid' && certificate !== 'untrusted') || (handshake !== 'ok' && handshake !== 'fails')) {
    throw new Error(`tls: wants {certificate: valid|untrusted, handshake: ok|fails}, not ${JSON.stringify(args)}`);
  }
  return { certificate, handshake };
}

// A kept CA (ca.pem and ca-key.pem in --ca-dir, made there on first use): units given it once
// trust every lab's platform.
let authority: Authority | undefined;
if (values['ca-dir'] !== undefined) {
  try {
    authority = await keptAuthority(values['ca-dir']);
  } catch (error) {
    fail(`--ca-dir ${values['ca-dir']}: ${(error as Error).message.split('\n')[0]}`);
  }
}
const credentials = await makeServerCredentials(platformHostnames(loadAccount()), authority);
// Every address of the host: in the lab it has only the platform's.
const server = await PlatformServer.start({ site: () => current.site, credentials, host: '::', port });
if (values['ca-out']) writeFileSync(values['ca-out'], credentials.ca);
if (values.control !== undefined) {
  // The lab drives the platform as a twin's bench does: its API's failures, jobs, activations.
  const unitSerial = values.unit === undefined ? generation.hardware.defaultSerialNumber : Number(values.unit);
  // The portal also answers on portal.sock beside the control socket: the lab's networks do not
  // reach this machine's browser, the folder does. Its URL is the lab's to make (a loopback port).
  await server.servePortalOn(join(dirname(values.control), PORTAL_SOCKET));
  const portal = async () => ({ url: `https://${PORTAL_SOCKET}.invalid/`, spkiSha256: credentials.spkiSha256 });
  const protocols = dispatcher([provide(platformTable, platformProtocol(() => ({ platform: current.platform, api: current.api, unitSerial }), portal))]);
  await listenForRequests(values.control, async (op, args) => {
    // The spec's TLS faults are the server's, not the platform's: a lab network property.
    if (op === 'tls') return server.setTlsFaults(tlsFaults(args), platformHostnames(loadAccount()));
    // Before each scenario: the account's settings, appliances and jobs as the lab started them
    // (a scenario's syslog forwarding or names are not the next one's).
    if (op === 'reset') {
      current = freshPlatform();
      return null;
    }
    const handled = protocols(op, args);
    if (!handled) throw new Error(`unknown operation ${op}`);
    return handled.result;
  });
}
process.stdout.write(`platform: listening on ${port}\n`);
