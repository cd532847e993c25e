// Editing an appliance (the Appliance wizard): its name ("The name can be changed using the
// Qualys user interface"), its VLANs and static routes ("Configure VLANs / Static Routes using the
// Qualys UI") and "Enable IPv6 for this scanner" ("Configure IPv6 Address for Scanning"). No
// script runs in the portal: adding or removing a row is a round trip that shows the form again
// with what was typed, and nothing is saved until Save. Every rule is the platform's (rename,
// setVlansAndRoutes, setIpv6); a refusal is shown next to its field, with the values kept.
import type { ApplianceRecord, Ipv6Scanning, StaticRoute, Vlan } from '../records.ts';
import type { PortalContext, Route } from './context.ts';
import { appliancesApplication, csrfField, page, redirect, Refused } from './context.ts';
import type { Markup } from './html.ts';
import { html } from './html.ts';

/** A VLAN row as typed (every field text until the platform reads it). */
interface VlanRow { id: string; address: string; netmask: string; name: string }
interface RouteRow { name: string; destination: string; netmask: string; gateway: string }

/** What the wizard's form holds: the record's settings, or what the user typed. */
interface Draft {
  name: string;
  /** null: the form carried no VLAN settings (the VLAN trunking feature is off). */
  vlans: VlanRow[] | null;
  routes: RouteRow[] | null;
  /** null: the form carried no IPv6 settings (the IPv6 Scanning feature is off). */
  ipv6: { enabled: boolean; mode: 'auto' | 'static'; address: string; prefixLength: string; gateway: string } | null;
}

/** A refusal to show: its message, and the part of the form it is about. */
type Problem = { message: string; field: string | null; kind: Refused['kind'] };

const vlanFields = ['id', 'address', 'netmask', 'name'] as const satisfies ReadonlyArray<keyof VlanRow>;
const routeFields = ['name', 'destination', 'netmask', 'gateway'] as const satisfies ReadonlyArray<keyof RouteRow>;

const vlanLabels: Record<keyof VlanRow, string> = { id: 'VLAN ID', address: 'IPv4 address', netmask: 'Netmask', name: 'Name' };
const routeLabels: Record<keyof RouteRow, string> = { name: 'Name', destination: 'Destination', netmask: 'Netmask', gateway: 'Gateway' };

/** The form field names of a table's columns: vlanId, vlanAddress, ..., routeGateway. */
const fieldName = (table: 'vlan' | 'route', column: string) => `${table}${column[0]!.toUpperCase()}${column.slice(1)}`;

function editPath(ctx: PortalContext, record: ApplianceRecord): string {
  return `/app/${ctx.application!.slug}/scans/appliances/${record.id}/edit`;
}

/** The appliance a path names, if this user may edit it (403 if they may not, 404 if it is not there). */
function editable(ctx: PortalContext, params: Record<string, string>): ApplianceRecord {
  if (ctx.application?.slug !== appliancesApplication(ctx.edition).slug) throw new Refused('not-found', `There is no page ${ctx.url.pathname}.`);
  const record = ctx.platform.recordById(Number(params['id']));
  if (!record || record.name === null) throw new Refused('not-found', 'There is no such scanner appliance.');
  if (!ctx.platform.canEdit(ctx.user, record)) throw new Refused('forbidden', 'You do not have permission to edit this scanner appliance.');
  return record;
}

function draftOf(ctx: PortalContext, record: ApplianceRecord): Draft {
  const { features } = ctx.platform;
  const v6 = record.ipv6;
  return {
    name: record.name ?? '',
    vlans: features.vlanTrunking ? record.vlans.map((v) => ({ id: String(v.id), address: v.address, netmask: v.netmask, name: v.name })) : null,
    routes: features.vlanTrunking ? record.staticRoutes.map((r) => ({ ...r })) : null,
    ipv6: features.ipv6Scanning
      ? v6.enabled && v6.mode === 'static'
        ? { enabled: true, mode: 'static', address: v6.address, prefixLength: String(v6.prefixLength), gateway: v6.gateway }
        : { enabled: v6.enabled, mode: 'auto', address: '', prefixLength: '64', gateway: '' }
      : null,
  };
}

