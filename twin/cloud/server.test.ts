// The platform's own TLS faults, as the live lab's platform host plays a spec's: a certificate no
// appliance trusts, and a handshake refused with a fatal alert. An appliance's TLS client tells
// the first by its certificate error ("SSL peer cert was not OK") and the second by neither a
// certificate error nor a reset (twin/network/real.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:tls';
import { certificateErrorCodes } from '../network/interface.ts';
import { makeServerCredentials } from './certificates.ts';
import type { ServerCredentials } from './certificates.ts';
import { PlatformServer } from './server.ts';

const NAME = 'qualysguard.qg1.apps.qualys.com';

function handshake(server: PlatformServer, ca: string): Promise<'ok' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: server.address.port, servername: NAME, ca });
    socket.once('secureConnect', () => { socket.destroy(); resolve('ok'); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('the platform server\'s TLS faults', () => {
  let server: PlatformServer;
  let credentials: ServerCredentials;
  before(async () => {
    credentials = await makeServerCredentials([NAME]);
    server = await PlatformServer.start({ site: () => ({ base: `https://${NAME}`, handle: async () => new Response('ok') }), credentials });
  });
  after(() => server.close());

  test('valid, untrusted, a failed handshake, and valid again', async () => {
    assert.equal(await handshake(server, credentials.ca), 'ok');
    await server.setTlsFaults({ certificate: 'untrusted', handshake: 'ok' }, [NAME]);
    const untrusted = await handshake(server, credentials.ca);
    assert.ok(certificateErrorCodes.has(untrusted), `a certificate error, not ${untrusted}`);
    await server.setTlsFaults({ certificate: 'valid', handshake: 'fails' }, [NAME]);
    const refused = await handshake(server, credentials.ca);
    assert.ok(refused !== 'ok' && !certificateErrorCodes.has(refused) && refused !== 'ECONNRESET', `a handshake failure, not ${refused}`);
    await server.setTlsFaults({ certificate: 'valid', handshake: 'ok' }, [NAME]);
    assert.equal(await handshake(server, credentials.ca), 'ok');
  });
});
