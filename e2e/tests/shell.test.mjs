// The page shell in a real browser: accessibility (axe, WCAG 2.1 A/AA) of every page in the four
// languages, the language switcher, keyboard access, small screens and zoom, weight, no errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { registeredRoutes } from '../lib/server.mjs';
import { useServerAndBrowser } from '../lib/fixture.mjs';
import { axeViolations, LANGUAGES } from '../lib/browser.mjs';

const env = useServerAndBrowser();

/** GET over raw HTTP (no decompression): status, headers and the bytes on the wire. */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** The pages that exist: every registered route without parameters that answers HTML, and a 404. */
async function pages() {
  const found = [];
  for (const route of registeredRoutes()) {
    if (route.includes('{')) continue;
    const res = await rawGet(env.server.baseUrl + route);
    if (res.status === 200 && String(res.headers['content-type']).startsWith('text/html')) found.push(route);
  }
  found.push('/this-page-does-not-exist');
  return found;
}

test('every page has zero axe violations (WCAG 2.1 A/AA) in each language', async () => {
  const list = await pages();
  assert.ok(list.includes('/'), `home page found among ${list}`);
  const context = await env.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const problems = [];
  for (const path of list) {
    for (const lang of LANGUAGES) {
      const url = `${env.server.baseUrl}${path}?lang=${lang}`;
      await page.goto(url);
      assert.equal(await page.getAttribute('html', 'lang'), lang, url);
      assert.ok(await page.isVisible('.demo-banner'), `demo banner on ${url}`);
      for (const v of await axeViolations(page)) problems.push(`${path} [${lang}] ${v}`);
    }
  }
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the language switcher sets a cookie that later pages follow', async () => {
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(env.server.baseUrl + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('nav.languages a[hreflang="nl"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.equal(await page.getAttribute('nav.languages a[hreflang="nl"]', 'aria-current'), 'true');
  await page.goto(env.server.baseUrl + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'nl', 'the cookie wins over Accept-Language');
  await context.close();
});

test('the first Tab reaches a visible skip link that moves focus to the content', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.baseUrl + '/?lang=fr');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.className);
  assert.equal(focused, 'skip-link');
  const box = await page.locator('.skip-link').boundingBox();
  assert.ok(box && box.y >= 0 && box.height >= 20, `skip link visible when focused: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await context.close();
});

test('no horizontal scrolling at 320 px wide or at 200 % zoom, in each language', async () => {
  for (const [viewport, scale] of [[{ width: 320, height: 640 }, 1], [{ width: 640, height: 400 }, 2]]) {
    const context = await env.browser.newContext({ viewport, deviceScaleFactor: scale });
    const page = await context.newPage();
    for (const lang of LANGUAGES) {
      for (const path of ['/', '/this-page-does-not-exist']) {
        await page.goto(`${env.server.baseUrl}${path}?lang=${lang}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= viewport.width, `${path} [${lang}] is ${width}px wide in a ${viewport.width}px viewport`);
      }
    }
    await context.close();
  }
});

test('tap targets in the header are at least 44 × 44 px', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(env.server.baseUrl + '/?lang=de');
  for (const link of await page.locator('header a').all()) {
    const box = await link.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `${await link.innerText()}: ${box.width}×${box.height}`);
  }
  await context.close();
});

test('the home page with everything it loads weighs under 30 KB on the wire', async () => {
  const headers = { 'accept-encoding': 'gzip, br' };
  const home = await rawGet(env.server.baseUrl + '/', headers);
  assert.equal(home.status, 200);
  assert.ok(home.headers['content-encoding'], 'the HTML is compressed');
  let total = home.bytes.length;
  const html = (await rawGet(env.server.baseUrl + '/')).bytes.toString('utf8');
  const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.length >= 1, 'the stylesheet is linked');
  for (const asset of new Set(assets)) {
    const res = await rawGet(env.server.baseUrl + asset, headers);
    assert.equal(res.status, 200, asset);
    total += res.bytes.length;
  }
  assert.ok(total < 30 * 1024, `home page weighs ${total} bytes`);
});

test('pages load without console errors, CSP violations or external requests', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(env.server.baseUrl)) foreign.push(r.url()); });
  for (const lang of LANGUAGES) await page.goto(`${env.server.baseUrl}/?lang=${lang}`);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});
