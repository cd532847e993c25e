// The platform twin's web portal: server-rendered, accessible HTML (labels, headings, landmarks,
// no script), sessions in cookies, every form guarded by a CSRF token, every page behind the
// login, and every rule about who may do what asked of the platform's domain model. This file
// holds the pages every user meets (login, licence agreement, Home with the application picker,
// Help > About, log out) and the dispatch to the page modules.
// Sessions and CSRF tokens are a few lines here rather than a web framework's: the portal is a
// fetch handler (Request in, Response out) served in-process and by the HTTPS server alike.
import { randomBytes } from 'node:crypto';
import type { Platform } from '../platform.ts';
import { Refused } from '../records.ts';
import { routes as applianceRoutes } from './appliances.ts';
import { routes as editRoutes } from './appliance-edit.ts';
import type { PortalContext, Route, Session } from './context.ts';
import { applicationOf, csrfField, page, redirect, refusalPage, securityHeaders } from './context.ts';
import { html } from './html.ts';
import { routes as scanRoutes } from './scans.ts';
import { routes as syslogRoutes } from './syslog.ts';

const COOKIE = 'qualys_session';

function cookieOf(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return null;
}

function sessionCookie(id: string, maxAge?: number): string {
  return `${COOKIE}=${id}; Path=/; HttpOnly; Secure; SameSite=Strict${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;
}

/** The login page, with an alert when a sign-in failed. */
function loginPage(message: string | null, login = '', next = ''): Response {
  return page(null, 'Qualys LOGIN', html`
${message ? html`<p role="alert">${message}</p>` : ''}
<form method="post" action="/login">
  <input type="hidden" name="next" value="${next}">
  <label for="login">User name</label>
  <input id="login" name="login" autocomplete="username" value="${login}" required>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <p><button type="submit">LOGIN</button></p>
</form>`, message ? 401 : 200);
}

/** A path to go back to after login: only the portal's own absolute paths. */
function safeNext(next: string | null): string {
  return next && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : '/home';
}

export interface Portal {
  handle(request: Request): Promise<Response>;
}

export function createPortal(platform: Platform): Portal {
  const sessions = new Map<string, Session>();
  const edition = platform.edition;
  const pageRoutes: Route[] = [...core, ...applianceRoutes, ...editRoutes, ...scanRoutes, ...syslogRoutes];

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const form = method === 'POST' ? new URLSearchParams(await request.text()) : new URLSearchParams();

    if (path === '/login') {
      if (method === 'GET') return loginPage(null, '', url.searchParams.get('next') ?? '');
      if (method === 'POST') {
        const login = form.get('login') ?? '';
        const user = platform.authenticate(login, form.get('password') ?? '');
        if (!user) return loginPage('The user name or password is incorrect.', login, form.get('next') ?? '');
        const session: Session = { id: randomBytes(32).toString('base64url'), login: user.login, csrf: randomBytes(24).toString('base64url'), flash: [] };
        sessions.set(session.id, session);
        const next = user.acceptedLicence ? safeNext(form.get('next')) : '/licence';
        return new Response(null, { status: 303, headers: { location: next, 'set-cookie': sessionCookie(session.id), ...securityHeaders } });
      }
    }

    const id = cookieOf(request);
    const session = id === null ? undefined : sessions.get(id);
    if (!session) {
      if (method !== 'GET') return new Response('Sign in first.', { status: 401, headers: { 'content-type': 'text/plain', ...securityHeaders } });
      return redirect(`/login?next=${encodeURIComponent(path + url.search)}`);
    }
    if (method === 'POST' && form.get('csrf') !== session.csrf) {
      return new Response('The form has expired; load the page again.', { status: 403, headers: { 'content-type': 'text/plain', ...securityHeaders } });
    }
    const user = platform.user(session.login);
    // A declined licence agreement ends the session: nothing is open to a user who has not accepted it.
    const declined = path === '/licence' && method === 'POST' && form.get('decision') !== 'accept';
    if (declined) {
      sessions.delete(session.id);
      return new Response(page(null, 'Qualys LOGIN', html`<p role="alert">You must accept the license agreement to use your account.</p>
<p><a href="/login">Log in again</a></p>`, 403).body, { status: 403, headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': sessionCookie('', 0), ...securityHeaders } });
    }
    if (path === '/logout' && method === 'POST') {
      sessions.delete(session.id);
      return new Response(null, { status: 303, headers: { location: '/login', 'set-cookie': sessionCookie('', 0), ...securityHeaders } });
    }
    // "You are prompted to review and accept the licensing agreement when you log into your
    // account for the first time": nothing else until it is accepted.
    if (!user.acceptedLicence && path !== '/licence') return redirect('/licence');

    for (const route of pageRoutes) {
      if (route.method !== method) continue;
      const match = route.path.exec(path);
      if (!match) continue;
      const params = { ...match.groups };
      let application = null;
      if (route.inApplication) {
        application = edition.applications.map(applicationOf).find((a) => a.slug === params['app']) ?? null;
        if (!application) continue;
      }
      const ctx: PortalContext = { platform, edition, request, url, session, user, application, form };
      try {
        return await route.handle(ctx, params);
      } catch (error) {
        if (error instanceof Refused) return refusalPage(ctx, error);
        throw error;
      }
    }
    const ctx: PortalContext = { platform, edition, request, url, session, user, application: null, form };
    return refusalPage(ctx, new Refused('not-found', `There is no page ${path}.`));
  }

  return { handle };
}

const licenceText = `This Qualys Cloud Platform twin is provided for conformance testing of Qualys Scanner
Appliances. By accepting, you agree to use it only with test data.`;

/** The pages every user meets. */
const core: Route[] = [
  {
    method: 'GET', path: /^\/$/,
    handle: () => redirect('/home'),
  },
  {
    method: 'GET', path: /^\/licence$/,
    handle: (ctx) => page(ctx.user.acceptedLicence ? ctx : { ...ctx, application: null }, 'License Agreement', html`
<p>Please review the license agreement before you use your account.</p>
<section aria-label="License text"><p>${licenceText}</p></section>
<form method="post" action="/licence">${csrfField(ctx)}
  <button type="submit" name="decision" value="accept">Accept</button>
  <button type="submit" name="decision" value="decline">Decline</button>
</form>`),
  },
  {
    method: 'POST', path: /^\/licence$/,
    handle: (ctx) => {
      ctx.platform.acceptLicence(ctx.user.login);
      return redirect('/home');
    },
  },
  {
    // "Your Qualys Home page appears upon successful login."
    method: 'GET', path: /^\/home$/,
    handle: (ctx) => page(ctx, 'Home', html`<p>Welcome, ${ctx.user.login}. Select an application from the application picker.</p>`),
  },
  {
    method: 'GET', path: /^\/app\/(?<app>[a-z0-9-]+)\/$/, inApplication: true,
    handle: (ctx) => page(ctx, ctx.application!.name, html`<p>Use the menus above: Scans, Help.</p>`),
  },
  {
    // "Go to Help > About in the application. The Scanner Appliances section lists URLs at the
    // SOC (Security Operations Center) for your account/location. Your Scanner Appliances must be
    // able to contact these URLs on port 443."
    method: 'GET', path: /^\/help\/about$/,
    handle: (ctx) => {
      const pod = ctx.platform.pod;
      return page(ctx, 'About', html`
<p>Qualys Cloud Platform: <span data-testid="platform-indicator">${pod.id}</span>, ${pod.url}</p>
<section aria-labelledby="scanner-appliances">
  <h2 id="scanner-appliances">Scanner Appliances</h2>
  <p>Your Scanner Appliances must be able to contact these URLs on port 443${pod.private ? html` (your on-site SOC of the Private Cloud Platform)` : ''}:</p>
  <ul aria-label="Scanner appliance URLs">${pod.scannerUrls.map((u) => html`<li>https://${u}:443</li>`)}</ul>
</section>`);
    },
  },
];
