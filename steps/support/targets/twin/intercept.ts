// The in-process twin's platform API, answered by msw's setupServer: the twin's cloud agent calls
// the global fetch with the POD's real HTTPS URL, and msw answers it from the bench's handlers
// without a network. Any request no handler takes is an error (a test's unexpected traffic
// fails loudly). One msw server per process (it patches the process's fetch); each scenario's
// bench puts its handlers in and takes them out when it stops.
import { http, passthrough } from 'msw';
import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import type { SetupServer } from 'msw/node';

let server: SetupServer | null = null;

/** The suite's own traffic to servers on loopback (the portal the browser is pointed at) goes through. */
const loopback = http.all(/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//, () => passthrough());

/** Answers fetches from `api`'s handlers (following their changes) until the returned stop is called. */
export function interceptPlatform(api: { handlers(): HttpHandler[]; onChange(listener: () => void): () => void }): () => void {
  if (!server) {
    server = setupServer();
    server.listen({ onUnhandledFrame: 'error' });
  }
  const active = server;
  const follow = () => active.resetHandlers(loopback, ...api.handlers());
  follow();
  const unsubscribe = api.onChange(follow);
  return () => {
    unsubscribe();
    active.resetHandlers(loopback);
  };
}

/** The global fetch, looked up at call time (msw replaces it while listening). */
export const globalFetch = (input: string, init: RequestInit): Promise<Response> => fetch(input, init);
