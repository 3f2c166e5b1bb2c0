// The directory in a real browser: find the nearest session by postcode in four languages,
// a coordinator adds a weekly session and a closure and the public next opening follows;
// axe on every directory page in four languages; a phone-sized screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
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

const SEARCHES = { fr: ['6000', 'Charleroi-Centre'], nl: ['2870', 'Digipunt Puurs'], de: ['4700', 'Eupen'], en: ['1080', 'Molenbeek'] };

test('a person finds the nearest session for a postcode, in each language, on a phone', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const problems = [];
  for (const lang of LANGUAGES) {
    const [postcode, expected] = SEARCHES[lang];
    await page.goto(`${env.server.baseUrl}/places?lang=${lang}`);
    await page.fill('#q', postcode);
    await Promise.all([page.waitForURL(/q=/), page.click('form[role="search"] button[type="submit"]')]);
    const first = page.locator('li.result').first();
    assert.match(await first.locator('h3').textContent(), new RegExp(expected), `[${lang}] nearest for ${postcode}`);
    assert.ok((await first.locator('.opening').textContent()).trim().length > 3, `[${lang}] the next opening is shown`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `[${lang}] results are ${width}px wide`);
    for (const v of await axeViolations(page)) problems.push(`results [${lang}] ${v}`);
    await first.locator('h3 a').click();
    await page.waitForURL(/\/places\/[0-9a-f-]{36}/);
    assert.ok(await page.isVisible('a[href*=".ics?lang="]'), 'add to my calendar');
    for (const v of await axeViolations(page)) problems.push(`place [${lang}] ${v}`);
    // An ambiguous name offers the choice.
    await page.goto(`${env.server.baseUrl}/places?q=Bruxelles&lang=${lang}`);
    assert.ok(await page.isVisible('a[href*="area=brussels"]'));
    for (const v of await axeViolations(page)) problems.push(`choices [${lang}] ${v}`);
    // "Open now" and filters work without JavaScript (plain GET form).
    await page.goto(`${env.server.baseUrl}/places?q=1080&theme=pension&when=week&lang=${lang}`);
    assert.ok(await page.isVisible('[role="status"]'));
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a coordinator adds a weekly session and a closure; the public next opening follows', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await logIn(page, 'coordinator.eupen@demo.relais.be');
  const problems = [];
  await page.goto(`${env.server.baseUrl}/organisations/oeshz-eupen/places?lang=de`);
  for (const v of await axeViolations(page)) problems.push(`list ${v}`);
  await page.click('a[href="/organisations/oeshz-eupen/places/new"]');
  for (const v of await axeViolations(page)) problems.push(`new ${v}`);
  await page.fill('#name_de', 'Digitaltreff Kettenis (Test)');
  await page.fill('#street', 'Aachener Straße 100');
  await page.fill('#postcode', '4701');
  await Promise.all([page.waitForURL(/done=created/), page.click('form[action$="/places/new"] button[type="submit"]')]);
  const placeUrl = page.url().split('?')[0];
  const placeId = placeUrl.split('/').pop();
  for (const v of await axeViolations(page)) problems.push(`edit ${v}`);

  // A weekly session starting tomorrow, 10:00–12:00.
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(tomorrow); // YYYY-MM-DD
  const weekday = ((new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  await page.selectOption('#session-weekday', String(weekday));
  await page.fill('#session-start', '10:00');
  await page.fill('#session-end', '12:00');
  await page.fill('#session-first', iso);
  await page.check('#themes-email');
  await Promise.all([page.waitForURL(/done=session/), page.click('form[action$="/sessions"] button[type="submit"]')]);
  let api = await (await page.request.get(`${env.server.baseUrl}/api/v1/places/${placeId}`)).json();
  assert.ok(api.next_opening.start.startsWith(`${iso}T10:00:00`), JSON.stringify(api.next_opening));

  // Closed tomorrow: the next opening moves one week on, on the public page too.
  await page.selectOption('#exception-kind', 'closed');
  await page.fill('#exception-from', iso);
  await page.fill('#exception-reason', 'Fortbildung');
  await Promise.all([page.waitForURL(/done=exception/), page.click('form[action$="/exceptions"] button[type="submit"]')]);
  api = await (await page.request.get(`${env.server.baseUrl}/api/v1/places/${placeId}`)).json();
  const weekLater = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(tomorrow.getTime() + 7 * 24 * 3600 * 1000));
  assert.ok(api.next_opening.start.startsWith(`${weekLater}T10:00:00`), JSON.stringify(api.next_opening));
  await page.goto(`${env.server.baseUrl}/places/${placeId}?lang=de`);
  assert.ok(await page.isVisible('text=Fortbildung'));
  // The printable sheet shows the session (next week's, after the closure) and the closure's day is no opening.
  await page.goto(`${env.server.baseUrl}/places/${placeId}/sheet?period=month&lang=de`);
  const sheet = await page.textContent('main');
  assert.match(sheet, /10:00/, 'the new session is on the sheet');
  assert.match(sheet, /Fortbildung/, 'the closure is on the sheet');
  const pdf = await page.request.get(`${env.server.baseUrl}/places/${placeId}/sheet?period=month&format=pdf&lang=de`);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
  for (const lang of LANGUAGES) {
    for (const path of ["/organisations/oeshz-eupen/places", `/organisations/oeshz-eupen/places/${placeId}`, `/organisations/oeshz-eupen/places/${placeId}/preview`, `/places/${placeId}`]) {
      await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
      for (const v of await axeViolations(page)) problems.push(`${path} [${lang}] ${v}`);
    }
  }
  // A session crossing midnight: a clear message, and the typed values stay.
  await page.goto(`${placeUrl}?lang=en`);
  await page.fill('#session-start', '22:00');
  await page.fill('#session-end', '01:00');
  await page.check('#themes-email');
  await page.click('form[action$="/sessions"] button[type="submit"]');
  assert.match(await page.textContent('#session-errors'), /midnight/);
  assert.equal(await page.inputValue('#session-start'), '22:00');
  for (const v of await axeViolations(page)) problems.push(`errors ${v}`);
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('"near me" uses the browser position (an enhancement) and finds the nearest place', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, geolocation: { latitude: 50.6326, longitude: 5.5797 + 0.0 }, permissions: ['geolocation'] });
  const page = await context.newPage();
  // Near Eupen.
  await context.setGeolocation({ latitude: 50.6279, longitude: 6.0344 });
  await page.goto(`${env.server.baseUrl}/places?lang=de`);
  assert.ok(await page.isVisible('#near-me'), 'the button appears with JavaScript');
  await Promise.all([page.waitForURL(/lat=/), page.click('#near-me')]);
  assert.match(await page.locator('li.result h3').first().textContent(), /Eupen/);
  await context.close();
});

