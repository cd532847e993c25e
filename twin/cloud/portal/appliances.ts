// Scans > Appliances: the appliances list with its preview pane, and New > Scanner Appliance
// (activation with the code from the appliance's screen; "Add To" an asset group for Unit
// Managers). Who sees which appliance, who may activate, and what an activation code must be are
// the platform's rules (platform.ts); these pages only ask and show. Every value from the
// platform's data (names, asset groups, what the user typed) goes through the html template.
import type { ApplianceRecord } from '../records.ts';
import { Refused } from '../records.ts';
import type { Application, PortalContext, Route } from './context.ts';
import { appliancesApplication, csrfField, page, redirect } from './context.ts';
import type { Markup } from './html.ts';
import { html } from './html.ts';

export const LIST_TITLE = 'Scanner Appliances';
export const NEW_TITLE = 'New Scanner Appliance';

/** Where Scans > Appliances is for an application. */
export function appliancesPath(application: Application): string {
  return `/app/${application.slug}/scans/appliances`;
}

/** The Appliance wizard of an appliance (appliance-edit.ts). */
export function editPath(application: Application, record: Pick<ApplianceRecord, 'id'>): string {
  return `${appliancesPath(application)}/${record.id}/edit`;
}

/** The list with one appliance selected (its preview pane open). */
export function previewPath(application: Application, record: Pick<ApplianceRecord, 'id'>): string {
  return `${appliancesPath(application)}?selected=${record.id}`;
}

const typeNames: Record<ApplianceRecord['type'], string> = { physical: 'Physical Appliance', virtual: 'Virtual Appliance' };

/** The application of the page, if it is the one Scans > Appliances belongs to. */
function appliancesApp(ctx: PortalContext): Application {
  const home = appliancesApplication(ctx.edition);
  if (ctx.application?.slug !== home.slug) throw new Refused('not-found', `Scans > Appliances is in ${home.name}.`);
  return ctx.application;
}

