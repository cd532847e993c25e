// Security as the guide documents it and as a lab must keep it: the appliance allows no incoming
// connection from the network (NAME-006); the portal's pages ask for a login, refuse forms posted
// from other sites or without the session's token, and run no script; the lab's secrets (the
// proxy password, the portal passwords) never reach the transcript or the evidence of a scenario.
import assert from 'node:assert/strict';
import { Then, When } from '../support/define.ts';
import type { Port } from '../support/protocols.ts';
import type { NamedSecret } from '../support/redact.ts';
import { secretsIn, secretsInSerialLog, unmaskedSecretFields } from '../support/redact.ts';
import { statementLayout } from '../../fixtures/targets.ts';
import { heading, labAccount } from '../support/tasks/portal.ts';
import type { Actor } from '../support/actor.ts';
import { noteKey } from '../support/notes.ts';
import { TypeOnKeyboard } from '../support/tasks/panel.ts';
import type { InboundAttempt } from '../support/tasks/lab.ts';
import { ConnectInbound, ConnectInboundOnGeneratedPorts } from '../support/tasks/lab.ts';
import type { Crawl, PostAnswer } from '../support/tasks/portal-pages.ts';
import {
  OpenEachWithoutSession, pathOf, PostEachWithoutSession, PostFromAnotherSite, SendWithForgedToken, signedInUser, VisitEveryPage,
} from '../support/tasks/portal-pages.ts';

// ---------------------------------------------------------------------------------------------
// "the Appliance does not allow incoming logins or connections from the network" (ERRATA-400)

/** "tcp 22 23 80, udp 161 514" -> the attempts it lists. */
function attemptsOf(text: string): InboundAttempt[] {
  return text.split(',').flatMap((group) => {
    const [protocol, ...numbers] = group.trim().split(/\s+/);
    if (protocol !== 'tcp' && protocol !== 'udp') throw new Error(`"${group.trim()}": a list of ports starts with tcp or udp`);
    return numbers.map((n) => {
      const number = Number(n);
      if (!Number.isInteger(number) || number < 1 || number > 65535) throw new Error(`"${n}" is not a port number`);
      return { protocol, number };
    });
  });
}

Then('a host on the {port} cannot connect to the appliance on {string}', async function (port: Port, list: string) {
  const attempts = attemptsOf(list);
  const failures = await this.attemptsTo(ConnectInbound(port, attempts, list));
  assert.deepEqual(failures, [], `of ${attempts.length} connection attempts on the ${port}, ${failures.length} were not refused`);
});

/** Any port, TCP or UDP, drawn anew each run; a failure shrinks to one port and prints the seed. */
Then('a host on the {port} cannot connect to the appliance on any of {int} generated ports', async function (port: Port, runs: number) {
  await this.attemptsTo(ConnectInboundOnGeneratedPorts(port, runs));
});

// ---------------------------------------------------------------------------------------------
// The portal's pages: behind the login, no script, no form from elsewhere (ERRATA-402)

const crawled = noteKey<Crawl>('crawl of the portal');
/** The answer to the latest form the scenario posted. */
const lastPost = noteKey<PostAnswer>('answer to the latest form posted');

function crawlOf(actor: Actor): Crawl {
  return actor.notes.need(crawled, 'no pages were visited in this scenario: "When I visit every page the portal links to" first');
}

const MAX_PAGES = 40;

/**
 * From the page shown, every page of the portal its links lead to (one of each kind, at most 40),
 * as the signed-in user reaches them: each page's answer and the forms it offers are kept.
 */
When('I visit every page the portal links to', async function () {
  const found = await this.attemptsTo(VisitEveryPage(MAX_PAGES));
  this.actor.transcript.push(`    pages visited: ${found.pages.join(' ')}`, `    their forms post to: ${[...found.forms].join(' ')}`);
  assert.ok(found.pages.length > 1, `the portal's pages link to no other page: ${found.pages.join(', ')}`);
  this.notes.set(crawled, found);
});

