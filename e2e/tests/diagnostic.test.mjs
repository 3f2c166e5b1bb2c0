// The diagnostic in a real browser: a person alone on a phone-sized screen, in Dutch, completes
// it by taps and a few typed characters and sees the modules to learn next and help near them;
// every new page passes axe in four languages (the forms with an error too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from '../lib/fixture.mjs';
import { axeViolations, LANGUAGES } from '../lib/browser.mjs';

const PASSWORD = 'demo-relais-2026';
const env = useServerAndBrowser();

async function phone() {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  return { context, page: await context.newPage() };
}

async function fits(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what}: ${width}px wide`);
}

test('a person alone completes the diagnostic in Dutch by taps on a phone and sees modules and help nearby', async () => {
  const { context, page } = await phone();
  let taps = 0;
  let typed = 0;
  const tap = async (locator) => { taps += 1; await Promise.all([page.waitForLoadState(), locator.click()]); };
  await page.goto(`${env.server.baseUrl}/?lang=nl`);
  await tap(page.locator('a[href="/diagnostic"]').first());
  assert.match(await page.locator('h1').textContent(), /Wat kan ik online/);
  await tap(page.locator('form[action="/diagnostic"] button'));
  // intake: one tile and a postcode
  await page.waitForSelector('#intake-postcode');
  await fits(page, 'intake');
  taps += 1; await page.locator('label.tile', { hasText: 'Smartphone' }).click();
  await page.fill('#intake-postcode', '2880'); typed += 4;
  await tap(page.locator('form button[type="submit"]').last());
  // the foundation gate: touch, type, recognise the Wi-Fi sign
  await tap(page.locator('button[name="choice"][value="done"]'));
  await page.fill('#gate-typed', 'bus'); typed += 3;
  await tap(page.locator('button[name="choice"][value="typed"]'));
  await tap(page.locator('.answers button', { hasText: /wifi/i }));
  // the questions: one tap each, never more than 15
  let questions = 0;
  while (!page.url().includes('/result')) {
    await page.waitForSelector('h1#q');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    if (questions === 0) await fits(page, 'question');
    questions += 1;
    assert.ok(questions <= 15, 'at most 15 scored questions');
    // a person at the very start answers "I don't know"
    await tap(page.locator('button[name="choice"][value="dont-know"]'));
  }
  assert.ok(questions >= 5, `${questions} questions`);
  assert.match(await page.locator('h1').textContent(), /Uw resultaat/);
  await fits(page, 'result');
  assert.equal(await page.locator('.areas-result > li').count(), 5, 'five areas');
  const modules = page.locator('ul.modules').first().locator('li a[href^="/catalogue/"]');
  assert.ok(await modules.count() >= 1 && await modules.count() <= 3, 'one to three modules');
  const help = page.locator('ul.modules li a[href^="/places/"]');
  assert.ok(await help.count() >= 1, 'help near 2880');
  assert.ok(await page.locator('ul.modules li strong').count() >= 1, 'with its next opening');
  // the next workshop near them, and its page where they can register
  const workshop = page.locator('#result-workshops li a[href^="/workshops/"]').first();
  assert.ok(await workshop.count() === 1, 'the next workshop near 2880');
  assert.match(await page.locator('#result-workshops li').first().textContent(), /km/);
  assert.match(await page.locator('.result-code').textContent(), /^[A-Z0-9]{6}$/);
  assert.ok(typed <= 10, `${typed} characters typed`);
  // a module's page, with resources to learn at home
  await tap(modules.first());
  assert.ok(await page.locator('a[href^="https://"]').count() >= 1, 'self-learning resources');
  await context.close();
});

test('a person registers for a workshop from the public calendar on a phone', async () => {
  const { context, page } = await phone();
  await page.goto(`${env.server.baseUrl}/workshops?lang=nl`);
  await page.fill('#calendar-postcode', '2880');
  await Promise.all([page.waitForLoadState(), page.locator('form[action="/workshops"] button').click()]);
  await fits(page, 'calendar');
  const first = page.locator('ul.modules li a[href^="/workshops/"]').first();
  await Promise.all([page.waitForLoadState(), first.click()]);
  await page.fill('#public-name', 'Jef');
  await page.fill('#public-phone', '12');
  await Promise.all([page.waitForLoadState(), page.locator('form[action$="/register"] button').click()]);
  assert.equal(await page.inputValue('#public-name'), 'Jef', 'the name is kept');
  assert.ok(await page.locator('.field-error').count() >= 1, 'the phone is refused with a message');
  // The page opens on the error summary: focused (announced) and on the screen, linked to the field.
  const summary = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { alert: el.matches('.alert[role="alert"]'), top: r.top, bottom: r.bottom, links: [...el.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')) };
  });
  assert.ok(summary.alert, 'the error summary has the focus');
  assert.ok(summary.top >= 0 && summary.top < 740, `the error summary is on the screen (top at ${summary.top}px)`);
  assert.ok(summary.links.length >= 1 && await page.locator(summary.links[0]).count() === 1, `linked to the field: ${summary.links}`);
  await page.fill('#public-phone', '0470 12 34 56');
  await Promise.all([page.waitForLoadState(), page.locator('form[action$="/register"] button').click()]);
  assert.match(page.url(), /done=(booked|waiting)/);
  assert.ok(await page.isVisible('p.notice[role="status"]'));
  await context.close();
});

test('every diagnostic and catalogue page passes axe in four languages', async () => {
  const { context, page } = await phone();
  const problems = [];
  const check = async (what) => { for (const v of await axeViolations(page)) problems.push(`${what} ${v}`); };
  for (const lang of LANGUAGES) {
    await page.goto(`${env.server.baseUrl}/diagnostic?lang=${lang}`);
    await check(`start [${lang}]`);
    await Promise.all([page.waitForLoadState(), page.locator('form[action="/diagnostic"] button').click()]);
    await page.waitForSelector('#intake-postcode');
    await check(`intake [${lang}]`);
    await page.fill('#intake-postcode', '9999');
    await Promise.all([page.waitForLoadState(), page.locator('form button[type="submit"]').last().click()]);
    assert.equal(await page.getAttribute('#intake-postcode', 'aria-invalid'), 'true');
    await check(`intake with an error [${lang}]`);
    await page.fill('#intake-postcode', '6000');
    await Promise.all([page.waitForLoadState(), page.locator('form button[type="submit"]').last().click()]);
    await check(`gate: touch [${lang}]`);
    await Promise.all([page.waitForLoadState(), page.locator('button[name="choice"][value="done"]').click()]);
    await Promise.all([page.waitForLoadState(), page.locator('button[name="choice"][value="typed"]').click()]);
    await check(`gate: type, with an error [${lang}]`);
    await page.fill('#gate-typed', 'bus');
    await Promise.all([page.waitForLoadState(), page.locator('button[name="choice"][value="typed"]').click()]);
    await check(`gate: wifi [${lang}]`);
    await Promise.all([page.waitForLoadState(), page.locator('.answers button').first().click()]);
    let first = true;
    while (!page.url().includes('/result')) {
      if (first) await check(`question [${lang}]`);
      first = false;
      await Promise.all([page.waitForLoadState(), page.locator('button[name="choice"][value="dont-know"]').click()]);
    }
    await check(`result [${lang}]`);
    await page.goto(`${env.server.baseUrl}/catalogue?lang=${lang}`);
    await check(`catalogue [${lang}]`);
    await page.goto(`${env.server.baseUrl}/catalogue/email-attachment?lang=${lang}`);
    await check(`module [${lang}]`);
  }
  // the helper's page
  await page.goto(`${env.server.baseUrl}/login`);
  await page.fill('#email', 'coordinator.charleroi@demo.relais.be');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/account/), page.click('button[type="submit"]')]);
  for (const lang of LANGUAGES) {
    await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/diagnostics?lang=${lang}`);
    await check(`helper's list [${lang}]`);
    await page.fill('#link-code', 'ZZZ');
    await Promise.all([page.waitForLoadState(), page.locator('form[action$="/link"] button').click()]);
    await check(`helper's list with an error [${lang}]`);
  }
  // the workshop pages, public and the helper's
  for (const lang of LANGUAGES) {
    await page.goto(`${env.server.baseUrl}/workshops?lang=${lang}`);
    await check(`calendar [${lang}]`);
    const href = await page.locator('ul.modules li a[href^="/workshops/"]').first().getAttribute('href');
    await page.goto(`${env.server.baseUrl}${href}?lang=${lang}`);
    await check(`public workshop [${lang}]`);
    await Promise.all([page.waitForLoadState(), page.locator('form[action$="/register"] button').click()]);
    await check(`public workshop with errors [${lang}]`);
    await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/workshops?lang=${lang}`);
    await check(`helper's workshops [${lang}]`);
    const own = await page.locator('ul.modules li a[href*="/workshops/"]').first().getAttribute('href');
    await page.goto(`${env.server.baseUrl}${own}?lang=${lang}`);
    await check(`helper's workshop [${lang}]`);
    // The staff's button registers someone else, not "me".
    const staffButton = { fr: 'Inscrire cette personne', nl: 'Deze persoon inschrijven', de: 'Diese Person anmelden', en: 'Register this person' }[lang];
    assert.equal((await page.locator('form[action$="/registrations"] button').textContent()).trim(), staffButton, `[${lang}] the staff's register button`);
    await Promise.all([page.waitForLoadState(), page.locator('form[action$="/registrations"] button').click()]);
    await check(`helper's workshop with errors [${lang}]`);
    const attendance = await page.locator('a[href*="/attendance/"]').first().getAttribute('href');
    await page.goto(`${env.server.baseUrl}${attendance}?lang=${lang}`);
    await check(`attendance [${lang}]`);
    await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/workshops/new?lang=${lang}`);
    await check(`plan a workshop [${lang}]`);
    await Promise.all([page.waitForLoadState(), page.locator('form[action$="/workshops/new"] button').click()]);
    await check(`plan a workshop with errors [${lang}]`);
    await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/modules?lang=${lang}`);
    await check(`publish a module [${lang}]`);
    await Promise.all([page.waitForLoadState(), page.locator('form[action$="/modules"] button').click()]);
    await check(`publish a module with errors [${lang}]`);
    await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/demand?lang=${lang}`);
    await check(`demand [${lang}]`);
    await Promise.all([page.waitForLoadState(), page.locator('form[action$="/demand"] button').click()]);
    await check(`demand with errors [${lang}]`);
  }
  // open a group from the demand, then its call list
  await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/demand?lang=fr`);
  await Promise.all([page.waitForLoadState(), page.locator('a.button[href*="demand=1"]').first().click()]);
  await page.fill('#workshop-date', new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10));
  await Promise.all([page.waitForLoadState(), page.locator('form[action$="/workshops/new"] button').click()]);
  assert.match(page.url(), /done=invited/);
  await Promise.all([page.waitForLoadState(), page.locator('a[href$="/call-list"]').click()]);
  for (const lang of LANGUAGES) {
    await page.goto(`${page.url().split('?')[0]}?lang=${lang}`);
    await check(`call list [${lang}]`);
  }
  // an assisted diagnostic shows the helper's override on the result
  await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/diagnostics?lang=fr`);
  await Promise.all([page.waitForLoadState(), page.locator('form[action="/organisations/cpas-charleroi/diagnostics"] button').click()]);
  await Promise.all([page.waitForLoadState(), page.locator('form button[type="submit"]').last().click()]);
  for (let i = 0; i < 40 && !page.url().includes('/result'); i++) {
    await Promise.all([page.waitForLoadState(), page.locator('button[name="choice"][value="dont-know"]').click()]);
  }
  assert.ok(page.url().includes('/result'));
  assert.ok(await page.isVisible('#override-title'));
  await check('assisted result [fr]');
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the item bank pages of platform admins pass axe in four languages', async () => {
  const { context, page } = await phone();
  await page.goto(`${env.server.baseUrl}/login`);
  await page.fill('#email', 'admin@demo.relais.be');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/account/), page.click('button[type="submit"]')]);
  const problems = [];
  for (const lang of LANGUAGES) {
    await page.goto(`${env.server.baseUrl}/admin/items?lang=${lang}`);
    for (const v of await axeViolations(page)) problems.push(`items [${lang}] ${v}`);
    const href = await page.locator('a[href^="/admin/items/"]').first().getAttribute('href');
    await page.goto(`${env.server.baseUrl}${href}?lang=${lang}`);
    await page.fill('#item-answer', '9');
    await Promise.all([page.waitForLoadState(), page.locator('form button[type="submit"]').last().click()]);
    assert.ok(await page.isVisible('.alert'), 'the error is shown');
    for (const v of await axeViolations(page)) problems.push(`item with an error [${lang}] ${v}`);
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});
