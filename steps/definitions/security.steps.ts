// Security as the guide documents it and as a lab must keep it: the appliance allows no incoming
// connection from the network (NAME-006); the portal's pages ask for a login, refuse forms posted
// from other sites or without the session's token, and run no script; the lab's secrets (the
// proxy password, the portal passwords) never reach the transcript or the evidence of a scenario.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Then, When } from '../support/define.ts';
import type { Port } from '../support/protocols.ts';
import type { NamedSecret } from '../support/redact.ts';
import { secretsIn, secretsInSerialLog, unmaskedSecretFields } from '../support/redact.ts';
import { statementLayout } from '../../fixtures/targets.ts';
import { heading, labAccount } from '../support/tasks/portal.ts';
import type { Actor } from '../support/actor.ts';
import { noteKey } from '../support/notes.ts';
import { typeOnKeyboard } from '../support/tasks/panel.ts';
import type { Crawl, PostAnswer } from '../support/tasks/portal-pages.ts';
import { crawl, pathOf, postFormFrom, sendWithForgedToken, signedInUser } from '../support/tasks/portal-pages.ts';

// ---------------------------------------------------------------------------------------------
// "the Appliance does not allow incoming logins or connections from the network" (ERRATA-400)

interface Attempt { protocol: 'tcp' | 'udp'; number: number }

/** "tcp 22 23 80, udp 161 514" -> the attempts it lists. */
function attemptsOf(text: string): Attempt[] {
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

/** The appliance's own exchanges, not incoming connections: the DHCP and DHCPv6 client ports. */
const clientPorts: readonly Attempt[] = [{ protocol: 'udp', number: 68 }, { protocol: 'udp', number: 546 }];

/** What a refused attempt was instead, or null when it was refused. */
async function tryInbound(actor: Actor, port: Port, attempt: Attempt): Promise<string | null> {
  const outcome = await actor.need('lab').connectInbound({ port, ...attempt });
  if (outcome === 'refused') return null;
  const what = `${attempt.protocol}/${attempt.number} on the ${port}`;
  return outcome === 'accepted'
    ? `${what}: accepted (the appliance allows an incoming connection)`
    : `${what}: no answer (the appliance has no address on the ${port} here, so nothing was tried)`;
}

Then('a host on the {port} cannot connect to the appliance on {string}', async function (port: Port, list: string) {
  const attempts = attemptsOf(list);
  const failures = await this.act(`lab: a host on the ${port} connects to the appliance's address on ${list}`, async () => {
    const out: string[] = [];
    for (const attempt of attempts) {
      const failure = await tryInbound(this.actor, port, attempt);
      if (failure) out.push(failure);
    }
    return out;
  });
  assert.deepEqual(failures, [], `of ${attempts.length} connection attempts on the ${port}, ${failures.length} were not refused`);
});

/** Any port, TCP or UDP, drawn anew each run; a failure shrinks to one port and prints the seed. */
Then('a host on the {port} cannot connect to the appliance on any of {int} generated ports', async function (port: Port, runs: number) {
  const attempt = fc.record({ protocol: fc.constantFrom<'tcp' | 'udp'>('tcp', 'udp'), number: fc.integer({ min: 1, max: 65535 }) })
    .filter((a) => !clientPorts.some((c) => c.protocol === a.protocol && c.number === a.number));
  await this.act(`lab: a host on the ${port} connects to ${runs} ports of the appliance drawn at random`, () =>
    fc.assert(fc.asyncProperty(attempt, async (a) => {
      const failure = await tryInbound(this.actor, port, a);
      assert.equal(failure, null, failure ?? '');
    }), { numRuns: runs }));
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
  const page = await this.portal.page();
  const found = await this.act('portal: visit every page the links lead to', () => crawl(page, MAX_PAGES));
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
  const page = await this.portal.page();
  const wrong: string[] = [];
  await this.act('portal: open each page visited without a session', async () => {
    for (const path of crawlOf(this.actor).pages) {
      await page.goto(path);
      const shown = await heading(page);
      if (shown !== title || new URL(page.url()).pathname !== '/login') wrong.push(`${path}: "${shown}" at ${pathOf(page.url())}`);
    }
  });
  assert.deepEqual(wrong, [], `pages shown without a session instead of "${title}"`);
});

Then('without a session every form of the pages visited is refused', async function () {
  const page = await this.portal.page();
  const forms = [...crawlOf(this.actor).forms];
  assert.ok(forms.length > 0, 'the pages visited have no form');
  const accepted: string[] = [];
  await this.act(`portal: post each of ${forms.length} forms without a session`, async () => {
    for (const path of forms) {
      // A form on a page of the portal's own origin, posted without a session cookie.
      await page.goto('/login');
      const action = new URL(path, page.url());
      const post = await postFormFrom(page, action);
      this.notes.set(lastPost, post);
      if (post.status !== 401 && post.status !== 403) accepted.push(`${path}: HTTP ${post.status}`);
    }
  });
  assert.deepEqual(accepted, [], 'forms the portal took without a session');
});

/**
 * Another site's page (about:blank, an opaque origin) in the same browser, whose form posts to
 * the portal: the browser's own cookie rules and the portal's token check are what stop it.
 */
When("a page of another site posts a form to the portal's {string}", async function (path: string) {
  const page = await this.portal.page();
  const action = new URL(path, page.url()).href;
  const other = await page.context().newPage();
  try {
    await this.act(`another site's page posts a form to ${path}`, async () => {
      this.notes.set(lastPost, await postFormFrom(other, new URL(action)));
    });
  } finally {
    await other.close();
  }
});

/** A form of the page sent with its CSRF token changed (a forged form of the same site). */
When('I send the {string} form with a forged CSRF token', async function (button: string) {
  const page = await this.portal.page();
  await this.act(`portal: send the "${button}" form with a forged CSRF token`, async () => {
    this.notes.set(lastPost, await sendWithForgedToken(page, button));
  });
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
  const value = labAccount().secrets.value(name);
  await this.act(`type the password named "${name}" on the remote console keyboard`, () => typeOnKeyboard(this.actor, value));
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
