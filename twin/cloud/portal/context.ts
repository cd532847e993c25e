// What every portal page gets: the platform, the signed-in user's session, the request, and
// helpers to answer (pages in the common layout, redirects, refusals). Page modules export
// routes; index.ts dispatches to them after checking the session.
import type { PortalEdition } from '../../../fixtures/platform.ts';
import type { Platform } from '../platform.ts';
import type { User } from '../records.ts';
import { Refused } from '../records.ts';
import type { Markup } from './html.ts';
import { html, trusted } from './html.ts';

export interface Session {
  id: string;
  login: string;
  /** Sent back with every form; a POST without it is refused (cross-site request forgery). */
  csrf: string;
  /** One-time messages for the next page shown ("Appliance activated", ...). */
  flash: Array<{ kind: 'status' | 'alert'; text: string }>;
}

export interface Application {
  /** As the picker shows it: "VM", "VM/VMDR", "PC". */
  name: string;
  /** In URLs: "vm", "vm-vmdr", "pc". */
  slug: string;
}

export interface PortalContext {
  platform: Platform;
  edition: PortalEdition;
  request: Request;
  url: URL;
  session: Session;
  user: User;
  /** The application of the page (null outside one: Home, Help > About). */
  application: Application | null;
  /** The form a POST carried (already checked for its CSRF token). */
  form: URLSearchParams;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Matched against the path; named groups become `params`. */
  path: RegExp;
  /** Whether the path is under /app/<slug>/ (its application is then in the context). */
  inApplication?: boolean;
  handle(ctx: PortalContext, params: Record<string, string>): Response | Promise<Response>;
}

export function applicationOf(name: string): Application {
  return { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') };
}

/** The application Scans > Appliances belongs to: the first the edition's picker lists. */
export function appliancesApplication(edition: PortalEdition): Application {
  return applicationOf(edition.applications[0]!);
}

export const securityHeaders: Record<string, string> = {
  // No script runs in the portal: markup smuggled into a name could not run even if it escaped.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function redirect(location: string, status = 303): Response {
  return new Response(null, { status, headers: { location, ...securityHeaders } });
}

const roleNames: Record<User['role'], string> = { manager: 'Manager', 'unit-manager': 'Unit Manager', reader: 'Reader' };

export function roleName(role: User['role']): string {
  return roleNames[role];
}

/** A hidden field carrying the session's CSRF token: every form has one. */
export function csrfField(ctx: { session: Session }): Markup {
  return html`<input type="hidden" name="csrf" value="${ctx.session.csrf}">`;
}

/** The menus of the header: the application picker, Scans, Help, and who is signed in. */
function header(ctx: PortalContext): Markup {
  const { edition, application, user } = ctx;
  const picker = edition.applications.map((name) => {
    const app = applicationOf(name);
    const current = application?.slug === app.slug;
    return html`<li><a href="/app/${app.slug}/"${current ? html` aria-current="page"` : ''}>${name}</a></li>`;
  });
  const scans: Markup[] = [];
  if (application) {
    if (application.slug === appliancesApplication(edition).slug) {
      scans.push(html`<li><a href="/app/${application.slug}/scans/scans">Scans</a></li>`);
      scans.push(html`<li><a href="/app/${application.slug}/scans/appliances">Appliances</a></li>`);
    }
    if (edition.syslogForwarding && edition.syslogApplications.includes(application.name)) {
      scans.push(html`<li><details><summary>Setup</summary><ul><li><a href="/app/${application.slug}/scans/setup/syslog">Syslog Forwarding</a></li></ul></details></li>`);
    }
  }
  return html`<header>
  <p class="brand"><a href="/home">Qualys Cloud Platform</a></p>
  <nav aria-label="Application picker"><ul>${picker}</ul></nav>
  <nav aria-label="Main menu"><ul>
    ${scans.length > 0 ? html`<li><details><summary>Scans</summary><ul>${scans}</ul></details></li>` : ''}
    <li><details><summary>Help</summary><ul><li><a href="/help/about">About</a></li></ul></details></li>
  </ul></nav>
  <p class="user">Signed in as <span data-testid="signed-in-user">${user.login}</span> (${roleName(user.role)})</p>
  <form method="post" action="/logout">${csrfField(ctx)}<button type="submit">Log out</button></form>
</header>`;
}

const style = `
body{font-family:sans-serif;margin:0;color:#222}
header{display:flex;gap:1.5em;align-items:center;background:#1d2d44;color:#fff;padding:.5em 1em;flex-wrap:wrap}
header a,header summary{color:#fff}
header ul{list-style:none;margin:0;padding:0;display:flex;gap:1em}
header details ul{display:block;position:absolute;background:#1d2d44;padding:.5em}
main{padding:1em 2em}
[role=alert]{color:#a00;font-weight:bold}
[role=status]{color:#060}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
label{display:block;margin:.5em 0 .2em}
.field-error{color:#a00}
`;

/** A whole page in the portal's layout. `main` is the page's own content, under its h1. */
export function page(ctx: PortalContext | null, title: string, main: Markup, status = 200): Response {
  const flash = ctx ? ctx.session.flash.splice(0) : [];
  const body = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} - Qualys</title><style>${trusted(style)}</style></head>
<body>${ctx ? header(ctx) : ''}
<main><h1>${title}</h1>
${flash.map((f) => html`<p role="${f.kind}">${f.text}</p>`)}
${main}
</main></body></html>`;
  return new Response(body.text, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...securityHeaders } });
}

/** A refusal as a page: 403 for what the user may not do, 404 for what is not there, 400 otherwise. */
export function refusalPage(ctx: PortalContext, error: Refused): Response {
  const status = { forbidden: 403, 'not-found': 404, conflict: 409, invalid: 400 }[error.kind];
  const title = error.kind === 'forbidden' ? 'Not allowed' : error.kind === 'not-found' ? 'Not found' : 'Not accepted';
  return page(ctx, title, html`<p role="alert">${error.message}</p>`, status);
}

export { Refused };
