// The platform twin alone, as a host of the live lab serves it: the appliance API (the same msw
// handlers) and the portal on HTTPS on every address of the host, which the lab's DNS gives the
// POD's names; its test CA written beside it for the lab's hosts to trust. The live lab runs it in
// its platform container, with the project mounted read-only:
//   node twin/platform-host.ts --generation 2022 --port 443 --ca-out /run/lab/platform-ca.pem
// It prints "platform: listening on <port>" once it answers.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadAccount, platformHostnames } from '../fixtures/platform.ts';
import { loadFirmware } from './appliance/firmware.ts';
import { RealTimeClock } from './clock.ts';
import { makeServerCredentials } from './cloud/certificates.ts';
import { createPortal } from './cloud/portal/index.ts';
import { PlatformServer, platformSite } from './cloud/server.ts';
import { platformOf } from './lab-bench.ts';

const { values } = parseArgs({ options: { generation: { type: 'string', default: '2022' }, port: { type: 'string', default: '443' }, 'ca-out': { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write(`platform-host: --port ${values.port}: not a TCP port\n`);
  process.exit(2);
}
const { platform, api } = platformOf(loadFirmware(values.generation), new RealTimeClock(1));
const site = platformSite(api, createPortal(platform).handle);
const credentials = await makeServerCredentials(platformHostnames(loadAccount()));
// Every address of the host: in the lab it has only the platform's.
await PlatformServer.start({ site: () => site, credentials, host: '::', port });
if (values['ca-out']) writeFileSync(values['ca-out'], credentials.ca);
process.stdout.write(`platform: listening on ${port}\n`);
