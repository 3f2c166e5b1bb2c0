// Accounts in a real browser: log in with a demo account through the form, see the account page,
// log out; axe on the signed-in pages in the four languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from '../lib/fixture.mjs';
import { axeViolations, LANGUAGES } from '../lib/browser.mjs';

const EMAIL = 'coordinator.charleroi@demo.relais.be';
const PASSWORD = 'demo-relais-2026';
const env = useServerAndBrowser();

async function logIn(page) {
  await page.goto(`${env.server.baseUrl}/account`);
  assert.match(page.url(), /\/login/, 'signed-out visitors are sent to the login page');
  await page.fill('#email', EMAIL);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/account/), page.click('button[type="submit"]')]);
}

test('a coordinator logs in through the form, sees the organisation, logs out', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await logIn(page);
  assert.ok(await page.isVisible(`text=${EMAIL}`));
  assert.ok(await page.isVisible('text=CPAS de Charleroi (démo)'));
  await Promise.all([page.waitForURL(/\/login/), page.click('form[action="/logout"] button')]);
  await page.goto(`${env.server.baseUrl}/account`);
  assert.match(page.url(), /\/login/);
  await context.close();
});

test('a wrong password shows a translated error next to the kept e-mail', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${env.server.baseUrl}/login?lang=de`);
  await page.fill('#email', 'worker.eupen@demo.relais.be');
  await page.fill('#password', 'nicht das richtige Passwort');
  await page.click('button[type="submit"]');
  assert.ok(await page.isVisible('[role="alert"]'));
  assert.match(await page.textContent('[role="alert"]'), /Passwort falsch/);
  assert.equal(await page.inputValue('#email'), 'worker.eupen@demo.relais.be');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('signed-in pages (account, organisation, members) have zero axe violations in each language', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await logIn(page);
  const problems = [];
  const paths = ['/account', '/account/tokens', '/account/second-factor', '/organisations/cpas-charleroi', '/organisations/cpas-charleroi/members', '/organisations/cpas-charleroi/audit', '/organisations/cpas-charleroi/settings'];
  for (const path of paths) {
    for (const lang of LANGUAGES) {
      await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      for (const v of await axeViolations(page)) problems.push(`${path} [${lang}] ${v}`);
    }
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the members page fits a 320 px screen without horizontal page scrolling', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await logIn(page);
  for (const lang of LANGUAGES) {
    await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/members?lang=${lang}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `[${lang}] page is ${width}px wide`);
  }
  await context.close();
});
