// Scans > Setup > Syslog Forwarding (2022 guide, "Scanner Appliance Syslog Forwarding"):
// "Select VM/VMDR or PC from the application picker. Then go to Scans > Setup > Syslog
// Forwarding." "Select the option Enable Syslog Forwarding and provide details for the remote
// syslog server, including the protocol (TCP or UDP), port number (default is 514), and either
// the IP address (IPv4 or IPv6) or DNS hostname. Then hit Save." The settings are the
// subscription's (Platform.syslog); the platform decides who may change them and what it
// accepts, and the page shows its refusals next to the field they are about.
import type { SyslogSettings } from '../records.ts';
import type { PortalContext, Route } from './context.ts';
import { Refused, csrfField, page, redirect } from './context.ts';
import type { Markup } from './html.ts';
import { html } from './html.ts';

const PATH = /^\/app\/(?<app>[a-z0-9-]+)\/scans\/setup\/syslog$/;
const TITLE = 'Syslog Forwarding';

/**
 * The page exists where the edition documents it, in the applications it names; only Managers
 * open it (ERRATA-381). The refusal's words are the guide's prerequisite, as setSyslog says them.
 */
function checkAvailable(ctx: PortalContext): NonNullable<PortalContext['edition']['syslogForwarding']> {
  const spec = ctx.edition.syslogForwarding;
  if (!spec || !ctx.application || !ctx.edition.syslogApplications.includes(ctx.application.name)) {
    throw new Refused('not-found', `There is no page ${ctx.url.pathname}.`);
  }
  ctx.platform.mayConfigureSyslog(ctx.user);
  return spec;
}

/** The form's values as text: what is saved, or what the user entered. */
interface Entered { enabled: boolean; protocol: string; port: string; server: string }

type Field = 'protocol' | 'port' | 'server';
const fields: readonly string[] = ['protocol', 'port', 'server'] satisfies Field[];

function fromSettings(settings: SyslogSettings | null, defaultPort: number): Entered {
  // Nothing saved yet: "port number (default is 514)"; no protocol chosen (ERRATA-383).
  if (!settings) return { enabled: false, protocol: '', port: String(defaultPort), server: '' };
  return { enabled: settings.enabled, protocol: settings.protocol, port: String(settings.port), server: settings.server };
}

/** An input's error: role=alert, and the input described by it and marked invalid. */
function errorOf(field: Field, error: Refused | null): { attributes: Markup | string; message: Markup | string } {
  if (error?.field !== field) return { attributes: '', message: '' };
  return {
    attributes: html` aria-invalid="true" aria-describedby="${field}-error"`,
    message: html`<p id="${field}-error" role="alert" class="field-error">${error.message}</p>`,
  };
}

function form(ctx: PortalContext, entered: Entered, protocols: readonly string[], error: Refused | null): Response {
  const protocol = errorOf('protocol', error);
  const port = errorOf('port', error);
  const server = errorOf('server', error);
  // A refusal about no one field shows above the form.
  const general = error && !fields.includes(error.field ?? '') ? html`<p role="alert">${error.message}</p>` : '';
  return page(ctx, TITLE, html`
<p>Scan related syslog messages of every scanner appliance in the subscription, forwarded to a remote syslog server.</p>
${general}
<form method="post" action="${ctx.url.pathname}" novalidate>${csrfField(ctx)}
  <p><input type="checkbox" id="enabled" name="enabled" value="on"${entered.enabled ? html` checked` : ''}> <label for="enabled" style="display:inline">Enable Syslog Forwarding</label></p>
  <fieldset${protocol.attributes}><legend>Protocol</legend>
    ${protocols.map((p) => html`<label><input type="radio" name="protocol" value="${p}"${entered.protocol === p ? html` checked` : ''}> ${p}</label>`)}
    ${protocol.message}
  </fieldset>
  <label for="port">Port</label>
  <input id="port" name="port" inputmode="numeric" value="${entered.port}"${port.attributes}>
  ${port.message}
  <label for="server">Syslog server</label>
  <input id="server" name="server" value="${entered.server}" placeholder="IPv4 or IPv6 address, or DNS hostname"${server.attributes}>
  ${server.message}
  <p><button type="submit">Save</button></p>
</form>`, error ? 400 : 200);
}

export const routes: Route[] = [
  {
    method: 'GET', path: PATH, inApplication: true,
    handle: (ctx) => {
      const spec = checkAvailable(ctx);
      return form(ctx, fromSettings(ctx.platform.syslog, spec.defaultPort), spec.protocols, null);
    },
  },
  {
    method: 'POST', path: PATH, inApplication: true,
    handle: (ctx) => {
      const spec = checkAvailable(ctx);
      const entered: Entered = {
        enabled: ctx.form.get('enabled') === 'on',
        protocol: ctx.form.get('protocol') ?? '',
        port: ctx.form.get('port') ?? '',
        server: ctx.form.get('server') ?? '',
      };
      const portText = entered.port.trim();
      // A blank Port is the default port (ERRATA-383); anything but digits is no port at all.
      const port = portText === '' ? spec.defaultPort : /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
      try {
        ctx.platform.setSyslog(ctx.user, { enabled: entered.enabled, protocol: entered.protocol as SyslogSettings['protocol'], port, server: entered.server });
      } catch (error) {
        // What the user may not do is a refusal page; what they entered wrong, the form again.
        if (error instanceof Refused && error.kind === 'invalid') return form(ctx, entered, spec.protocols, error);
        throw error;
      }
      ctx.session.flash.push({ kind: 'status', text: entered.enabled ? 'Syslog forwarding is enabled for all scanner appliances of the subscription.' : 'Syslog forwarding is disabled.' });
      return redirect(ctx.url.pathname);
    },
  },
];
