// Helpers in a real browser on a phone: a coordinator adds a volunteer without an account and
// fills their profile (a mistake is shown and what was typed kept), a volunteer keeps their own
// profile from the organisation's page; the helpers' pages pass axe in four languages and fit
// the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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

async function check(page, label, problems) {
  for (const v of await axeViolations(page)) problems.push(`${label} ${v}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 360) problems.push(`${label} is ${width}px wide`);
}

test('a coordinator adds a volunteer on a phone and fills the profile; the pages pass axe in four languages', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await logIn(page, 'coordinator.charleroi@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi?lang=en`);
  await Promise.all([page.waitForURL(/\/helpers$/), page.click('main a[href="/organisations/cpas-charleroi/helpers"]')]);
  assert.match(await page.textContent('main'), /Véronique Bénévole/);
  await Promise.all([page.waitForURL(/\/helpers\/new/), page.click('main a[href$="/helpers/new"]')]);

  // A mistake: the error is shown, what was typed is kept.
  await page.fill('#helper-name', 'Sofia R.');
  await page.fill('#helper-email', 'sofia@');
  await page.fill('#helper-phone', '0471 23 45 67');
  await page.check('#helper-language-es');
  await Promise.all([page.waitForLoadState('load'), page.click('form button[type="submit"]')]);
  assert.match(await page.textContent('[role="alert"]'), /not complete/);
  assert.equal(await page.inputValue('#helper-phone'), '0471 23 45 67');
  assert.ok(await page.isChecked('#helper-language-es'));
  await page.fill('#helper-email', 'sofia@example.be');
  await Promise.all([page.waitForURL(/done=created/), page.click('form button[type="submit"]')]);

  // The profile: times in the grid, a referent, a skill.
  await page.check('input[name="available"][value="2-morning"]');
  await page.check('input[name="available"][value="4-afternoon"]');
  await page.selectOption('#helper-referent', { label: 'Walid Aidant' });
  await page.selectOption('#helper-skill-device', '3');
  await Promise.all([page.waitForURL(/done=saved/), page.click('form[action$="' + new URL(page.url()).pathname + '"] button[type="submit"]')]);
  assert.match(await page.textContent('[role="status"]'), /Profile saved/);
  assert.ok(await page.isChecked('input[name="available"][value="2-morning"]'));
  const profile = new URL(page.url()).pathname;

  const problems = [];
  for (const lang of LANGUAGES) {
    for (const path of ['/organisations/cpas-charleroi/helpers', '/organisations/cpas-charleroi/helpers/new', profile, '/organisations/cpas-charleroi/headcount']) {
      await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
      await check(page, `${path} [${lang}]`, problems);
    }
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a volunteer opens their own profile from the organisation page and changes their languages', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await logIn(page, 'volunteer.charleroi@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi?lang=nl`);
  assert.equal(await page.locator('main a[href="/organisations/cpas-charleroi/helpers"]').count(), 0, 'no list of the others');
  await Promise.all([page.waitForURL(/\/helpers\/[0-9a-f-]{36}$/), page.click('main a[href$="/helpers/me"]')]);
  assert.equal(await page.locator('#helper-family').count(), 0, 'the job family is the coordinator\'s');
  await page.check('#helper-language-tr');
  await Promise.all([page.waitForURL(/done=saved/), page.click('form button[type="submit"]')]);
  assert.match(await page.textContent('[role="status"]'), /Profiel opgeslagen/);
  assert.ok(await page.isChecked('#helper-language-tr'));
  const problems = [];
  for (const lang of LANGUAGES) {
    await page.goto(`${page.url().split('?')[0]}?lang=${lang}`);
    await check(page, `own profile [${lang}]`, problems);
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('someone applies to volunteer from a phone in Dutch, the coordinator records the steps; the pages pass axe in four languages', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${env.server.baseUrl}/volunteer/cpas-charleroi?lang=nl`);
  await page.click('details summary');
  assert.match(await page.textContent('.charter'), /Ik respecteer/);
  await page.fill('#apply-name', 'Eva Browser');
  await page.fill('#apply-phone', '0470 55 44 33');
  await Promise.all([page.waitForLoadState('load'), page.click('form button[type="submit"]')]);
  assert.match(await page.textContent('[role="alert"]'), /Vink het vakje aan/);
  assert.equal(await page.inputValue('#apply-name'), 'Eva Browser');
  await page.check('#apply-consent');
  await Promise.all([page.waitForURL(/done=sent/), page.click('form button[type="submit"]')]);
  assert.match(await page.textContent('[role="status"]'), /Bedankt/);
  const problems = [];
  for (const lang of LANGUAGES) {
    for (const path of ['/volunteer/cpas-charleroi', '/groups/informaticiens-publics/volunteer']) {
      await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
      await check(page, `${path} [${lang}]`, problems);
    }
  }

  await logIn(page, 'coordinator.charleroi@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/helpers?lang=en`);
  await Promise.all([page.waitForURL(/\/applications$/), page.click('main a[href$="/applications"]')]);
  await Promise.all([page.waitForURL(/\/applications\/[0-9a-f-]{36}$/), page.click('main a:has-text("Eva Browser")')]);
  const application = new URL(page.url()).pathname;
  await Promise.all([page.waitForURL(/done=step/), page.click('form[action$="/step"] button[type="submit"]')]);
  assert.match(await page.textContent('main'), /Met and accepted/);
  await Promise.all([page.waitForURL(/done=step/), page.click('form[action$="/step"] button[type="submit"]')]);
  assert.match(await page.textContent('main'), /Charter, version 1/);
  for (const lang of LANGUAGES) {
    for (const path of ['/organisations/cpas-charleroi/applications', application, '/organisations/cpas-charleroi/charter']) {
      await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
      await check(page, `${path} [${lang}]`, problems);
    }
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a volunteer signs up for next Tuesday\'s drop-in from their phone; the shifts and coverage pages pass axe in four languages', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await logIn(page, 'volunteer.charleroi@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi?lang=fr`);
  await Promise.all([page.waitForURL(/\/shifts$/), page.click('main a[href="/organisations/cpas-charleroi/shifts"]')]);
  // The first Tuesday listed is next Tuesday's drop-in at the Marcinelle antenna.
  const tuesday = page.locator('li.result', { hasText: 'Marcinelle' }).first();
  assert.match(await tuesday.locator('h2').textContent(), /mardi/i);
  await Promise.all([page.waitForURL(/done=signed-up/), tuesday.getByRole('button', { name: 'M’inscrire', exact: true }).click()]);
  assert.match(await page.textContent('[role="status"]'), /Vous êtes inscrit/);
  const mine = page.locator('li.result', { hasText: 'Marcinelle' }).first();
  assert.match(await mine.textContent(), /Vous êtes inscrit\./);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `fits the phone (${width}px)`);
  const problems = [];
  for (const lang of LANGUAGES) {
    await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/shifts?lang=${lang}`);
    await check(page, `shifts [${lang}]`, problems);
  }
  await context.close();
  const coordinatorContext = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const coordinator = await coordinatorContext.newPage();
  await logIn(coordinator, 'coordinator.charleroi@demo.relais.be');
  for (const lang of LANGUAGES) {
    await coordinator.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/coverage?lang=${lang}`);
    await check(coordinator, `coverage [${lang}]`, problems);
  }
  await coordinatorContext.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});
