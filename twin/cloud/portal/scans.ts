// Scans > Scans: the scans of the appliances the user sees, with their status, and the two actions
// the guide's Communication Failure advice names: "use the Qualys user interface to cancel any
// running scans and restart them to ensure that results are accurate." Who may do either, and
// what a scan's status is, are the platform's rules (platform.ts, ERRATA-326).
import type { ScanView } from '../records.ts';
import { Refused } from '../records.ts';
import type { Application, PortalContext, Route } from './context.ts';
import { appliancesApplication, csrfField, page, redirect } from './context.ts';
import type { Markup } from './html.ts';
import { html } from './html.ts';

export const SCANS_TITLE = 'Scans';

export function scansPath(application: Application): string {
  return `/app/${application.slug}/scans/scans`;
}

/** Scans > Scans is in the application Scans > Appliances is in. */
function scansApp(ctx: PortalContext): Application {
  const home = appliancesApplication(ctx.edition);
  if (ctx.application?.slug !== home.slug) throw new Refused('not-found', `Scans > Scans is in ${home.name}.`);
  return ctx.application;
}

/** A scan's ID in a URL: "scan/12" is 12. */
function scanNumber(scan: Pick<ScanView, 'id'>): string {
  return scan.id.split('/')[1]!;
}

function actions(ctx: PortalContext, application: Application, scan: ScanView): Markup | string {
  if (!ctx.platform.canEdit(ctx.user, scan.appliance)) return '';
  const ongoing = scan.status === 'Queued' || scan.status === 'Running';
  const action = ongoing ? 'cancel' : 'relaunch';
  const label = ongoing ? 'Cancel' : 'Relaunch';
  return html`<form method="post" action="${scansPath(application)}/${scanNumber(scan)}/${action}">${csrfField(ctx)}
    <button type="submit" aria-label="${label} scan ${scan.id}">${label}</button></form>`;
}

function listPage(ctx: PortalContext): Response {
  const application = scansApp(ctx);
  const scans = ctx.platform.scansFor(ctx.user);
  const rows = scans.map((s) => html`<tr>
  <th scope="row">${s.id}</th>
  <td>${s.appliance.name ?? ''}</td>
  <td>${s.targets.join(', ')}</td>
  <td>${s.status}${s.canceledBy ? html` by ${s.canceledBy}` : ''}</td>
  <td>${actions(ctx, application, s)}</td>
</tr>`);
  return page(ctx, SCANS_TITLE, html`
<table>
  <caption>Scans</caption>
  <thead><tr><th scope="col">Scan</th><th scope="col">Scanner appliance</th><th scope="col">Targets</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
${scans.length === 0 ? html`<p>No scans yet.</p>` : ''}`);
}

function act(ctx: PortalContext, params: Record<string, string>, action: 'cancel' | 'relaunch'): Response {
  const application = scansApp(ctx);
  const id = `scan/${params['n']}`;
  if (action === 'cancel') {
    ctx.platform.cancelScan(ctx.user, id);
    ctx.session.flash.push({ kind: 'status', text: `Scan ${id} canceled.` });
  } else {
    const relaunched = ctx.platform.relaunchScan(ctx.user, id);
    ctx.session.flash.push({ kind: 'status', text: `Scan ${id} relaunched as ${relaunched.id}. The appliance starts it at its next polling request.` });
  }
  return redirect(scansPath(application));
}

export const routes: Route[] = [
  {
    method: 'GET', path: /^\/app\/(?<app>[a-z0-9-]+)\/scans\/scans$/, inApplication: true,
    handle: (ctx) => listPage(ctx),
  },
  {
    method: 'POST', path: /^\/app\/(?<app>[a-z0-9-]+)\/scans\/scans\/(?<n>\d+)\/cancel$/, inApplication: true,
    handle: (ctx, params) => act(ctx, params, 'cancel'),
  },
  {
    method: 'POST', path: /^\/app\/(?<app>[a-z0-9-]+)\/scans\/scans\/(?<n>\d+)\/relaunch$/, inApplication: true,
    handle: (ctx, params) => act(ctx, params, 'relaunch'),
  },
];