test('the shared lists pages for platform admins have zero axe violations in each language', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${env.server.baseUrl}/login`);
  await page.fill('#email', 'admin@demo.relais.be');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/account/), page.click('button[type="submit"]')]);
  await page.click('a[href="/admin/taxonomies/theme"]');
  const problems = [];
  for (const taxonomy of ['theme', 'public', 'service', 'language', 'online-service', 'autonomy', 'outcome']) {
    for (const lang of LANGUAGES) {
      await page.goto(`${env.server.baseUrl}/admin/taxonomies/${taxonomy}?lang=${lang}`);
      for (const v of await axeViolations(page)) problems.push(`${taxonomy} [${lang}] ${v}`);
    }
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a mobile unit: the coordinator page and the public "next stops" page pass axe in each language', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await logIn(page, 'coordinator.puurs@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/ocmw-puurs-sint-amands/units?lang=nl`);
  const unitHref = await page.locator('li.result h2 a').first().getAttribute('href');
  assert.match(unitHref, /^\/units\//);
  const problems = [];
  for (const lang of LANGUAGES) {
    for (const path of ['/organisations/ocmw-puurs-sint-amands/units', unitHref]) {
      await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
      for (const v of await axeViolations(page)) problems.push(`${path} [${lang}] ${v}`);
    }
  }
  await page.goto(`${env.server.baseUrl}${unitHref}?lang=nl`);
  assert.ok(await page.locator('li.result').count() >= 2, 'next stops listed');
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the home page leads to a place in two taps, on a phone, in every language', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const problems = [];
  for (const lang of LANGUAGES) {
    const [postcode, expected] = SEARCHES[lang];
    await page.goto(`${env.server.baseUrl}/?lang=${lang}`);
    for (const v of await axeViolations(page)) problems.push(`home [${lang}] ${v}`);
    // The postcode box and its button are on the first screen.
    const box = page.locator('main #q');
    const button = page.locator('main form[role="search"] button[type="submit"]');
    const bottom = await button.evaluate((b) => b.getBoundingClientRect().bottom);
    assert.ok(bottom <= 740, `[${lang}] the search button is in view (bottom at ${bottom}px)`);
    await box.fill(postcode);
    await Promise.all([page.waitForURL(/\/places\?q=/), button.click()]); // tap 1
    const first = page.locator('li.result').first();
    assert.match(await first.locator('h3').textContent(), new RegExp(expected), `[${lang}] nearest for ${postcode}`);
    await Promise.all([page.waitForURL(/\/places\/[0-9a-f-]{36}/), first.locator('h3 a').click()]); // tap 2
    // From any page, the header leads to the search.
    await page.goto(`${env.server.baseUrl}/workshops?lang=${lang}`);
    await Promise.all([page.waitForURL(/\/places(\?|$)/), page.click('header a[href="/places"]')]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `[${lang}] the page is ${width}px wide`);
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('filters and refusals say what they mean, on a phone, in Dutch and German', async () => {
  // A German-speaking browser: when the cookies are gone, its Accept-Language still says German.
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 }, locale: 'de-DE' });
  const page = await context.newPage();
  const first = (select) => page.locator(`${select} option`).first().textContent();
  await page.goto(`${env.server.baseUrl}/places?lang=nl`);
  assert.equal(await first('#theme'), 'Alle thema’s');
  assert.equal(await first('#language'), 'Alle talen');
  assert.equal(await first('#public'), 'Iedereen');
  await page.goto(`${env.server.baseUrl}/places?lang=de`);
  assert.equal(await first('#language'), 'Alle Sprachen');
  // A form whose token is gone (a browser that lost its cookies) says the form expired…
  await page.goto(`${env.server.baseUrl}/login?lang=de`);
  await page.fill('#email', 'volunteer.charleroi@demo.relais.be');
  await page.fill('#password', PASSWORD);
  await context.clearCookies();
  await page.click('main button[type="submit"]');
  assert.equal((await page.locator('h1').textContent()).trim(), 'Formular abgelaufen');
  // …while a page one's role does not open says so, and nothing about forms.
  await page.goto(`${env.server.baseUrl}/login?lang=nl`);
  await page.fill('#email', 'volunteer.charleroi@demo.relais.be');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/account/), page.click('main button[type="submit"]')]);
  const refused = await page.goto(`${env.server.baseUrl}/organisations/cpas-charleroi/settings?lang=nl`);
  assert.equal(refused.status(), 403);
  const text = await page.locator('main').textContent();
  assert.match(text, /geen toegang/);
  assert.doesNotMatch(text, /verlopen/);
  await context.close();
});

