// A local socket that takes requests as JSON, one per line, and answers each on a line of its
// own, in order: the twin process's bench (twin/control.ts) and the live lab's platform host
// (twin/platform-host.ts). A JSON-RPC library would add only envelope fields over a socket both
// ends own.
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

export interface LineRequest {
  id: number;
  op: string;
  /** Named arguments (the bench's own operations) or arguments in order (a protocol's methods). */
  args?: Record<string, unknown> | unknown[];
}

/** Answers one request: its result, or an error whose message goes back to the client. */
export type Answer = (op: string, args: LineRequest['args']) => Promise<unknown>;

function serve(socket: Socket, answer: Answer): void {
  let buffer = '';
  // Requests run one after another, in order: time must not move under a pending one.
  let queue = Promise.resolve();
  const reply = async (line: string): Promise<void> => {
    let request: LineRequest;
    try {
      request = JSON.parse(line) as LineRequest;
    } catch {
      socket.write(JSON.stringify({ id: null, error: 'not JSON' }) + '\n');
      return;
    }
    try {
      const result = await answer(request.op, request.args);
      socket.write(JSON.stringify({ id: request.id, result: result ?? null }) + '\n');
    } catch (error) {
      socket.write(JSON.stringify({ id: request.id, error: (error as Error).message }) + '\n');
    }
  };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      queue = queue.then(() => reply(line));
    }
  });
  socket.on('error', () => socket.destroy());
}

/** Listens on a Unix socket at `path` (a stale one is replaced) and answers every connection's requests. */
export async function listenForRequests(path: string, answer: Answer): Promise<Server> {
  rmSync(path, { force: true });
  const server = createServer((socket) => serve(socket, answer));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return server;
}
