// The whole way in, as people do it: a coordinator invites by e-mail, the invitee accepts and sets
// a password, enrols a second factor by QR code, logs in again with a code and sees the
// organisation. Every page on the way is checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServerAndBrowser } from '../lib/fixture.mjs';
import { axeViolations } from '../lib/browser.mjs';
import { totp } from '../lib/totp.mjs';

const env = useServerAndBrowser();
const NEWCOMER = 'nina.nouvelle@example.be';
const PASSWORD = 'un vélo cargo sur la Sambre';

// The e-mail goes out through the jobs (the runner polls every second): wait for it a while.
async function lastMail(to) {
  for (let waited = 0; waited < 10000; waited += 100) {
    const files = existsSync(env.server.outbox) ? readdirSync(env.server.outbox).filter((f) => f.endsWith('.eml')).sort() : [];
    const mails = files.map((f) => readFileSync(join(env.server.outbox, f), 'utf8')).filter((m) => m.includes(to));
    if (mails.length > 0) return mails[mails.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no e-mail to ${to} in the outbox after 10 s`);
}

async function expectNoAxeViolations(page, where, problems) {
  for (const v of await axeViolations(page)) problems.push(`${where}: ${v}`);
}

test('invite → accept → password → second factor → log in with a code → the organisation', async () => {
  const base = env.server.baseUrl;
  const problems = [];

  // The coordinator invites.
  const coordinator = await env.browser.newContext({ bypassCSP: true });
  const cp = await coordinator.newPage();
  await cp.goto(`${base}/login?lang=en`);
  await cp.fill('#email', 'coordinator.charleroi@demo.relais.be');
  await cp.fill('#password', 'demo-relais-2026');
  await Promise.all([cp.waitForURL(/\/account/), cp.click('button[type="submit"]')]);
  await cp.goto(`${base}/organisations/cpas-charleroi/members?lang=en`);
  await cp.fill('#invite-email', NEWCOMER);
  await cp.fill('#invite-name', 'Nina Nouvelle');
  await cp.selectOption('#invite-role', 'worker');
  await cp.selectOption('#invite-language', 'en');
  await Promise.all([cp.waitForURL(/done=invited/), cp.click('form[action$="/members/invite"] button[type="submit"]')]);
  assert.ok(await cp.isVisible('text=The invitation has been sent.'));
  await expectNoAxeViolations(cp, 'members (after invite)', problems);
  await coordinator.close();

  // The invitee opens the link from the e-mail.
  const mail = await lastMail(NEWCOMER);
  assert.match(mail, new RegExp(`^To: <?${NEWCOMER.replace(/[.]/g, "\\.")}>?\r?$`, "m"));
  const link = mail.match(/https?:\/\/\S+\/invitation\?token=\S+/)[0];
  const invitee = await env.browser.newContext({ bypassCSP: true });
  const ip = await invitee.newPage();
  await ip.goto(link);
  assert.equal(await ip.getAttribute('html', 'lang'), 'en');
  assert.ok(await ip.isVisible('text=CPAS de Charleroi (démo)'));
  await expectNoAxeViolations(ip, 'invitation', problems);
  await ip.fill('#password', PASSWORD);
  await ip.fill('#confirm', PASSWORD);
  await Promise.all([ip.waitForURL(/\/organisations\/cpas-charleroi$/), ip.click('button[type="submit"]')]);

  // Enrol the second factor by reading the key as an authenticator app would.
  await ip.goto(`${base}/account/second-factor`);
  assert.ok(await ip.isVisible('.qr svg'));
  await expectNoAxeViolations(ip, 'second-factor enrolment', problems);
  const secret = (await ip.textContent('.secret')).replace(/\s/g, '');
  await ip.fill('#code', totp(secret));
  await ip.click('button[type="submit"]');
  assert.equal((await ip.locator('.recovery-codes li').count()), 10);
  await expectNoAxeViolations(ip, 'recovery codes', problems);
  await Promise.all([ip.waitForURL(/\/login/), ip.goto(`${base}/account`).then(() => ip.click('form[action="/logout"] button'))]);

  // Log in again: password, then a fresh code.
  await ip.goto(`${base}/login`);
  await ip.fill('#email', NEWCOMER);
  await ip.fill('#password', PASSWORD);
  await Promise.all([ip.waitForURL(/\/login\/second-factor/), ip.click('button[type="submit"]')]);
  await expectNoAxeViolations(ip, 'second-factor login', problems);
  // The enrolment code is used up; the next time step's code is accepted (±1 step tolerance).
  await ip.fill('#code', totp(secret, Date.now() + 30_000));
  await Promise.all([ip.waitForURL(/\/account/), ip.click('button[type="submit"]')]);
  await ip.click('text=CPAS de Charleroi (démo)');
  await ip.waitForURL(/\/organisations\/cpas-charleroi$/);
  assert.equal(await ip.textContent('h1'), 'CPAS de Charleroi (démo)');
  // A worker does not manage members.
  const members = await ip.goto(`${base}/organisations/cpas-charleroi/members`);
  assert.equal(members.status(), 403);
  await invitee.close();

  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a volunteer cannot open the members page; another CPAS is not even found', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.baseUrl}/login`);
  await page.fill('#email', 'volunteer.charleroi@demo.relais.be');
  await page.fill('#password', 'demo-relais-2026');
  await Promise.all([page.waitForURL(/\/account/), page.click('button[type="submit"]')]);
  assert.equal((await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/members`)).status(), 403);
  assert.equal((await page.goto(`${env.server.baseUrl}/organisations/oeshz-eupen`)).status(), 404);
  await context.close();
});