test('help nearby stays in the German-speaking area: Eupen finds Eupen, then the phone, then far places, on a phone', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${env.server.baseUrl}/places?lang=de`);
  await page.fill('#q', '4700');
  await Promise.all([page.waitForURL(/q=4700/), page.click('form[role="search"] button[type="submit"]')]);
  const near = page.locator('ol.results:not([aria-labelledby]) li.result');
  assert.ok(await near.count() >= 1, 'places in Eupen');
  for (const text of await near.allTextContents()) {
    assert.match(text, /, 47\d\d /, `a near place is in the German-speaking area: ${text}`);
    assert.match(text, /km entfernt, etwa \d+ Minuten zu Fuß|km entfernt, eine kurze Fahrt/, 'the distance in words');
  }
  // Before the first far place: the CPAS's phone, as a link a phone can call.
  const phone = page.locator('.phone-help a[href^="tel:+32"]');
  assert.ok(await phone.isVisible(), 'help by phone');
  const far = page.locator('ol.results[aria-labelledby="far-title"] li.result');
  assert.ok(await far.count() >= 1);
  const phoneY = (await phone.boundingBox()).y;
  const farY = (await far.first().boundingBox()).y;
  assert.ok(phoneY < farY, `the phone (${phoneY}) comes before the far place (${farY})`);
  assert.match(await far.first().textContent(), /sehr weit|weit, mehr als eine Stunde/);
  assert.doesNotMatch(await page.textContent('[role="status"]'), /400 km/, 'no "the search goes up to 400 km"');
  const problems = (await axeViolations(page)).map((v) => `far [de] ${v}`);
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a place name too long is refused by the server, kept when going back, and a long word wraps, on a phone', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await logIn(page, 'coordinator.eupen@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/oeshz-eupen/places/new?lang=de`);
  // The browser's limit removed: 5,000 characters.
  const long = 'Digitaltreff'.repeat(417).slice(0, 5000);
  await page.evaluate(() => document.getElementById('name_de').removeAttribute('maxlength'));
  await page.fill('#name_de', long);
  await page.fill('#street', 'Aachener Straße 100');
  await page.fill('#postcode', '4701');
  await page.click('form[action$="/places/new"] button[type="submit"]');
  await page.waitForLoadState();
  assert.match(await page.textContent('h1'), /Text zu lang/, 'a translated refusal');
  const problems = (await axeViolations(page)).map((v) => `too long ${v}`);
  await page.goBack();
  assert.equal(await page.inputValue('#name_de'), long, 'what was typed is still in the form');
  // The longest name allowed, one word: every page that shows it stays within the screen.
  const word = 'Digitaltreffpunkt'.repeat(12).slice(0, 200);
  await page.goto(`${env.server.baseUrl}/organisations/oeshz-eupen/places/new?lang=de`);
  await page.fill('#name_de', word);
  await page.fill('#street', 'Aachener Straße 100');
  await page.fill('#postcode', '4701');
  await Promise.all([page.waitForURL(/done=created/), page.click('form[action$="/places/new"] button[type="submit"]')]);
  const placeUrl = page.url().split('?')[0];
  for (const path of [placeUrl, `${placeUrl}/preview`, '/organisations/oeshz-eupen/places', '/organisations/oeshz-eupen/session', '/organisations/oeshz-eupen/log']) {
    await page.goto(path.startsWith('http') ? `${path}?lang=de` : `${env.server.baseUrl}${path}?lang=de`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${path} is ${width}px wide with a 200-character word`);
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('after a tap, what happened is on the screen: search results, and every error of a session at once, on a phone', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const onScreen = (selector) => page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return r.top >= -1 && r.top < window.innerHeight;
  }, selector);
  // A search lands on its results, not on the form again.
  await page.goto(`${env.server.baseUrl}/places?lang=nl`);
  await page.fill('#q', '2870');
  await Promise.all([page.waitForURL(/q=2870/), page.click('form[role="search"] button[type="submit"]')]);
  assert.ok(await onScreen('#results-title'), 'the results heading is on the screen');
  assert.ok(await onScreen('#results li.result'), 'the first result too');
  // So does the home page's postcode box.
  await page.goto(`${env.server.baseUrl}/?lang=de`);
  await page.fill('form.find-help input[name="q"]', '4700');
  await Promise.all([page.waitForURL(/q=4700/), page.click('form.find-help button[type="submit"]')]);
  assert.ok(await onScreen('#results-title'), 'from the home page too');
  // A session with two mistakes (no theme ticked, the end before the start): both said at once,
  // the page opening on them.
  await logIn(page, 'coordinator.eupen@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/oeshz-eupen/places?lang=de`);
  await page.locator('main a[href^="/organisations/oeshz-eupen/places/"]:not([href$="/new"])').first().click();
  await page.waitForLoadState();
  await page.fill('#session-start', '14:00');
  await page.fill('#session-end', '10:00');
  for (const box of await page.locator('form[action$="/sessions"] input[name="themes"]:checked').all()) await box.uncheck();
  await page.click('form[action$="/sessions"] button[type="submit"]');
  await page.waitForLoadState();
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { id: el.id, items: el.querySelectorAll('li').length, top: r.top };
  });
  assert.equal(focused.id, 'session-errors', 'the errors have the focus');
  assert.ok(focused.items >= 2, `every error at once (${focused.items})`);
  assert.ok(focused.top >= 0 && focused.top < 740, `and they are on the screen (top at ${focused.top}px)`);
  assert.equal(await page.inputValue('#session-start'), '14:00', 'what was typed is kept');
  const problems = (await axeViolations(page)).map((v) => `session errors ${v}`);
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a new place stays out of the search until it has a session, and the same place twice is questioned, on a phone, in Dutch', async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await logIn(page, 'coordinator.puurs@demo.relais.be');
  const create = async () => {
    await page.goto(`${env.server.baseUrl}/organisations/ocmw-puurs-sint-amands/places/new?lang=nl`);
    await page.fill('#name_nl', 'Digipunt Kerkplein');
    await page.fill('#street', 'Kerkplein 1');
    await page.fill('#postcode', '2870');
    if (!await page.isChecked('#published')) await page.check('#published');
    await page.click('form[action$="/places/new"] button[type="submit"]');
    await page.waitForLoadState();
  };
  await create();
  assert.match(page.url(), /done=created/);
  assert.match(await page.textContent('main'), /Nog geen spreekuur: deze plaats verschijnt pas in de publieke zoekfunctie/, 'the coordinator is told why it is not found yet');
  // The public search does not send anyone to a place with no opening hours.
  await page.goto(`${env.server.baseUrl}/places?q=2870&lang=nl`);
  assert.ok(await page.locator('#results li.result').count() >= 1, 'the other places of Puurs are found');
  assert.doesNotMatch(await page.textContent('#results'), /Digipunt Kerkplein/);
  // The same name at the same address again: a warning at the top, on the screen, with the
  // way to create it anyway; what was typed is kept.
  await create();
  assert.doesNotMatch(page.url(), /done=created/);
  const alert = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { role: el.getAttribute('role'), text: el.textContent, top: r.top };
  });
  assert.equal(alert.role, 'alert', 'the warning has the focus');
  assert.match(alert.text, /Uw organisatie heeft al een plaats met deze naam op dit adres/);
  assert.ok(alert.top >= 0 && alert.top < 740, `on the screen (top at ${alert.top}px)`);
  assert.equal(await page.inputValue('#name_nl'), 'Digipunt Kerkplein');
  const problems = (await axeViolations(page)).map((v) => `duplicate [nl] ${v}`);
  await page.check('#duplicate_ok');
  await page.click('form[action$="/places/new"] button[type="submit"]');
  await page.waitForLoadState();
  assert.match(page.url(), /done=created/, 'created when the coordinator says it is another place');
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

