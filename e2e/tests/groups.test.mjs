// Group scopes and resuming an idle session, in a real browser: axe in the four languages,
// a phone-sized screen, and the "still there?" page keeping what was typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { useServerAndBrowser } from '../lib/fixture.mjs';
import { axeViolations, LANGUAGES } from '../lib/browser.mjs';

const PASSWORD = 'demo-relais-2026';
const env = useServerAndBrowser();

async function logIn(page, email) {
  await page.goto(`${env.server.baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/account/), page.click('button[type="submit"]')]);
}

/** Make every open session look idle (its last activity years ago, within its 12 hours). */
function ageSessions() {
  execFileSync('sqlite3', [env.server.database, "UPDATE sessions SET last_seen_at = '2000' || substr(last_seen_at, 5)"]);
}

test('a lead coordinator grants a scope through the form; group pages pass axe in four languages', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await logIn(page, 'coordinator.charleroi@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi?lang=en`);
  await Promise.all([page.waitForURL(/\/groups\/clic-tous-connectes/), page.click('a[href="/groups/clic-tous-connectes"]')]);
  await page.click('a[href="/groups/clic-tous-connectes/scopes"]');
  const victor = await page.locator('#scope-user option', { hasText: 'Victor Lecteur' }).getAttribute('value');
  await page.selectOption('#scope-user', victor);
  await Promise.all([page.waitForURL(/done=granted/), page.click('form[action="/groups/clic-tous-connectes/scopes"] button')]);
  assert.match(await page.textContent('[role="status"]'), /granted/);
  assert.ok(await page.isVisible('td:has-text("viewer.charleroi@demo.relais.be")'));
  const problems = [];
  for (const path of ['/groups/clic-tous-connectes', '/groups/clic-tous-connectes/scopes']) {
    for (const lang of LANGUAGES) {
      await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
      for (const v of await axeViolations(page)) problems.push(`${path} [${lang}] ${v}`);
    }
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the funder sees the programme figures on a phone, with zero axe violations', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await logIn(page, 'viewer.digilab@demo.relais.be');
  const problems = [];
  for (const lang of LANGUAGES) {
    await page.goto(`${env.server.baseUrl}/groups/e-inclusion-2022?lang=${lang}`);
    assert.ok(await page.isVisible('tfoot'), 'figures shown to the programme scope');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `[${lang}] page is ${width}px wide`);
    for (const v of await axeViolations(page)) problems.push(`[${lang}] ${v}`);
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('after inactivity, the password brings the session back and the typed form is sent', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await logIn(page, 'coordinator.puurs@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/ocmw-puurs-sint-amands/members?lang=nl`);
  await page.fill('#invite-email', 'jonas.janssens@example.be');
  await page.fill('#invite-name', 'Jonas Janssens');
  ageSessions(); // the helper was away longer than the timeout
  await page.click('form[action$="/members/invite"] button[type="submit"]');
  assert.match(await page.textContent('h1'), /Bent u er nog\?/);
  const problems = [];
  for (const v of await axeViolations(page)) problems.push(v);
  await page.fill('#resume-password', 'niet het wachtwoord');
  await page.click('form.stack button[type="submit"]');
  assert.match(await page.textContent('[role="alert"]'), /wachtwoord klopt niet/);
  for (const v of await axeViolations(page)) problems.push(v);
  await page.fill('#resume-password', PASSWORD);
  await Promise.all([page.waitForURL(/done=invited/), page.click('form.stack button[type="submit"]')]);
  assert.ok(await page.isVisible('li.member dd:has-text("jonas.janssens@example.be")'), 'the invitation typed before the pause went through');
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test("the network's whole directory passes axe in each language", async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await logIn(page, 'coordinator.bruxelles@demo.relais.be');
  const problems = [];
  for (const lang of LANGUAGES) {
    await page.goto(`${env.server.baseUrl}/groups/informaticiens-publics/places?lang=${lang}`);
    assert.ok(await page.locator('li.result').count() >= 5);
    for (const v of await axeViolations(page)) problems.push(`[${lang}] ${v}`);
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});