/** The busy icon: greyed out until a scan runs, then lit. Its name and state are announced. */
function busyIcon(busy: boolean): Markup {
  const fill = busy ? '#e07b00' : '#c4c4c4';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="7" fill="${fill}"/><path d="M8 4v4l3 2" stroke="#fff" stroke-width="1.6" fill="none"/></svg>`;
  return html`<img src="data:image/svg+xml,${encodeURIComponent(svg)}" width="16" height="16" alt="Busy: ${busy ? 'yes' : 'no'}" data-state="${busy ? 'lit' : 'greyed-out'}">`;
}

function detailRow(label: string, value: Markup | string): Markup {
  return html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
}

/** "Go to Scans > Appliances and select your Appliance. You'll see details in the preview pane." */
function previewPane(ctx: PortalContext, application: Application, record: ApplianceRecord): Markup {
  const { platform } = ctx;
  const report = record.lastReport;
  const versions = Object.entries(report?.softwareVersions ?? {});
  return html`<section aria-label="Preview">
<h2>${record.name ?? ''}</h2>
${platform.canEdit(ctx.user, record) ? html`<p><a href="${editPath(application, record)}" aria-label="Edit ${record.name ?? ''}">Edit</a></p>` : ''}
<table aria-label="Appliance details">
${detailRow('Status', html`<span>${platform.statusOf(record)}</span> ${busyIcon(platform.busy(record))}`)}
${detailRow('Type', typeNames[record.type])}
${detailRow('Available capacity', `${platform.capacityOf(record)}%`)}
${detailRow('IP address', report?.lanIpv4 ?? 'Not reported')}
${record.assetGroup === null ? '' : detailRow('Asset group', record.assetGroup)}
${detailRow('Activated by', record.activatedBy ?? '')}
</table>
<h3>Latest software versions</h3>
<p>These are installed automatically as part of the activation.</p>
${versions.length === 0
    ? html`<p>Not reported yet: the appliance has not contacted the platform since it was activated.</p>`
    : html`<table aria-label="Software versions"><tr><th scope="col">Software</th><th scope="col">Version</th></tr>
${versions.map(([name, version]) => detailRow(name, version))}</table>`}
</section>`;
}

/** The "New" menu: only for users who may activate ("A Manager or Unit Manager account is required"). */
function newMenu(ctx: PortalContext, application: Application): Markup | string {
  if (!ctx.platform.canActivate(ctx.user)) return '';
  return html`<nav aria-label="Actions"><ul><li><details><summary>New</summary><ul><li><a href="${appliancesPath(application)}/new">Scanner Appliance</a></li></ul></details></li></ul></nav>`;
}

function listPage(ctx: PortalContext): Response {
  const application = appliancesApp(ctx);
  const { platform, user } = ctx;
  const records = platform.appliancesFor(user);
  const wanted = ctx.url.searchParams.get('selected');
  const selected = wanted === null ? null : records.find((r) => String(r.id) === wanted) ?? null;
  // An appliance outside the user's list is not there for them (another business unit's, say).
  if (wanted !== null && !selected) throw new Refused('not-found', 'There is no such scanner appliance in your list.');
  const rows = records.map((r) => html`<tr>
  <th scope="row"><a href="${previewPath(application, r)}"${r === selected ? html` aria-current="true"` : ''}>${r.name ?? ''}</a></th>
  <td>${typeNames[r.type]}</td>
  <td>${platform.statusOf(r)}</td>
</tr>`);
  return page(ctx, LIST_TITLE, html`${newMenu(ctx, application)}
<table>
  <caption>Scanner appliances</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Status</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
${records.length === 0 ? html`<p>No scanner appliances yet.</p>` : ''}
${selected ? previewPane(ctx, application, selected) : ''}`);
}

/** The platform's own refusal when the user may not activate: in its words, not the page's. */
function mayActivate(ctx: PortalContext): void {
  // activate() refuses a user without the role before it looks at anything else.
  if (!ctx.platform.canActivate(ctx.user)) ctx.platform.activate(ctx.user, '');
}

function statusFor(error: Refused): number {
  return error.kind === 'forbidden' ? 403 : error.kind === 'not-found' ? 404 : error.kind === 'conflict' ? 409 : 400;
}

/**
 * "Select New > Scanner Appliance and enter the activation code for the appliance (as it appears
 * in the ACTIVATION CODE screen in your Appliance's user interface." "(Unit Manager only) From the
 * Add To menu, select an asset group that you want to add the Scanner Appliance to."
 */
function newPage(ctx: PortalContext, entered: { code: string; group: string }, error: Refused | null = null): Response {
  const application = appliancesApp(ctx);
  const groups = ctx.platform.assetGroupsFor(ctx.user);
  const unitManager = ctx.user.role === 'unit-manager';
  const codeError = error !== null && error.field !== 'assetGroup';
  const groupError = error !== null && error.field === 'assetGroup';
  const invalid = (on: boolean) => on ? html` aria-invalid="true" aria-describedby="activation-error"` : '';
  return page(ctx, NEW_TITLE, html`
<p>Enter the activation code for the appliance as it appears in the ACTIVATION CODE screen in your
Appliance's user interface. The activation code is shown only when the Appliance has not been activated yet.</p>
${error ? html`<p role="alert" id="activation-error">${error.message}</p>` : ''}
<form method="post" action="${appliancesPath(application)}/new">${csrfField(ctx)}
  <label for="activationCode">Activation code</label>
  <input id="activationCode" name="activationCode" value="${entered.code}" inputmode="numeric" autocomplete="off" spellcheck="false"${invalid(codeError)}>
  ${unitManager ? html`<label for="assetGroup">Add To</label>
  <select id="assetGroup" name="assetGroup"${invalid(groupError)}>
    <option value="">Select an asset group</option>
    ${groups.map((g) => html`<option value="${g}"${g === entered.group ? html` selected` : ''}>${g}</option>`)}
  </select>` : ''}
  <p><button type="submit">Activate</button> <a href="${appliancesPath(application)}">Cancel</a></p>
</form>`, error ? statusFor(error) : 200);
}

export const routes: Route[] = [
  {
    method: 'GET', path: /^\/app\/(?<app>[a-z0-9-]+)\/scans\/appliances$/, inApplication: true,
    handle: (ctx) => listPage(ctx),
  },
  {
    method: 'GET', path: /^\/app\/(?<app>[a-z0-9-]+)\/scans\/appliances\/new$/, inApplication: true,
    handle: (ctx) => {
      appliancesApp(ctx);
      mayActivate(ctx);
      return newPage(ctx, { code: '', group: '' });
    },
  },
  {
    // "Click Activate. Then the Scanner Appliance attempts to log in to the Qualys Cloud Platform."
    method: 'POST', path: /^\/app\/(?<app>[a-z0-9-]+)\/scans\/appliances\/new$/, inApplication: true,
    handle: (ctx) => {
      const application = appliancesApp(ctx);
      const code = ctx.form.get('activationCode') ?? '';
      const group = ctx.form.get('assetGroup') ?? '';
      try {
        const record = ctx.platform.activate(ctx.user, code, group === '' ? null : group);
        ctx.session.flash.push({
          kind: 'status',
          text: `Scanner appliance ${record.name ?? ''} activated. It logs in to the Qualys Cloud Platform at its next polling request, within a few minutes, or at once when restarted.`,
        });
        return redirect(appliancesPath(application));
      } catch (error) {
        // A user who may not activate at all gets the refusal page; a wrong entry, the form again.
        if (error instanceof Refused && error.field !== null) return newPage(ctx, { code, group }, error);
        throw error;
      }
    },
  },
];