/** The words (six letters or more) of a language's messages: the dictionary of foreign words. */
function wordsOfLocale(code) {
  const dir = new URL(`../../locales/${code}/`, import.meta.url);
  const words = new Set();
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(new URL(file, dir), 'utf8').split('\n')) {
      if (line.trimStart().startsWith('#')) continue;
      const match = /^[a-z][\w-]* = (.*)$/.exec(line);
      const value = match ? match[1] : line.startsWith(' ') ? line : null;
      if (value !== null) for (const w of wordsIn(value.replace(/\{[^}]*\}/g, ' '))) words.add(w);
    }
  }
  return words;
}

function wordsIn(text) {
  return text.replaceAll('\u00ad', '').split(/\s+/)
    .filter((t) => !t.includes('@') && !t.includes('://') && !/[._]/.test(t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')))
    .join(' ').split(/[^\p{L}]+/u).filter((w) => [...w].length >= 6).map((w) => w.toLowerCase());
}

test('a German speaker on a phone reads Eupen\'s place, its calendar file and its organisation in German only', async () => {
  const own = wordsOfLocale('de');
  const others = new Set(LANGUAGES.filter((l) => l !== 'de').flatMap((l) => [...wordsOfLocale(l)]));
  const endonyms = ['français', 'nederlands', 'deutsch', 'english'];
  const foreign = (text) => [...new Set(wordsIn(text).filter((w) => others.has(w) && !own.has(w) && !endonyms.includes(w)))];
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const problems = [];
  const check = async (what) => {
    // Places far away, in another language area, keep their own names ("Maison de quartier").
    const text = await page.evaluate(() => {
      const main = document.querySelector('main').cloneNode(true);
      for (const far of main.querySelectorAll('ol.results[aria-labelledby="far-title"]')) far.remove();
      return main.textContent;
    });
    const found = foreign(text);
    if (found.length) problems.push(`${what}: ${found.join(', ')}`);
  };
  // From the home page to a place in Eupen, as a person would.
  await page.goto(`${env.server.baseUrl}/?lang=de`);
  await page.fill('form.find-help input[name="q"]', '4700');
  await Promise.all([page.waitForURL(/q=4700/), page.click('form.find-help button[type="submit"]')]);
  await check('search');
  await Promise.all([page.waitForURL(/\/places\/[0-9a-f-]{36}/), page.locator('#results li.result a').first().click()]);
  await check('place');
  // The calendar file the page offers, as a calendar app shows it.
  const href = await page.locator('main a[href*=".ics"]').first().getAttribute('href');
  const ics = await (await page.request.get(new URL(href, page.url()).href)).text();
  const shown = ics.replaceAll('\r\n ', '').split(/\r?\n/)
    .map((l) => /^(SUMMARY|LOCATION|DESCRIPTION|X-WR-CALNAME):(.*)$/.exec(l)?.[2]).filter(Boolean)
    .map((v) => v.replaceAll('\\,', ',').replaceAll('\\;', ';').replaceAll('\\n', ' ')).join('\n');
  assert.ok(shown.length > 0, 'the calendar has events');
  const inCalendar = foreign(shown);
  if (inCalendar.length) problems.push(`calendar: ${inCalendar.join(', ')}`);
  // Its organisation's page and, for its coordinator, its reports.
  await logIn(page, 'coordinator.eupen@demo.relais.be');
  await page.goto(`${env.server.baseUrl}/organisations/oeshz-eupen?lang=de`);
  await check('organisation');
  assert.doesNotMatch(await page.textContent('main'), /\bde,fr\b/, 'languages by name, not code');
  await page.goto(`${env.server.baseUrl}/organisations/oeshz-eupen/reports?lang=de`);
  await check('reports');
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a platform admin sees a failed job and tries it again; the jobs page passes axe in each language, on a phone', async () => {
  // A message job whose payload names no message, with one try: the server's runner fails it at once.
  // (A job of a kind no process knows stays queued for a runner that knows it.)
  execFileSync('sqlite3', [env.server.database, `INSERT INTO jobs (id, kind, unique_key, payload, state, due_ms, attempts, max_attempts, created_ms)
    VALUES (randomblob(16), 'message-send', 'e2e-broken-1', '{}', 'queued', ${Date.now()}, 0, 1, ${Date.now()})`]);
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await logIn(page, 'admin@demo.relais.be');
  await page.click('a[href="/admin/jobs"]');
  await page.waitForURL(/\/admin\/jobs/);
  let failed = page.locator('li.result', { hasText: 'e2e-broken-1' });
  for (let i = 0; i < 50 && await failed.count() === 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
  assert.equal(await failed.count(), 1, 'the failed job is listed');
  assert.match(await failed.textContent(), /payload: missing field `message`/);
  const problems = [];
  for (const lang of LANGUAGES) {
    for (const state of ['failed', 'done', 'queued', 'running']) {
      await page.goto(`${env.server.baseUrl}/admin/jobs?state=${state}&lang=${lang}`);
      for (const v of await axeViolations(page)) problems.push(`jobs ${state} [${lang}] ${v}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) problems.push(`jobs ${state} [${lang}] is ${width}px wide`);
    }
  }
  await page.goto(`${env.server.baseUrl}/admin/jobs?state=failed&lang=de`);
  await page.locator('li.result', { hasText: 'e2e-broken-1' }).getByRole('button', { name: 'Erneut versuchen' }).click();
  await page.waitForURL(/done=retried/);
  assert.match(await page.textContent('[role="status"]'), /Wieder in der Warteschlange/);
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});