/** Rows from repeated fields (one value per row for each column), blank rows left out. */
function rowsOf<K extends string>(form: URLSearchParams, table: 'vlan' | 'route', columns: readonly K[]): Array<Record<K, string>> {
  const values = columns.map((c) => form.getAll(fieldName(table, c)));
  const count = Math.max(0, ...values.map((v) => v.length));
  const rows: Array<Record<K, string>> = [];
  for (let i = 0; i < count; i++) {
    const row = Object.fromEntries(columns.map((c, j) => [c, (values[j]![i] ?? '').trim()])) as Record<K, string>;
    if (columns.some((c) => row[c] !== '')) rows.push(row);
  }
  return rows;
}

/** "ID, address, netmask, name" entries pasted into a table's "Add several" box: one a line, or separated by semicolons. */
function pasted<K extends string>(text: string, columns: readonly K[]): Array<Record<K, string>> {
  return text.split(/\r?\n|;/).map((l) => l.trim()).filter((l) => l !== '').map((line) => {
    const cells = line.split(/\s*[,\t]\s*/);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) as Record<K, string>;
  });
}

/** The form as posted. Sections are present only if the form showed them (or a request forged them). */
function draftFromForm(form: URLSearchParams): Draft {
  const hasAny = (table: 'vlan' | 'route', columns: readonly string[]) => form.has(`${table}s`) || columns.some((c) => form.has(fieldName(table, c)));
  const ipv6Present = ['ipv6', 'ipv6Enabled', 'ipv6Mode', 'ipv6Address', 'ipv6PrefixLength', 'ipv6Gateway'].some((f) => form.has(f));
  return {
    name: form.get('name') ?? '',
    vlans: hasAny('vlan', vlanFields) ? rowsOf(form, 'vlan', vlanFields) : null,
    routes: hasAny('route', routeFields) ? rowsOf(form, 'route', routeFields) : null,
    ipv6: ipv6Present
      ? {
          enabled: form.get('ipv6Enabled') === 'on',
          mode: form.get('ipv6Mode') === 'static' ? 'static' : 'auto',
          address: (form.get('ipv6Address') ?? '').trim(),
          prefixLength: (form.get('ipv6PrefixLength') ?? '').trim(),
          gateway: (form.get('ipv6Gateway') ?? '').trim(),
        }
      : null,
  };
}

/** A whole number as typed, or NaN (the platform says what it takes). */
const numberOf = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : Number.NaN);

const toVlans = (rows: VlanRow[]): Vlan[] => rows.map((r) => ({ id: numberOf(r.id), address: r.address, netmask: r.netmask, name: r.name }));
const toRoutes = (rows: RouteRow[]): StaticRoute[] => rows.map((r) => ({ ...r }));

