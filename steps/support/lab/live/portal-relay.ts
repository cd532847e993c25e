// The live lab's platform host serves its portal on a Unix socket in the folder it shares with
// this machine (the lab's networks do not reach this machine's browser). The browser needs a TCP
// port: this relay is one on loopback, carrying each connection to that socket as it is (the TLS
// is the platform host's, end to end, and the browser pins its key).
import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';

export interface PortalRelay {
  /** The loopback port the browser connects to. */
  port: number;
  close(): Promise<void>;
}

export async function portalOnLoopback(socketPath: string): Promise<PortalRelay> {
  const open = new Set<Socket>();
  const server = createServer((browser) => {
    const portal = connect(socketPath);
    for (const socket of [browser, portal]) {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
      // Either side going away ends the other: a connection the portal dropped is the browser's to see.
      socket.on('error', () => { browser.destroy(); portal.destroy(); });
    }
    browser.pipe(portal).pipe(browser);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the portal relay has no port');
  return {
    port: address.port,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
