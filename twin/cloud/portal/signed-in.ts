// A signed-in browser session on the portal through its own request handling (no browser, no
// server): for the portal's unit tests.
import assert from 'node:assert/strict';
import { loadAccount, loadEdition } from '../../../fixtures/platform.ts';
import type { PortalEdition } from '../../../fixtures/platform.ts';
import { Secrets } from '../../../fixtures/secrets.ts';
import { Platform } from '../platform.ts';
import { createPortal } from './index.ts';

export const account = loadAccount();
const secrets = new Secrets();
const ORIGIN = 'https://portal.test';

export function platformOf(edition: PortalEdition | string, now: () => number = () => 0): Platform {
  return new Platform({ account, edition: typeof edition === 'string' ? loadEdition(edition) : edition, now, pollIntervalMs: 180_000, password: (n) => secrets.value(n) });
}

/** A signed-in browser session on the portal: its cookie and CSRF token. */
export async function signIn(platform: Platform, login: string) {
  const portal = createPortal(platform);
  const user = account.users.find((u) => u.login === login)!;
  const answer = await portal.handle(new Request(`${ORIGIN}/login`, { method: 'POST', body: new URLSearchParams({ login, password: secrets.value(user.passwordSecret) }) }));
  assert.equal(answer.status, 303, `log in as ${login}`);
  const cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
  const home = await (await portal.handle(new Request(`${ORIGIN}/home`, { headers: { cookie } }))).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(home)?.[1];
  assert.ok(csrf, 'no CSRF token on Home');
  const get = async (path: string) => {
    const r = await portal.handle(new Request(`${ORIGIN}${path}`, { headers: { cookie } }));
    return { status: r.status, location: r.headers.get('location'), text: await r.text() };
  };
  const post = async (path: string, fields: Record<string, string>, token: string = csrf) => {
    const r = await portal.handle(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { cookie }, body: new URLSearchParams({ ...fields, csrf: token }) }));
    return { status: r.status, location: r.headers.get('location'), text: await r.text() };
  };
  return { get, post };
}
