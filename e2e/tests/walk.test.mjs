// A walk through every page a coordinator reaches, with the demo data loaded, on a phone-sized
// screen, in four languages: axe finds nothing, and nothing is wider than the screen (the page,
// a heading, a form control). Pages are found by following the links (one page per route, so a
// list of 40 places costs one visit), starting from the organisation's page and the public home.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from '../lib/fixture.mjs';
import { axeViolations, LANGUAGES } from '../lib/browser.mjs';

const PASSWORD = 'demo-relais-2026';
const WIDTH = 360;
const env = useServerAndBrowser();

// Downloads, actions and pages that end the session are not walked.
const SKIP = /\.(csv|ics|xlsx|pdf|json|ods)(\?|$)|\/export|\/logout|\/erase|\/close|\/revoke|format=|\/api\/|\/assets\/|\/metrics|\/healthz|\/readyz|[?&]lang=/;

const withLang = (url, lang) => `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;

/** The route of a path: ids and codes replaced, so each kind of page is visited once. */
function routeOf(url) {
  const { pathname } = new URL(url);
  return pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')
    .replace(/\/(catalogue|sheets\/municipality|feeds\/municipality|units|workshops)\/[^/]+/, '/$1/{id}');
}

async function logIn(page, email) {
  await page.goto(`${env.server.baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/account/), page.click('button[type="submit"]')]);
}

/** What overflows a phone's width on the page: the page itself, headings, controls. */
async function overflows(page) {
  return page.evaluate((width) => {
    const found = [];
    if (document.documentElement.scrollWidth > width) found.push(`page ${document.documentElement.scrollWidth}px wide`);
    for (const el of document.querySelectorAll('main h1, main h2, main h3, main select, main input, main textarea, main button, main legend')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || !el.checkVisibility()) continue; // hidden (closed details)
      const wrap = el.closest('.table-wrap');
      if (wrap) {
        // Tables scroll in their focusable wrapper, but a control hidden off the screen in it
        // (an action at the end of a wide row) is one a phone user never finds.
        if (/^H|LEGEND/.test(el.tagName)) continue;
        if (r.right > Math.min(width, wrap.getBoundingClientRect().right) + 0.5) {
          found.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.value || '').trim().slice(0, 40)}" is off the screen in a table (ends at ${Math.round(r.right)}px)`);
        }
        continue;
      }
      if (r.right > width + 0.5 || el.scrollWidth > el.clientWidth + 1 && /^H/.test(el.tagName)) {
        found.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent || el.value || '').trim().slice(0, 40)}" ends at ${Math.round(r.right)}px`);
      }
    }
    // Headings and choices fit with words kept whole (or cut where a word may be: a space, a
    // hyphen, a soft hyphen), not broken letter by letter, which only the page's last-resort
    // wrapping would do.
    for (const el of document.querySelectorAll('main h1, main h2, main h3, main legend, main .tile')) {
      if (!el.checkVisibility() || el.closest('.table-wrap')) continue;
      const saved = el.style.cssText;
      el.style.overflowWrap = 'normal';
      el.style.wordBreak = 'normal';
      for (const child of el.querySelectorAll('span')) { child.style.overflowWrap = 'normal'; child.style.wordBreak = 'normal'; }
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" only fits by breaking a word`);
      el.style.cssText = saved;
      for (const child of el.querySelectorAll('span')) { child.style.overflowWrap = ''; child.style.wordBreak = ''; }
    }
    return found;
  }, WIDTH);
}

/** Axe's findings and what overflows, on the page shown. */
async function problemsOf(page, url, lang) {
  const path = url.replace(env.server.baseUrl, '');
  return [
    ...(await axeViolations(page)).map((v) => `${path} [${lang}] ${v}`),
    ...(await overflows(page)).map((o) => `${path} [${lang}] overflows: ${o}`),
  ];
}

/**
 * Pages reachable from `starts` through links (same site, GET), one per route, each checked on
 * the way in `lang` (the language chosen sticks for the session). Returns the pages and problems.
 */
async function walk(page, starts, within, lang) {
  const seen = new Map(); // route -> url
  const problems = [];
  const queue = [...starts];
  await page.goto(withLang(`${env.server.baseUrl}/`, lang));
  while (queue.length > 0) {
    const url = queue.shift();
    const route = routeOf(url);
    if (seen.has(route)) continue;
    const response = await page.goto(url);
    if (!response || response.status() !== 200 || !(response.headers()['content-type'] || '').includes('text/html')) continue;
    seen.set(route, url);
    problems.push(...await problemsOf(page, url, lang));
    const links = await page.evaluate(() => [...document.querySelectorAll('main a[href], header a[href]')].map((a) => a.href));
    for (const link of links) {
      const target = new URL(link);
      if (target.origin !== new URL(env.server.baseUrl).origin || SKIP.test(target.pathname + target.search)) continue;
      target.hash = '';
      if (within.some((prefix) => target.pathname === prefix || target.pathname.startsWith(`${prefix}/`)) && !seen.has(routeOf(target.href))) {
        queue.push(target.href);
      }
    }
  }
  return { pages: [...seen.values()], problems };
}

/** The same pages again in each other language. */
async function inLanguages(page, pages, languages) {
  const problems = [];
  for (const lang of languages) {
    for (const url of pages) {
      const response = await page.goto(withLang(url, lang));
      assert.equal(response.status(), 200, url);
      problems.push(...await problemsOf(page, url, lang));
    }
  }
  return problems;
}

for (const [email, slug, own] of [
  ['coordinator.eupen@demo.relais.be', 'oeshz-eupen', 'de'],
  ['coordinator.puurs@demo.relais.be', 'ocmw-puurs-sint-amands', 'nl'],
  ['coordinator.charleroi@demo.relais.be', 'cpas-charleroi', 'fr'],
]) {
  // Every language for the German-speaking organisation (the longest words); the others in
  // their own language, to keep the suite quick (the same pages, other data).
  const others = own === 'de' ? LANGUAGES.filter((l) => l !== own) : [];
  test(`every page of ${slug} with its demo data passes axe and fits ${WIDTH} px (${[own, ...others].join(', ')})`, async (t) => {
    const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: WIDTH, height: 740 } });
    const page = await context.newPage();
    await logIn(page, email);
    const base = `${env.server.baseUrl}/organisations/${slug}`;
    const { pages, problems } = await walk(page, [base, `${base}/log?at=phone`, `${env.server.baseUrl}/account`],
      [`/organisations/${slug}`, '/account', '/signals', '/catalogue'], own);
    assert.ok(pages.length >= 20, `the walk finds the organisation's pages (${pages.length})`);
    t.diagnostic(`${pages.length} pages`);
    problems.push(...await inLanguages(page, pages, others));
    await context.close();
    assert.deepEqual(problems, [], problems.join('\n'));
  });
}

test(`the public pages with the demo data pass axe and fit ${WIDTH} px, in four languages`, async () => {
  const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: WIDTH, height: 740 } });
  const page = await context.newPage();
  const base = env.server.baseUrl;
  const { pages, problems } = await walk(page,
    [`${base}/`, `${base}/places?q=4700`, `${base}/places?q=9000`, `${base}/workshops`, `${base}/catalogue`, `${base}/diagnostic`],
    ['/places', '/workshops', '/catalogue', '/units', '/sheets', '/diagnostic'], 'fr');
  assert.ok(pages.length >= 8, `the walk finds the public pages (${pages.length})`);
  problems.push(...await inLanguages(page, pages, ['nl', 'de', 'en']));
  await context.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});