function toIpv6(draft: NonNullable<Draft['ipv6']>): Ipv6Scanning {
  if (!draft.enabled) return { enabled: false };
  if (draft.mode === 'auto') return { enabled: true, mode: 'auto' };
  return { enabled: true, mode: 'static', address: draft.address, prefixLength: numberOf(draft.prefixLength), gateway: draft.gateway };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Save: what changed, in the order of the wizard (name, VLANs and static routes, IPv6), each
 * through the platform. Settings the form carried although they were not shown go to the
 * platform too, which refuses them. The first refusal stops the save (what came before it stays
 * saved, and the page says so).
 */
function save(ctx: PortalContext, record: ApplianceRecord, draft: Draft): { saved: string[]; problem: Problem | null } {
  const { platform, user } = ctx;
  const saved: string[] = [];
  try {
    if (draft.name.trim() !== record.name) {
      platform.rename(user, record, draft.name);
      saved.push('name');
    }
    if (draft.vlans !== null || draft.routes !== null) {
      const vlans = draft.vlans === null ? record.vlans : toVlans(draft.vlans);
      const routes = draft.routes === null ? record.staticRoutes : toRoutes(draft.routes);
      if (!platform.features.vlanTrunking || !same(vlans, record.vlans) || !same(routes, record.staticRoutes)) {
        platform.setVlansAndRoutes(user, record, vlans, routes);
        saved.push('VLANs and static routes');
      }
    }
    if (draft.ipv6 !== null) {
      const ipv6 = toIpv6(draft.ipv6);
      if (!platform.features.ipv6Scanning || !same(ipv6, record.ipv6)) {
        platform.setIpv6(user, record, ipv6);
        saved.push('IPv6');
      }
    }
    return { saved, problem: null };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { saved, problem: { message: error.message, field: error.field, kind: error.kind } };
  }
}

// --- The page ----------------------------------------------------------------------------------

/** The alert for a part of the form, where that part is shown. */
function alertFor(problem: Problem | null, fields: readonly string[], id: string): Markup {
  if (!problem || problem.field === null || !fields.includes(problem.field)) return html``;
  return html`<p role="alert" id="${id}">${problem.message}</p>`;
}

/** aria attributes of an input a problem is about. */
function invalid(problem: Problem | null, field: string, errorId: string): Markup {
  return problem?.field === field ? html` aria-invalid="true" aria-describedby="${errorId}"` : html``;
}

function uiVlanLine(record: ApplianceRecord): Markup {
  const report = record.lastReport;
  if (!report) return html`<p data-testid="ui-vlan">The appliance has not reported its own settings yet.</p>`;
  if (report.uiVlan === 0) return html`<p data-testid="ui-vlan">No VLAN is set on the appliance (LCD and Remote Console).</p>`;
  return html`<p data-testid="ui-vlan">VLAN set on the appliance: ${report.uiVlan} (can't be edited here)</p>`;
}

/** One table of the wizard (VLANs, static routes): a group per row, Add, Remove, and a box to add several at once. */
function table<K extends string>(spec: {
  table: 'vlan' | 'route'; title: string; row: string; noun: string; plural: string; columns: readonly K[]; labels: Record<K, string>; rows: Array<Record<K, string>>;
  limit: string; pasteHelp: string; problem: Problem | null;
}): Markup {
  const { table: t, problem } = spec;
  const errorId = `${t}s-error`;
  const rows = spec.rows.map((row, i) => html`
    <fieldset class="row"><legend>${spec.row} ${i + 1}</legend>
      ${spec.columns.map((c) => html`<label>${spec.labels[c]} <input name="${fieldName(t, c)}" value="${row[c]}"${invalid(problem, `${t}s`, errorId)}></label>`)}
      <label><input type="checkbox" name="${t}Remove" value="${i}"> Remove</label>
    </fieldset>`);
  return html`
  <fieldset aria-describedby="${t}s-limit"><legend>${spec.title}</legend>
    <input type="hidden" name="${t}s" value="shown">
    <p id="${t}s-limit">${spec.limit}</p>
    ${alertFor(problem, [`${t}s`], errorId)}
    ${spec.rows.length === 0 ? html`<p>None.</p>` : html`<p data-testid="${t}-count">${spec.rows.length} ${spec.rows.length === 1 ? spec.noun : spec.plural}</p>`}
    ${rows}
    <p><button type="submit" name="action" value="add-${t}">Add ${spec.noun}</button>
      ${spec.rows.length === 0 ? '' : html`<button type="submit" name="action" value="remove-${t}">Remove the selected ${spec.plural}</button>`}</p>
    <details><summary>Add several ${spec.plural} at once</summary>
      <label for="${t}-paste">${spec.pasteHelp}</label>
      <textarea id="${t}-paste" name="${t}Paste" rows="6" cols="60"></textarea>
      <p><button type="submit" name="action" value="paste-${t}">Add these ${spec.plural}</button></p>
    </details>
  </fieldset>`;
}

function ipv6Fields(draft: NonNullable<Draft['ipv6']>, problem: Problem | null): Markup {
  const fields = ['ipv6', 'ipv6Address', 'ipv6PrefixLength', 'ipv6Gateway'];
  const errorId = 'ipv6-error';
  const checked = (on: boolean) => (on ? html` checked` : html``);
  return html`
  <fieldset class="ipv6"><legend>IPv6</legend>
    <input type="hidden" name="ipv6" value="shown">
    ${alertFor(problem, fields, errorId)}
    <p><input type="checkbox" id="ipv6-enabled" name="ipv6Enabled" value="on"${checked(draft.enabled)}${invalid(problem, 'ipv6', errorId)}>
      <label for="ipv6-enabled" class="inline">Enable IPv6 for this scanner</label></p>
    <fieldset><legend>IPv6 address assignment</legend>
      <p><input type="radio" id="ipv6-auto" name="ipv6Mode" value="auto"${checked(draft.mode === 'auto')}>
        <label for="ipv6-auto" class="inline">Automatically</label> (IP assignment through router advertisement)</p>
      <p><input type="radio" id="ipv6-static" name="ipv6Mode" value="static"${checked(draft.mode === 'static')}>
        <label for="ipv6-static" class="inline">Static</label></p>
      <div class="static">
        <label for="ipv6-address">IPv6 address</label>
        <input id="ipv6-address" name="ipv6Address" value="${draft.address}"${invalid(problem, 'ipv6Address', errorId)}>
        <label for="ipv6-prefix">Prefix length</label>
        <input id="ipv6-prefix" name="ipv6PrefixLength" inputmode="numeric" value="${draft.prefixLength}"${invalid(problem, 'ipv6PrefixLength', errorId)}>
        <label for="ipv6-gateway">IPv6 gateway</label>
        <input id="ipv6-gateway" name="ipv6Gateway" value="${draft.gateway}"${invalid(problem, 'ipv6Gateway', errorId)}>
      </div>
    </fieldset>
  </fieldset>`;
}

// The static address fields show only while Static is chosen (style, not script).
const wizardStyle = `.ipv6:has(#ipv6-auto:checked) .static{display:none}
label.inline{display:inline}fieldset{margin:.5em 0}fieldset.row label{display:inline-block;margin-right:1em}`;

function wizard(ctx: PortalContext, record: ApplianceRecord, draft: Draft, problem: Problem | null, saved: string[] = [], status = 200): Response {
  const { platform, edition } = ctx;
  const nameError = 'name-error';
  const general = ['name'];
  const other = problem && (problem.field === null || ![...general, 'vlans', 'routes', 'ipv6', 'ipv6Address', 'ipv6PrefixLength', 'ipv6Gateway'].includes(problem.field));
  return page(ctx, 'Edit Scanner Appliance', html`
<style>${wizardStyle}</style>
<p>Scanner appliance <strong data-testid="appliance-name">${record.name}</strong> (${record.model}). The appliance picks up saved settings the next time it contacts the platform.</p>
${saved.length > 0 ? html`<p role="status">Saved: ${saved.join(', ')}.</p>` : ''}
${other ? html`<p role="alert">${problem.message}</p>` : ''}
<form method="post" action="${editPath(ctx, record)}" novalidate>${csrfField(ctx)}
  <button type="submit" name="action" value="save" hidden tabindex="-1">Save</button>
  <section aria-labelledby="general"><h2 id="general">General</h2>
    ${alertFor(problem, general, nameError)}
    <label for="name">Name</label>
    <input id="name" name="name" value="${draft.name}" maxlength="200"${invalid(problem, 'name', nameError)}>
  </section>
  <section aria-labelledby="lan-settings"><h2 id="lan-settings">LAN settings</h2>
    ${uiVlanLine(record)}
    ${draft.vlans === null ? '' : table({
      table: 'vlan', title: 'VLANs', row: 'VLAN', noun: 'VLAN', plural: 'VLANs', columns: vlanFields, labels: vlanLabels, rows: draft.vlans, problem,
      limit: `This appliance takes up to ${platform.vlanLimitOf(record)} VLANs.`,
      pasteHelp: 'VLANs to add, one a line or separated by semicolons: VLAN ID, IPv4 address, netmask, name',
    })}
    ${draft.routes === null ? '' : table({
      table: 'route', title: 'Static routes', row: 'Static route', noun: 'static route', plural: 'static routes', columns: routeFields, labels: routeLabels, rows: draft.routes, problem,
      limit: `This appliance takes up to ${edition.staticRouteLimit} static routes.`,
      pasteHelp: 'Static routes to add, one a line or separated by semicolons: name, destination, netmask, gateway',
    })}
    ${draft.ipv6 === null ? '' : ipv6Fields(draft.ipv6, problem)}
  </section>
  <p><button type="submit" name="action" value="save">Save</button> <a href="/app/${ctx.application!.slug}/scans/appliances">Cancel</a></p>
</form>`, status);
}

/** A round trip of the form that is not Save: a row added or removed, rows pasted. */
function rearranged(draft: Draft, action: string, form: URLSearchParams): Draft {
  const next = structuredClone(draft);
  const removed = (table: 'vlan' | 'route') => new Set(form.getAll(`${table}Remove`).map(Number));
  if (action === 'add-vlan' && next.vlans) next.vlans.push({ id: '', address: '', netmask: '', name: '' });
  if (action === 'add-route' && next.routes) next.routes.push({ name: '', destination: '', netmask: '', gateway: '' });
  if (action === 'remove-vlan' && next.vlans) next.vlans = next.vlans.filter((_, i) => !removed('vlan').has(i));
  if (action === 'remove-route' && next.routes) next.routes = next.routes.filter((_, i) => !removed('route').has(i));
  if (action === 'paste-vlan' && next.vlans) next.vlans.push(...pasted(form.get('vlanPaste') ?? '', vlanFields));
  if (action === 'paste-route' && next.routes) next.routes.push(...pasted(form.get('routePaste') ?? '', routeFields));
  return next;
}

/**
 * The empty rows the user added stay on the form (rowsOf drops blank rows, so they are counted
 * back from the posted fields).
 */
function withBlankRows(draft: Draft, form: URLSearchParams): Draft {
  const next = structuredClone(draft);
  const blanks = (table: 'vlan' | 'route', columns: readonly string[]) => {
    const count = Math.max(0, ...columns.map((c) => form.getAll(fieldName(table, c)).length));
    return Array.from({ length: count }, (_, i) => columns.every((c) => (form.getAll(fieldName(table, c))[i] ?? '').trim() === ''));
  };
  const refill = <R>(rows: R[] | null, flags: boolean[], blank: () => R): R[] | null => {
    if (rows === null) return null;
    const out: R[] = [];
    let next = 0;
    for (const isBlank of flags) out.push(isBlank ? blank() : rows[next++]!);
    return [...out, ...rows.slice(next)];
  };
  next.vlans = refill(next.vlans, blanks('vlan', vlanFields), () => ({ id: '', address: '', netmask: '', name: '' }));
  next.routes = refill(next.routes, blanks('route', routeFields), () => ({ name: '', destination: '', netmask: '', gateway: '' }));
  return next;
}

export const routes: Route[] = [
  {
    // "Go to Scans > Appliances and edit your Scanner Appliance. You'll see the Appliance wizard."
    method: 'GET', path: /^\/app\/(?<app>[a-z0-9-]+)\/scans\/appliances\/(?<id>\d+)\/edit$/, inApplication: true,
    handle: (ctx, params) => {
      const record = editable(ctx, params);
      return wizard(ctx, record, draftOf(ctx, record), null);
    },
  },
  {
    // "Be sure to save the Appliance settings."
    method: 'POST', path: /^\/app\/(?<app>[a-z0-9-]+)\/scans\/appliances\/(?<id>\d+)\/edit$/, inApplication: true,
    handle: (ctx, params) => {
      const record = editable(ctx, params);
      const draft = draftFromForm(ctx.form);
      const action = ctx.form.get('action') ?? 'save';
      if (action !== 'save') return wizard(ctx, record, rearranged(withBlankRows(draft, ctx.form), action, ctx.form), null);
      const { saved, problem } = save(ctx, record, draft);
      if (problem) {
        const status = problem.kind === 'forbidden' ? 403 : 400;
        // What was not shown stays off the page even when a request carried it.
        const shown = draftOf(ctx, record);
        const kept: Draft = {
          name: draft.name,
          vlans: shown.vlans === null ? null : draft.vlans ?? shown.vlans,
          routes: shown.routes === null ? null : draft.routes ?? shown.routes,
          ipv6: shown.ipv6 === null ? null : draft.ipv6 ?? shown.ipv6,
        };
        return wizard(ctx, record, withBlankRows(kept, ctx.form), problem, saved, status);
      }
      ctx.session.flash.push({ kind: 'status', text: 'The appliance settings are saved. The appliance picks them up the next time it contacts the platform.' });
      return redirect(editPath(ctx, record));
    },
  },
];