/** CSP directives: name -> sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!.toLowerCase(), sources]));
}

Then('every page visited was answered with a Content-Security-Policy that runs no script', async function () {
  const problems: string[] = [];
  for (const a of crawlOf(this.actor).answers) {
    if (a.status !== 200) problems.push(`${a.path}: HTTP ${a.status}`);
    if (a.scripts > 0) problems.push(`${a.path}: ${a.scripts} script elements`);
    if (!a.csp) { problems.push(`${a.path}: no Content-Security-Policy`); continue; }
    const policy = directives(a.csp);
    // script-src, or default-src where it is absent, must allow nothing.
    const scripts = policy.get('script-src') ?? policy.get('default-src');
    if (scripts?.join(' ') !== "'none'") problems.push(`${a.path}: scripts may run (${a.csp})`);
    if (policy.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`${a.path}: may be framed by another site (${a.csp})`);
  }
  assert.deepEqual(problems, []);
});

Then('without a session every page visited shows the {string} page', async function (title: string) {
  const wrong = await this.attemptsTo(OpenEachWithoutSession(crawlOf(this.actor).pages, title));
  assert.deepEqual(wrong, [], `pages shown without a session instead of "${title}"`);
});

Then('without a session every form of the pages visited is refused', async function () {
  const forms = [...crawlOf(this.actor).forms];
  assert.ok(forms.length > 0, 'the pages visited have no form');
  const posts = await this.attemptsTo(PostEachWithoutSession(forms));
  if (posts.length > 0) this.notes.set(lastPost, posts[posts.length - 1]!);
  const accepted = posts.filter((post) => post.status !== 401 && post.status !== 403).map((post) => `${post.path}: HTTP ${post.status}`);
  assert.deepEqual(accepted, [], 'forms the portal took without a session');
});

/**
 * Another site's page (about:blank, an opaque origin) in the same browser, whose form posts to
 * the portal: the browser's own cookie rules and the portal's token check are what stop it.
 */
When("a page of another site posts a form to the portal's {string}", async function (path: string) {
  this.notes.set(lastPost, await this.attemptsTo(PostFromAnotherSite(path)));
});

/** A form of the page sent with its CSRF token changed (a forged form of the same site). */
When('I send the {string} form with a forged CSRF token', async function (button: string) {
  this.notes.set(lastPost, await this.attemptsTo(SendWithForgedToken(button)));
});

Then('the portal refused the form', async function () {
  const post = this.notes.get(lastPost);
  assert.ok(post, 'no form was posted in this scenario');
  assert.ok(post.status === 401 || post.status === 403, `the portal answered the form to ${post.path} with HTTP ${post.status}: ${post.text.slice(0, 200)}`);
});

Then('I am still logged in to the portal as {string}', async function (login: string) {
  const page = await this.portal.page();
  await page.goto('/home');
  assert.equal(await heading(page), 'Home', `the portal shows ${pathOf(page.url())}, not the Home page`);
  assert.equal(await signedInUser(page), login);
});

/** Not readable by a page's scripts, sent only over HTTPS, never with a request another site starts. */
Then("the portal's session cookie is HttpOnly, Secure and SameSite=Strict", async function () {
  const page = await this.portal.page();
  const cookies = await page.context().cookies(page.url());
  assert.ok(cookies.length > 0, 'the portal set no cookie');
  for (const c of cookies) {
    assert.deepEqual({ name: c.name, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite }, { name: c.name, httpOnly: true, secure: true, sameSite: 'Strict' });
  }
});

// ---------------------------------------------------------------------------------------------
// The lab's secrets stay out of what the scenario leaves behind (ERRATA-401)

When('I type the password named {string} on the remote console keyboard', async function (name: string) {
  await this.attemptsTo(TypeOnKeyboard(labAccount().secrets.value(name), `the password named "${name}"`));
});

function labSecrets(): NamedSecret[] {
  const { secrets } = labAccount();
  return secrets.names().map((name) => ({ name, value: secrets.value(name) }));
}

/**
 * The transcript so far and the target's evidence (the serial line's bytes, replayed on a
 * terminal as a person reading them would) name no secret's value, and the replay never shows
 * a character of the password field unmasked. Names only in the message.
 */
Then("no secret of the lab appears in the scenario's transcript or evidence", async function () {
  this.actor.recordScreens();
  const secrets = labSecrets();
  const found: string[] = secretsIn(this.actor.transcript.join('\n'), secrets).map((n) => `transcript: ${n}`);
  for (const item of this.target.evidence?.() ?? []) {
    if (item.fileName !== 'serial.log') {
      found.push(...secretsIn(item.body, secrets).map((n) => `${item.fileName}: ${n}`));
      continue;
    }
    found.push(...secretsInSerialLog(item.body, secrets).map((n) => `serial.log: ${n}`));
    const unmasked = unmaskedSecretFields(item.body, this.guide.firmware, statementLayout(this.actor.session.statement));
    if (unmasked > 0) found.push(`serial.log: ${unmasked} characters drawn unmasked in the password field`);
  }
  assert.deepEqual(found, [], 'secrets given away');
});
